import { problem, type SaleProblem } from './sale-problems';

/** At most this many cards sold, reloaded or given as store credit by one sale or return. */
export const MAX_SALE_VOUCHERS = 20;

/**
 * A voucher line of a version 1 sale: money taken for a gift card (sold or reloaded) in a sale, or
 * a return's refund given as store credit. A multi-purpose voucher (stored-value/voucher-vat.ts):
 * outside the scope of VAT, never revenue, so it stays out of `lines`, `total` and the VAT
 * breakdown (the signed sales totals) and only adds to, or takes from, what the tenders settle.
 *
 * A reload names the card by the hub's id (never its code). A new card has no id yet when the sale
 * is sealed: the hub makes it after the seal, and knows it by the sale and this line's id
 * (`gift_card:<saleId>:<lineId>`, `store_credit:<returnId>`), so a retry or a restart never
 * issues a second card and an abandoned sale issues none.
 */
export type SaleVoucher = {
  readonly lineId: string;
  readonly cardKind: 'gift_card' | 'store_credit';
  readonly operation: 'issue' | 'reload';
  /** Minor units loaded on the card. */
  readonly amount: number;
  /** Reloads only: the hub's id of the card reloaded. */
  readonly cardId?: string;
};

type WithVouchers = {
  readonly kind?: 'sale' | 'return';
  readonly total: number;
  readonly vouchers?: readonly SaleVoucher[];
};

/** What the vouchers of a sale load in all (0 without any). */
export function voucherTotal(sale: Pick<WithVouchers, 'vouchers'>): number {
  return (sale.vouchers ?? []).reduce((acc, v) => acc + v.amount, 0);
}

/**
 * What the tenders settle: a sale's goods plus the cards it sells or reloads; a return's refund
 * less what it gives as store credit. Without vouchers, the total as before.
 */
export function amountDue(sale: WithVouchers): number {
  const vouchers = voucherTotal(sale);
  return sale.kind === 'return' ? sale.total - vouchers : sale.total + vouchers;
}

/**
 * A sale's vouchers as core allows them: a sale sells or reloads gift cards (a reload names its
 * card, an issue names none), a return gives store credit to its member (never more than it
 * refunds), line ids unique across goods and vouchers, and a sale without goods sells a card.
 */
export function voucherProblems(sale: {
  readonly kind: 'sale' | 'return';
  readonly total: number;
  readonly customerId?: string;
  readonly training?: true;
  readonly lines: readonly { readonly lineId: string }[];
  readonly vouchers?: readonly SaleVoucher[];
}): SaleProblem[] {
  const vouchers = sale.vouchers ?? [];
  if (sale.lines.length === 0 && vouchers.length === 0) return [problem('shape', 'a sale has at least one line')];
  // A fictitious sale never makes a real card.
  if (sale.training && vouchers.length > 0) return [problem('voucher', 'a training sale sells no card and gives no store credit')];
  const problems: SaleProblem[] = [];
  const ids = new Set(sale.lines.map((l) => l.lineId));
  const reloaded = new Set<string>();
  for (const [i, v] of vouchers.entries()) {
    const at = `voucher ${i + 1}`;
    if (ids.has(v.lineId)) problems.push(problem('shape', `${at}: line id ${v.lineId} is used twice`));
    ids.add(v.lineId);
    if (sale.kind === 'sale') {
      if (v.cardKind !== 'gift_card') problems.push(problem('voucher', `${at}: a sale sells gift cards only`));
      if (v.operation === 'reload' && !v.cardId) problems.push(problem('voucher', `${at}: a reload names its card`));
      if (v.operation === 'issue' && v.cardId) problems.push(problem('voucher', `${at}: a new card has no id before the hub makes it`));
      // The hub loads a card once per sale (reload:<saleId>:<cardId>): two loads of one card are one line.
      if (v.cardId && reloaded.has(v.cardId)) problems.push(problem('voucher', `${at}: card ${v.cardId} is reloaded twice`));
      if (v.cardId) reloaded.add(v.cardId);
    } else {
      if (v.cardKind !== 'store_credit' || v.operation !== 'issue' || v.cardId)
        problems.push(problem('voucher', `${at}: a return gives new store credit only`));
      if (!sale.customerId) problems.push(problem('voucher', `${at}: store credit is given to a member`));
    }
  }
  if (sale.kind === 'return' && voucherTotal({ vouchers }) > sale.total)
    problems.push(problem('voucher', `store credit of ${voucherTotal({ vouchers })} where the return refunds ${sale.total}`));
  if (sale.kind === 'return' && vouchers.length > 1) problems.push(problem('voucher', 'a return gives one store credit'));
  return problems;
}
