import type { SaleVoucher } from '@pos/core';
import { ask } from '../../state/dialog-store';
import { totalsNow } from '../../state/rates-now';
import { services } from '../../state/services';
import { buildReturn, returnNow, sealPending } from '../returns/refund-return';
import { useReturnStore } from '../returns/return-store';
import { giftCardFailure } from './gift-card-actions';

/**
 * Pays a return back as store credit to the original sale's member: a voucher line of the return
 * (no tender), sealed like any return; the host has the hub make the card after the seal and its
 * code prints on the return's receipt. Online only (offline the cashier refunds in cash), and only
 * for a sale with a member (store credit is a member's).
 */
export async function refundAsStoreCredit(): Promise<void> {
  const { found } = useReturnStore.getState();
  if (!found) return;
  const customerId = found.record.payload.customerId;
  if (!customerId) return useReturnStore.setState({ say: { key: 'giftCards.storeCreditNeedsMember' } });
  try {
    await services().bridge.invoke('vouchers.ready');
  } catch (error) {
    return useReturnStore.setState({ say: giftCardFailure(error) });
  }
  const built = returnNow(crypto.randomUUID());
  if (!built) return;
  const credit: SaleVoucher = { lineId: crypto.randomUUID(), cardKind: 'store_credit', operation: 'issue', amount: built.total };
  const cart = { ...built.cart, customer: { id: customerId, label: customerId }, vouchers: [credit] };
  useReturnStore.setState({ pending: buildReturn(cart, [], built) });
  await sealPending();
}

/**
 * A return without its receipt (approved by a manager) refunded as store credit: to a member the
 * cashier finds or creates in the customer dialog (store credit is a member's), online only.
 */
export async function refundFreeAsStoreCredit(): Promise<void> {
  const { free } = useReturnStore.getState();
  if (!free || free.cart.lines.length === 0) return useReturnStore.setState({ say: { key: 'returns.nothingChosen' } });
  try {
    await services().bridge.invoke('vouchers.ready');
  } catch (error) {
    return useReturnStore.setState({ say: giftCardFailure(error) });
  }
  const chosen = await ask({ kind: 'customer', current: null });
  if (chosen?.kind !== 'customer' || !chosen.customer) return;
  const amount = totalsNow(free.cart).total;
  const credit: SaleVoucher = { lineId: crypto.randomUUID(), cardKind: 'store_credit', operation: 'issue', amount };
  const cart = { ...free.cart, customer: chosen.customer, vouchers: [credit] };
  useReturnStore.setState({ pending: buildReturn(cart, [], { returnApproval: free.approval }) });
  await sealPending();
}
