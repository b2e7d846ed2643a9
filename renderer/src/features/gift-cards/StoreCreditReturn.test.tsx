// Before any module that opens Dexie: they must find IndexedDB.
import 'fake-indexeddb/auto';
import { demoProduct, type SalePayloadV1, type SealedRecord, type SealRequest } from '@pos/core';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTill, startTill, stopTill, type Till } from '../../test-support/till-harness';
import { EMPTY_RETURN, useReturnStore } from '../returns/return-store';

const oignons = demoProduct(100);
let till: Till;
let user: UserEvent;
beforeEach(async () => {
  useReturnStore.setState(EMPTY_RETURN);
  till = await startTill();
  user = userEvent.setup();
});
afterEach(async () => {
  useReturnStore.setState(EMPTY_RETURN);
  await stopTill();
});

function sealSale(id: string, customerId?: string): SealedRecord<'sale'> {
  const payload = { ...cashSale({ saleId: id, products: [100] }), ...(customerId ? { customerId } : {}) };
  return till.seal({ chain: 'sale', id, payload }) as SealedRecord<'sale'>;
}

async function returnOneLine(): Promise<HTMLElement> {
  renderTill();
  await user.keyboard('{F10}');
  const dialog = await screen.findByRole('dialog', { name: 'Retour d’articles' });
  await user.type(within(dialog).getByLabelText(/^Ticket de la vente/), 'S001-T01-000001{Enter}');
  await user.click(await within(dialog).findByRole('button', { name: `Un de plus pour ${oignons.name}` }));
  return dialog;
}

describe('a return refunded as store credit', () => {
  it('gives the whole refund as store credit to the sale’s member: a voucher, no tender', async () => {
    const original = sealSale('sold-1', 'cust-1');
    till.handle('vouchers.ready', () => ({ online: true }));
    const dialog = await returnOneLine();
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en avoir' }));
    expect(await within(dialog).findByText(/Retour enregistré/)).toBeTruthy();
    const back = (till.callsOf('fiscal.seal') as SealRequest[]).map((r) => r.payload as SalePayloadV1).find((p) => p.kind === 'return')!;
    const price = original.payload.lines[0]!.unitPrice;
    expect(back).toMatchObject({ customerId: 'cust-1', tenders: [], total: price });
    expect(back.vouchers).toEqual([expect.objectContaining({ cardKind: 'store_credit', operation: 'issue', amount: price })]);
  });

  it('refuses in words for a sale without a member', async () => {
    sealSale('sold-1');
    till.handle('vouchers.ready', () => ({ online: true }));
    const dialog = await returnOneLine();
    await user.click(within(dialog).getByRole('button', { name: 'Rembourser en avoir' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Un avoir est attribué à un client');
  });
});
