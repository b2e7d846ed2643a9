import {
  paperRuleFor,
  PosError,
  receiptSettingsOf,
  saleKind,
  serviceAmount,
  serviceNoteRequired,
  type Cart,
  type PrintOutcome,
  type SealedRecord,
} from '@pos/core';
import { useCartStore, type LastSale } from '../../state/cart-store';
import { services } from '../../state/services';

type ReceiptChoice = NonNullable<LastSale['receipt']>;

/** Changes the done panel's sale, if it is still this one (the next sale may have started meanwhile). */
function updateLast(saleId: string, change: Partial<LastSale>): void {
  const last = useCartStore.getState().lastSale;
  if (last?.record.id === saleId) useCartStore.setState({ lastSale: { ...last, ...change } });
}

/** The host prints an original once: asked again (a sale completed again after a reload), it says so and a DUPLICATA is offered. */
async function printOriginal(saleId: string): Promise<LastSale['print']> {
  try {
    return await services().bridge.invoke('receipt.print', { saleId });
  } catch (error) {
    if (error instanceof PosError && error.code === 'RECEIPT_ALREADY_PRINTED') return 'already-printed';
    const failed: PrintOutcome = { status: 'failed', reason: 'unreachable', message: (error as Error).message };
    return failed;
  }
}

/** Prints the original receipt of the done panel's sale. */
export async function printReceipt(saleId: string): Promise<void> {
  updateLast(saleId, { print: 'printing' });
  updateLast(saleId, { print: await printOriginal(saleId) });
}

/**
 * Asks the host to open a cash sale's drawer: it does so once per sale, printed or not, and says
 * when the kick could not reach the printer (the cashier then opens it with the key).
 */
export async function openSaleDrawer(saleId: string): Promise<void> {
  updateLast(saleId, { drawer: 'opening' });
  try {
    updateLast(saleId, { drawer: await services().bridge.invoke('drawer.openForSale', { saleId }) });
  } catch (error) {
    updateLast(saleId, { drawer: { status: 'failed', reason: 'unreachable', message: (error as Error).message } });
  }
}

/**
 * The done panel's sale as it starts: the receipt as the store's setting says (paper only on
 * request by default), or the note at once when the sale's services reach 25 € TTC. Which lines
 * are services only the sold cart says (the sealed sale has no place for it): a cart of another
 * sale counts none.
 */
export function doneSale(record: SealedRecord<'sale'>, cart?: Cart): LastSale {
  const kind = saleKind(record.payload);
  const serviceTotal = cart?.id === record.id ? serviceAmount(cart.lines, record.payload.lines) : 0;
  const paper = paperRuleFor(kind, receiptSettingsOf(services().profile), serviceTotal);
  const receipt: ReceiptChoice = paper === 'ask' ? 'pending' : paper === 'always' ? 'paper' : 'none';
  const cash = record.payload.tenders.some((t) => t.method === 'cash');
  return {
    record,
    print: paper === 'always' ? 'printing' : 'not-printed',
    receipt,
    ...(kind === 'sale' && serviceNoteRequired(serviceTotal) ? { serviceNote: true as const } : {}),
    ...(cash ? { drawer: 'opening' as const } : {}),
  };
}

/**
 * What follows a stored sale: the drawer opens at once for cash (the change is given while the
 * customer answers), and the receipt prints now only when the store always prints.
 */
export async function afterSale(record: SealedRecord<'sale'>): Promise<void> {
  const last = useCartStore.getState().lastSale;
  const work: Promise<void>[] = [];
  if (last?.drawer) work.push(openSaleDrawer(record.id));
  if (last?.receipt === 'paper') work.push(printReceipt(record.id));
  await Promise.all(work);
}

/** The customer's answer: paper prints the original, digital shows the link's QR code, none ends it. */
export async function chooseReceipt(saleId: string, choice: Exclude<ReceiptChoice, 'pending'>): Promise<void> {
  updateLast(saleId, { receipt: choice });
  if (choice === 'paper') await printReceipt(saleId);
}
