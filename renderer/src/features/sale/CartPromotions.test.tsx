import {
  cartTotals,
  compilePromotions,
  demoProduct,
  salePricingContext,
  salePromotionProblems,
  validateSale,
  type SalePayloadV1,
  type SealRequest,
} from '@pos/core';
import { demoPromotions } from '@pos/core/test-support/promotion-cart';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cartActions, useCartStore } from '../../state/cart-store';
import { cartLines, cartSummary, euros, lineNamed, paymentRegion, plain } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from './sell';

const oignons = demoProduct(100);
const other = demoProduct(205);

/** Two rules of head office, as the till pulled them into Dexie. */
const rules = demoPromotions;

let till: Till;
beforeEach(async () => {
  till = await startTill();
  await till.db.catalog.promotions.bulkPut(rules());
  await act(() => cartActions.refreshPromotions());
});
afterEach(async () => {
  await stopTill();
});

async function scan(code: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await act(() => sellCode(code));
}

const totalShown = () => cartSummary()['Total TTC']!;
const coreTotal = () => cartTotals(useCartStore.getState().cart, till.profile.vatRates).total;
const notes = (name: string) => [...lineNamed(name).row.querySelectorAll('.line-promotion')].map((n) => plain(n.textContent));

describe('promotions in the cart', () => {
  it('"3 pour 2" and a percent off a category: each line shows its discount and the name, the total follows', async () => {
    expect(oignons.category).not.toBe(other.category);
    renderTill();
    await scan(oignons.barcodes[0]!, 3);
    await scan(other.barcodes[0]!);
    const third = Math.round(other.price * 0.2);
    expect(notes(oignons.name)).toEqual([`3 pour 2 oignons : ${euros(-oignons.price)}`]);
    expect(notes(other.name)).toEqual([`Rayon −20 % : ${euros(-third)}`]);
    expect(lineNamed(oignons.name).total).toBe(euros(oignons.price * 2));
    expect(lineNamed(other.name).total).toBe(euros(other.price - third));
    const total = oignons.price * 2 + other.price - third;
    expect(totalShown()).toBe(euros(total));
    expect(coreTotal()).toBe(total);
    expect(cartSummary()['Promotions']).toBe(euros(-(oignons.price + third)));
    expect(useCartStore.getState().cart.promotions?.map((p) => [p.sourceId, p.sourceVersion])).toEqual([
      ['oignons-3-pour-2', 2],
      ['rayon', 1],
    ]);
  });

  it('two items only: no "3 pour 2" yet; removing a line removes its discount', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!, 2);
    expect(notes(oignons.name)).toEqual([]);
    await scan(other.barcodes[0]!);
    expect(notes(other.name)).toHaveLength(1);
    const line = useCartStore.getState().cart.lines.find((l) => l.productId === other.id)!;
    act(() => cartActions.remove(line.lineId));
    expect(cartLines().map((l) => l.name)).toEqual([oignons.name]);
    expect(useCartStore.getState().cart.promotions).toBeUndefined();
    expect(totalShown()).toBe(euros(oignons.price * 2));
    expect(screen.queryByText(/Rayon/)).toBeNull();
  });

  it('the order of scanning changes nothing', async () => {
    await scan(other.barcodes[0]!);
    await scan(oignons.barcodes[0]!, 3);
    const first = coreTotal();
    act(() => cartActions.start('staff-camille', 'EUR'));
    await act(() => cartActions.refreshPromotions());
    await scan(oignons.barcodes[0]!, 3);
    await scan(other.barcodes[0]!);
    expect(coreTotal()).toBe(first);
    expect(first).toBe(oignons.price * 2 + other.price - Math.round(other.price * 0.2));
  });

  it('a rule saved at head office prices the open cart once the pull brings it', async () => {
    renderTill();
    await scan(oignons.barcodes[0]!, 3);
    await till.db.catalog.promotions.delete('oignons-3-pour-2');
    await act(() => cartActions.refreshPromotions());
    expect(notes(oignons.name)).toEqual([]);
    expect(totalShown()).toBe(euros(oignons.price * 3));
  });

  it('paid, the sale carries each promotion with its id and version, and passes the host’s checks with the same rules', async () => {
    const user = userEvent.setup();
    renderTill();
    await scan(oignons.barcodes[0]!, 3);
    await scan(other.barcodes[0]!);
    const total = coreTotal();
    await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
    await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
    await screen.findByRole('region', { name: 'Vente terminée' });
    const [request] = till.callsOf('fiscal.seal') as SealRequest[];
    const sale = request!.payload as SalePayloadV1;
    expect(sale.total).toBe(total);
    expect(sale.discounts.map((d) => (d.source === 'manual' ? d.source : [d.source, d.sourceId, d.sourceVersion, d.lineId]))).toEqual([
      ['promotion', 'oignons-3-pour-2', 2, sale.lines[0]!.lineId],
      ['promotion', 'rayon', 1, sale.lines[1]!.lineId],
    ]);
    expect(validateSale(sale, till.profile)).toEqual([]);
    expect(salePromotionProblems(sale, compilePromotions(rules()), salePricingContext(sale, till.profile.timeZone))).toEqual([]);
  });
});
