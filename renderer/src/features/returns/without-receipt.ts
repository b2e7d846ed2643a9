import { addProduct, cartTotals, cashTender, emptyCart, paymentState, setQuantity, type Product } from '@pos/core';
import { findByBarcode } from '../../db/catalog-search';
import { useAppStore } from '../../state/app-store';
import { totalsNow } from '../../state/rates-now';
import { services } from '../../state/services';
import { approve } from '../sale/approval';
import { buildReturn, sealPending } from './refund-return';
import { useReturnStore } from './return-store';

/**
 * A customer without the receipt: only with an approval of this return (a manager's PIN unless the
 * signed-in person may refund), which the host checks against the return's id and amount.
 */
export async function startWithoutReceipt(): Promise<void> {
  const { profile } = services();
  const id = crypto.randomUUID();
  const grant = await approve('sale.refund', 'returns.withoutReceiptApproval', { saleId: id });
  if (!grant) return;
  const cart = emptyCart(id, profile.currency, new Date().toISOString());
  useReturnStore.setState({
    step: 'free',
    say: null,
    free: { cart, approval: { approvalId: grant.approvalId, approvedBy: grant.approvedBy }, approverName: grant.approverName },
  });
}

/** A product coming back (one more when it is already listed); weighed goods need their receipt. */
export function addFreeProduct(product: Product): void {
  const { free } = useReturnStore.getState();
  if (!free) return;
  if (product.measure !== 'unit')
    return useReturnStore.setState({ say: { key: 'returns.weighedNeedsReceipt', values: { name: product.name } } });
  const line = free.cart.lines.find((l) => l.productId === product.id);
  const cart = line
    ? setQuantity(free.cart, line.lineId, line.quantity + 1)
    : addProduct(free.cart, product, { lineId: crypto.randomUUID(), quantity: 1 });
  useReturnStore.setState({ free: { ...free, cart }, say: null });
}

/** A product's barcode scanned while the goods are picked. */
export async function addFreeBarcode(code: string): Promise<void> {
  const product = await findByBarcode(services().db.catalog, code.trim());
  if (product) addFreeProduct(product);
  else useReturnStore.setState({ say: { key: 'scan.unknown', values: { code } } });
}

/** One less of a product (none left: its line goes). */
export function lessFree(lineId: string): void {
  const { free } = useReturnStore.getState();
  const line = free?.cart.lines.find((l) => l.lineId === lineId);
  if (!free || !line) return;
  const cart =
    line.quantity > 1
      ? setQuantity(free.cart, lineId, line.quantity - 1)
      : { ...free.cart, lines: free.cart.lines.filter((l) => l.lineId !== lineId) };
  useReturnStore.setState({ free: { ...free, cart } });
}

export function freeTotal(): number {
  const { free } = useReturnStore.getState();
  return free && free.cart.lines.length > 0 ? cartTotals(free.cart, services().profile.vatRates).total : 0;
}

/** Pays back in cash (a return without its receipt is never refunded to a card), then seals with the approval. */
export async function refundWithoutReceipt(): Promise<void> {
  const { free } = useReturnStore.getState();
  if (!free || free.cart.lines.length === 0) return useReturnStore.setState({ say: { key: 'returns.nothingChosen' } });
  if (!useAppStore.getState().staff) return;
  const total = totalsNow(free.cart).total;
  const { cashRounding } = services().profile;
  const due = paymentState(total, [], cashRounding).cashDue;
  const tender = cashTender(crypto.randomUUID(), total, [], due, cashRounding);
  useReturnStore.setState({ pending: buildReturn(free.cart, [tender], { returnApproval: free.approval }) });
  await sealPending();
}
