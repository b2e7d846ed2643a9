import { describe, expect, it } from 'vitest';
import { TEST_WALLET_CARD, walletErrorOf } from '../test-support/wallet-keys';
import { solidPng } from './solid-png';
import { requireWalletCard, WALLET_CARD_LIMITS, walletCardProblems, type WalletCard } from './wallet-card';

const card: WalletCard = { ...TEST_WALLET_CARD, points: 0 };

describe('walletCardProblems', () => {
  it('takes a card at its bounds', () => {
    const name = 'é'.repeat(WALLET_CARD_LIMITS.nameLength);
    const full: WalletCard = {
      ...card,
      memberId: 'm'.repeat(64),
      cardNumber: '9'.repeat(64),
      displayName: name,
      programName: name,
      storeName: name,
      tier: name,
      points: WALLET_CARD_LIMITS.maxPoints,
      language: 'en',
      colours: { background: '#000000', foreground: '#ffffff' },
      logoPng: solidPng(WALLET_CARD_LIMITS.logoWidth, WALLET_CARD_LIMITS.logoHeight, [0, 0, 0, 255]),
    };
    expect(walletCardProblems(full)).toEqual([]);
  });

  it('lists every field out of bounds or of the wrong form', () => {
    const problems = walletCardProblems({
      ...card,
      memberId: 'a:b',
      cardNumber: 'LOY 42',
      displayName: 'x'.repeat(101),
      programName: ' ',
      storeName: 'Maison\nLyon',
      tier: '',
      points: 1.5,
      language: 'de' as 'fr',
      colours: { background: 'red', foreground: '#FFFFFF', shadow: '#000000' } as never,
      email: 'camille@example.com',
    } as WalletCard);
    expect(problems).toEqual([
      'email is not a field of a wallet card',
      'memberId must be 1 to 64 letters, digits, ".", "_" or "-"',
      'cardNumber must be 1 to 64 letters, digits or "-"',
      'displayName must be 1 to 100 characters, no control character',
      'programName must be 1 to 100 characters, no control character',
      'storeName must be 1 to 100 characters, no control character',
      'points must be a whole number from 0 to 999999999',
      'tier must be 1 to 100 characters, no control character',
      'language must be "fr" or "en"',
      'colours.shadow is not a field of the colours',
      'colours.background must be #RRGGBB',
    ]);
  });

  it('takes only a small PNG as the logo', () => {
    expect(walletCardProblems({ ...card, points: -1 })).toEqual(['points must be a whole number from 0 to 999999999']);
    expect(walletCardProblems({ ...card, logoPng: new Uint8Array(64) })).toEqual(['logoPng must be a PNG']);
    expect(walletCardProblems({ ...card, logoPng: new Uint8Array(WALLET_CARD_LIMITS.logoBytes + 1) })).toEqual([
      'logoPng must be a PNG of at most 65536 bytes',
    ]);
    expect(walletCardProblems({ ...card, logoPng: solidPng(481, 10, [0, 0, 0, 255]) })).toEqual(['logoPng must be at most 480×150 pixels']);
  });

  it('refuses a card with its problems (invalid_wallet_card)', () => {
    expect(walletErrorOf(() => requireWalletCard({ ...card, points: Number.NaN }))).toMatchObject({
      code: 'invalid_wallet_card',
      details: { problems: ['points must be a whole number from 0 to 999999999'] },
    });
    expect(() => requireWalletCard(card)).not.toThrow();
  });
});
