import { CARD_CODE_RANDOM_BYTES, newCardCode } from '@pos/core';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OfficeApiError, type OfficeClient } from '../../api/office-client';
import { OfficeClientContext } from '../../app/client-context';
import { fakeClient, renderWithI18n } from '../../test-support/render';
import { cardIdOfCode } from './card-lookup';
import { CardLookup } from './CardLookup';

/** A real code (its check character right), made by core as the hub makes them. */
const CODE = newCardCode(new Uint8Array(CARD_CODE_RANDOM_BYTES).fill(7));
/** What the hub's cardIdOfHash(cardCodeHash(CODE)) gives (sync-server/src/ledgers/card-id.ts, node's crypto). */
const HUB_ID = 'card_633c4ff1398be53ec8240e966ac5ece3';

function hub() {
  const admin = vi.fn<OfficeClient['admin']>(async (_method, path) => {
    if (path.startsWith(`/cards/${HUB_ID}`))
      return {
        cardId: HUB_ID,
        kind: 'gift_card',
        currency: 'EUR',
        status: 'active',
        available: 3_000,
        reserved: 0,
        overdraft: 0,
        loaded: 5_000,
        redeemed: 2_000,
        refunded: 0,
        expired: 0,
        voided: 0,
        entries: [{ entryId: 'redeem:s2:t1', kind: 'redeem', at: '2026-12-07T10:00:00.000Z', saleId: 's2', tillId: 'S1.T1', entry: {} }],
        more: false,
      };
    throw new OfficeApiError('card_not_issued', 404);
  });
  return { client: fakeClient({ admin }), admin };
}

describe('a card looked up by head office', () => {
  it('finds the card by its code without sending the code: its balance and entries, in French', async () => {
    expect(await cardIdOfCode(CODE.toLowerCase().replace(/-/g, ' '))).toEqual({ cardId: HUB_ID });
    const { client, admin } = hub();
    renderWithI18n(
      <OfficeClientContext.Provider value={client}>
        <CardLookup />
      </OfficeClientContext.Provider>,
      'fr',
    );
    await userEvent.type(screen.getByLabelText('Code de la carte ou identifiant (card_…)'), CODE);
    await userEvent.click(screen.getByRole('button', { name: 'Consulter' }));
    expect(await screen.findByText('Carte cadeau')).toBeTruthy();
    expect(screen.getByText('Paiement')).toBeTruthy();
    expect(JSON.stringify(admin.mock.calls)).not.toContain(CODE.slice(-4));
    await userEvent.clear(screen.getByLabelText('Code de la carte ou identifiant (card_…)'));
    await userEvent.type(
      screen.getByLabelText('Code de la carte ou identifiant (card_…)'),
      CODE.slice(0, -1) + (CODE.endsWith('2') ? '3' : '2'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Consulter' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce code contient une faute de frappe : vérifiez-le.');
  });
});
