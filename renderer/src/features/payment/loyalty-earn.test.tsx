// Before any module that opens Dexie (device-link reaches the database modules): they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, type SalePayloadV1, type SealRequest } from '@pos/core';
import { testLoyaltyProgram } from '@pos/core/test-support/loyalty-program';
import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cartActions } from '../../state/cart-store';
import { paymentRegion } from '../../test-support/screen-queries';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { sellCode } from '../sale/sell';

let till: Till;
let user: UserEvent;
beforeEach(async () => {
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  await stopTill();
});

async function payExactCash(withMember: boolean): Promise<SalePayloadV1> {
  renderTill();
  await act(() => sellCode(demoProduct(100).barcodes[0]!));
  await act(() => sellCode(demoProduct(205).barcodes[0]!));
  if (withMember) act(() => cartActions.setCustomer({ id: 'cus-1', label: 'Alice M.' }));
  await user.click(screen.getByRole('button', { name: /^Encaisser/ }));
  await user.click(within(paymentRegion()).getByRole('button', { name: 'Montant exact' }));
  await screen.findByRole('region', { name: 'Vente terminée' });
  const sealed = (till.callsOf('fiscal.seal') as SealRequest[]).filter((r) => r.chain === 'sale');
  return sealed.at(-1)!.payload as SalePayloadV1;
}

describe('points earned by a member', () => {
  it('seals the earn computed with the host’s program: the member’s id only, never the label', async () => {
    const program = testLoyaltyProgram();
    till.handle('loyalty.program', () => ({ program }));
    const sale = await payExactCash(true);
    expect(sale.customerId).toBe('cus-1');
    expect(sale.loyalty?.earn).toMatchObject({ id: `earn:${sale.saleId}`, customerId: 'cus-1', programId: 'club', programVersion: 3 });
    expect(JSON.stringify(sale)).not.toContain('Alice');
  });

  it('no member, or a host that cannot say: the sale seals without points', async () => {
    till.handle('loyalty.program', () => ({ program: testLoyaltyProgram() }));
    expect(await payExactCash(false)).not.toHaveProperty('loyalty');
  });

  it('a host without the method (or failing): the member’s sale still seals, without points', async () => {
    const sale = await payExactCash(true);
    expect(sale.customerId).toBe('cus-1');
    expect(sale).not.toHaveProperty('loyalty');
  });
});
