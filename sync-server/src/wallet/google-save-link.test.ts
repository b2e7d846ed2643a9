import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_WALLET_CARD, walletErrorOf } from '../test-support/wallet-keys';
import { googleIssuerOf } from './google-issuer';
import { googleWalletSaveLink } from './google-save-link';
import type { WalletCard } from './wallet-card';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const publicKey = createPublicKey(privateKey);
const issuer = googleIssuerOf({
  issuerId: '3388000000022222222',
  classId: '3388000000022222222.club_maison',
  serviceAccountEmail: 'wallet@pos-test.iam.gserviceaccount.com',
  privateKey: privateKeyPem,
});
const config = { google: issuer };
const card: WalletCard = { ...TEST_WALLET_CARD, tier: 'Gold', language: 'en' };
const NOW = new Date('2026-12-07T10:00:00.000Z');

function tokenOf(link: string) {
  const prefix = 'https://pay.google.com/gp/v/save/';
  expect(link.startsWith(prefix)).toBe(true);
  const [header = '', claims = '', signature = ''] = link.slice(prefix.length).split('.');
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { header: json(header), claims: json(claims), signed: `${header}.${claims}`, signature: Buffer.from(signature, 'base64url') };
}

describe('googleWalletSaveLink', () => {
  it('signs the JWT with the service account’s key (RS256)', () => {
    const token = tokenOf(googleWalletSaveLink(card, config, NOW));
    expect(token.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(verify('sha256', Buffer.from(token.signed), publicKey, token.signature)).toBe(true);
    const other = createPublicKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey);
    expect(verify('sha256', Buffer.from(token.signed), other, token.signature)).toBe(false);
  });

  it('carries one loyalty object: the member’s id, the class, the card number as a QR code, the points and the tier', () => {
    const { claims } = tokenOf(googleWalletSaveLink(card, config, NOW));
    expect(claims).toEqual({
      iss: 'wallet@pos-test.iam.gserviceaccount.com',
      aud: 'google',
      typ: 'savetowallet',
      iat: NOW.getTime() / 1000,
      payload: {
        loyaltyObjects: [
          {
            id: '3388000000022222222.mbr_7Hq2x',
            classId: '3388000000022222222.club_maison',
            state: 'ACTIVE',
            accountId: 'LOY-0042-7781',
            accountName: 'Camille D.',
            barcode: { type: 'QR_CODE', value: 'LOY-0042-7781', alternateText: 'LOY-0042-7781' },
            loyaltyPoints: { label: 'Points', balance: { int: 1250 } },
            textModulesData: [{ id: 'tier', header: 'Tier', body: 'Gold' }],
          },
        ],
      },
    });
    const plain = tokenOf(googleWalletSaveLink({ ...card, tier: undefined, language: 'fr' }, config, NOW)).claims;
    expect((plain.payload as { loyaltyObjects: object[] }).loyaltyObjects[0]).not.toHaveProperty('textModulesData');
  });

  it('says when Google Wallet is not configured or the card is out of bounds', () => {
    expect(walletErrorOf(() => googleWalletSaveLink(card, {}))).toMatchObject({
      code: 'wallet_not_configured',
      details: { wallet: 'google' },
    });
    expect(walletErrorOf(() => googleWalletSaveLink({ ...card, memberId: 'has space' }, config))).toMatchObject({
      code: 'invalid_wallet_card',
    });
  });
});
