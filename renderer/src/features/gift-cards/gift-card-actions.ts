import { isSaleV1, PosError, type SaleVoucher, type SealedRecord, type VoucherIssueResult } from '@pos/core';
import { useAppStore } from '../../state/app-store';
import { ask } from '../../state/dialog-store';
import { cartActions } from '../../state/cart-store';
import { maybeServices } from '../../state/services';
import { trainingOn } from '../training/training-store';

/** Alt+G: a gift card sold or reloaded in the open cart (online only: the dialog asks the host first). */
export async function sellGiftCard(): Promise<void> {
  // A fictitious sale never makes a real card (the host refuses it too).
  if (trainingOn()) return useAppStore.getState().notify('warning', 'giftCards.training');
  const result = await ask({ kind: 'gift-card' });
  if (result?.kind !== 'voucher') return;
  cartActions.addVoucher(result.voucher);
}

/** The words for what the host or the hub refused about a card (its code, its state, offline). */
export function giftCardFailure(error: unknown): { key: string; values?: Record<string, string> } {
  if (error instanceof PosError && (error.code === 'HUB_UNREACHABLE' || error.code === 'NOT_ENROLLED')) return { key: 'giftCards.offline' };
  const hubCode = error instanceof PosError && typeof error.details?.hubCode === 'string' ? error.details.hubCode : 'other';
  return { key: `giftCards.refused.${hubCode}` };
}

/**
 * After the seal: the host makes the sale's cards at the hub (or will, once it answers); the done
 * panel says each card's code once (the original receipt prints it too), or that it is to come.
 */
export async function announceIssuedCards(record: SealedRecord<'sale'>): Promise<void> {
  const sale = record.payload;
  if (!isSaleV1(sale) || !sale.vouchers?.length) return;
  const running = maybeServices();
  if (!running) return;
  let result: VoucherIssueResult;
  try {
    result = await running.bridge.invoke('vouchers.issue', { saleId: record.id });
  } catch {
    result = { cards: [], others: sale.vouchers.map((v) => ({ lineId: v.lineId, state: 'waiting' as const })) };
  }
  const app = useAppStore.getState();
  for (const card of result.cards) {
    if (card.code) app.notify('info', 'giftCards.issued', { code: card.code });
  }
  if (result.others.some((o) => o.state === 'refused')) app.notify('error', 'giftCards.issueRefused');
  else if (result.others.length > 0) app.notify('warning', 'giftCards.issueWaiting');
}

/** A new voucher line of the cart: a card to make (`cardId` absent) or to reload. */
export function voucherLine(amount: number, cardId?: string): SaleVoucher {
  return {
    lineId: crypto.randomUUID(),
    cardKind: 'gift_card',
    operation: cardId ? 'reload' : 'issue',
    amount,
    ...(cardId ? { cardId } : {}),
  };
}
