// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { PosError, type SalePayloadV1, type SealRequest } from '@pos/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useCartStore } from '../../state/cart-store';
import { paymentRegion } from '../../test-support/screen-queries';
import { renderTill } from '../../test-support/till-harness';
import { tillPerTest } from '../../test-support/till-per-test';

const session = tillPerTest();

const openDialog = async () => {
  await session.user.click(screen.getByRole('button', { name: /^Carte cadeau/ }));
  return screen.findByRole('dialog', { name: 'Carte cadeau' });
};

describe('gift cards sold at the till', () => {
  it('sells a card alone: outside the goods, paid, sealed without a code, its code shown once made', async () => {
    const { till, user } = session;
    till.handle('vouchers.ready', () => ({ online: true }));
    till.handle('vouchers.issue', (request: { saleId: string }) => ({
      cards: [{ lineId: 'x', maskedCode: '••••-••••-••••-••••-8NCA', code: '7KQ2-M9XD-4HTR-PZ3W-8NCA', available: 5_000 }],
      others: [],
      saleId: request.saleId,
    }));
    renderTill();
    const dialog = await openDialog();
    await user.type(await within(dialog).findByLabelText('Montant à charger'), '50');
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(useCartStore.getState().cart.vouchers).toEqual([
      expect.objectContaining({ cardKind: 'gift_card', operation: 'issue', amount: 5_000 }),
    ]);
    expect(screen.getByText('Carte cadeau vendue')).toBeTruthy();
    expect(screen.getByTestId('cart-total').textContent).toMatch(/50,00/);
    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [sale] = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.payload as SalePayloadV1);
    expect(sale).toMatchObject({ total: 0, lines: [], vouchers: [expect.objectContaining({ amount: 5_000 })] });
    expect(sale!.tenders.reduce((a, t) => a + t.amount, 0)).toBe(5_000);
    expect(await screen.findByText(/7KQ2-M9XD-4HTR-PZ3W-8NCA/)).toBeTruthy();
  });

  it('offline, says in French that cards are sold online only and sells nothing', async () => {
    const { till } = session;
    till.handle('vouchers.ready', () => {
      throw new PosError('HUB_UNREACHABLE', 'offline');
    });
    renderTill();
    const dialog = await openDialog();
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Hors ligne : les cartes cadeaux se vendent');
    expect((within(dialog).getByRole('button', { name: 'Valider' }) as HTMLButtonElement).disabled).toBe(true);
    expect(useCartStore.getState().cart.vouchers).toBeUndefined();
  });
});
