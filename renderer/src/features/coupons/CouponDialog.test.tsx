import { demoProduct, PosError, type SalePayloadV1, type SealRequest } from '@pos/core';
import { welcomeCoupon } from '@pos/core/test-support/coupon-promotions';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cartActions, useCartStore } from '../../state/cart-store';
import { cartSummary, euros, paymentRegion } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

const product = demoProduct(205);
const CODE = 'K7QM2XD4HTRP';

/** Single-use codes of 20 % off the product's category, as the till pulled the rule into Dexie. */
const welcome = welcomeCoupon(product.category);

let till: Till;
beforeEach(async () => {
  till = await startTill();
  await till.db.catalog.promotions.bulkPut([welcome]);
  await act(() => cartActions.refreshPromotions());
});
afterEach(async () => {
  await stopTill();
});

const openDialog = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: /^Coupon/ }));
  return screen.findByRole('dialog', { name: 'Coupon' });
};

describe('a coupon code at the till (in French)', () => {
  it('is held by the host, prices the cart with its promotion and is sealed with the code', async () => {
    const user = userEvent.setup();
    const asked: unknown[] = [];
    till.handle('coupons.reserve', (request: { saleId: string; code: string }) => {
      asked.push(request);
      return { code: CODE, promotionId: 'welcome', version: 1, kind: 'single-use', reservationId: 'cpn-1' };
    });
    renderTill();
    await act(() => sellCode(product.barcodes[0]!));
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Code du coupon'), CODE.toLowerCase());
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect(await screen.findByText(`Coupon ${CODE} appliqué.`)).toBeTruthy();
    expect(asked).toEqual([{ saleId: useCartStore.getState().cart.id, code: CODE.toLowerCase() }]);
    const off = Math.round(product.price * 0.2);
    expect(cartSummary()['Total TTC']).toBe(euros(product.price - off));

    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [sale] = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.payload as SalePayloadV1);
    expect(sale!.discounts).toEqual([
      expect.objectContaining({ source: 'coupon', sourceId: 'welcome', sourceVersion: 1, amount: off, couponCode: CODE }),
    ]);
    // A whole sale through the payment screen: more than the default 5 s on a loaded machine.
  }, 30_000);

  it('says in French why a code is refused, and offline that only the till’s block is accepted', async () => {
    const user = userEvent.setup();
    let answer: PosError = new PosError('HUB_REFUSED', 'used', { hubCode: 'coupon_used', status: 409 });
    till.handle('coupons.reserve', () => {
      throw answer;
    });
    renderTill();
    await act(() => sellCode(product.barcodes[0]!));
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('Code du coupon'), CODE);
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Ce code a déjà été utilisé.');
    answer = new PosError('HUB_REFUSED', 'offline', { hubCode: 'coupon_offline' });
    await user.click(within(dialog).getByRole('button', { name: 'Valider' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /^Hors ligne, seuls les codes à usage unique du bloc de cette caisse/,
    );
    expect(useCartStore.getState().cart.coupons).toBeUndefined();
  });
});
