import type { Cart, CartLine } from '../cart/cart';
import type { ReturnOf, SaleLine, SaleLineV0, SalePayload } from './sale';

/** A line of the original as the returns screen shows it: what was sold, what returns took, what is left. */
export type ReturnableLine = {
  readonly line: SaleLine | SaleLineV0;
  readonly sold: number;
  readonly returned: number;
  /** What may still come back: pieces, or grams of a weighed line (which comes back whole). */
  readonly left: number;
  /** Comes back whole or not at all (weighed lines, price-label lines). */
  readonly whole: boolean;
  /** Sold with a discount of its own or a share of the ticket's: it refunds its share of what was paid (paidShare). */
  readonly discounted: boolean;
};

/**
 * The original's lines with what may still come back: never more than sold minus earlier returns
 * (the host checks the same against its journal).
 */
export function returnableLines(
  sale: SalePayload,
  returned: readonly { readonly lineId: string; readonly quantity: number }[],
): ReturnableLine[] {
  const taken = new Map(returned.map((r) => [r.lineId, r.quantity]));
  return sale.lines.map((line) => {
    const before = taken.get(line.lineId) ?? 0;
    const whole = line.measure === 'weight' || line.labelAmount !== undefined;
    return {
      line,
      sold: line.quantity,
      returned: before,
      left: whole && before > 0 ? 0 : Math.max(0, line.quantity - before),
      whole,
      // Any discount: its own, its share of the ticket's, a promotion's.
      discounted: line.net < line.gross,
    };
  });
}

/**
 * What `quantity` more of a sold line refunds once `before` came back: the customer's `net` for the
 * line (after its discount and its share of the ticket's) pro rata, in whole minor units. It is
 * the difference of a cumulative share, floor(net × k / sold) and all of `net` once everything came
 * back, so successive partial returns never refund more than was paid at any point, and refund
 * exactly what was paid in all: the last return takes the remainder. A weighed or labelled line
 * comes back whole (`quantity` is then all of it).
 */
export function paidShare(line: Pick<SaleLine, 'quantity' | 'net'>, before: number, quantity: number): number {
  const paidFor = (k: number): number => {
    if (k >= line.quantity) return line.net;
    // BigInt: net × k may pass 2^53 for a large amount times a large quantity.
    return Number((BigInt(line.net) * BigInt(Math.max(0, k))) / BigInt(line.quantity));
  };
  return paidFor(before + quantity) - paidFor(before);
}

/**
 * The original line as a cart line of the return: same product, price and VAT rate, the quantity
 * coming back; a discounted line carries as an amount off what the customer did not pay of it, so
 * its net is its paidShare (no approval: the host checks it against the original).
 */
function returnLine(line: SaleLine | SaleLineV0, quantity: number, before: number, whole: boolean): CartLine {
  const gross = whole ? line.gross : line.unitPrice * quantity;
  const off = gross - paidShare(line, before, quantity);
  return {
    lineId: line.lineId,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    ...(line.code !== undefined ? { code: line.code } : {}),
    vatRateId: line.vatRateId,
    measure: line.measure,
    unitPrice: line.unitPrice,
    quantity,
    ...(line.labelAmount !== undefined ? { labelAmount: line.labelAmount } : {}),
    ...(off > 0 ? { discount: { kind: 'amount' as const, amount: off } } : {}),
  };
}

export class ReturnChoiceError extends Error {
  constructor(
    readonly lineId: string,
    readonly reason: 'unknown-line' | 'too-many' | 'not-whole' | 'nothing',
  ) {
    super(`Line ${lineId}: ${reason}`);
    this.name = 'ReturnChoiceError';
  }
}

/**
 * The cart of a return (to build and seal like a sale, with `returnOf`): the chosen lines of the
 * original, each with the quantity coming back, checked against what is left. `chosen` maps an
 * original line id to a quantity (0 or absent: the line stays with the customer).
 */
export function returnCart(
  sale: SalePayload,
  receipt: string,
  returned: readonly { readonly lineId: string; readonly quantity: number }[],
  chosen: ReadonlyMap<string, number>,
  cart: { readonly id: string; readonly startedAt: string },
): { readonly cart: Cart; readonly returnOf: ReturnOf } {
  const lines = new Map(returnableLines(sale, returned).map((r) => [r.line.lineId, r]));
  const out: CartLine[] = [];
  for (const [lineId, quantity] of chosen) {
    if (quantity === 0) continue;
    const line = lines.get(lineId);
    if (!line) throw new ReturnChoiceError(lineId, 'unknown-line');
    if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > line.left) throw new ReturnChoiceError(lineId, 'too-many');
    if (line.whole && quantity !== line.sold) throw new ReturnChoiceError(lineId, 'not-whole');
    out.push(returnLine(line.line, quantity, line.returned, line.whole));
  }
  if (out.length === 0) throw new ReturnChoiceError('', 'nothing');
  // In the original's order, so the ticket of the return reads like the receipt the customer holds.
  const order = new Map(sale.lines.map((l, i) => [l.lineId, i]));
  out.sort((a, b) => order.get(a.lineId)! - order.get(b.lineId)!);
  return {
    cart: { id: cart.id, currency: sale.currency, lines: out, startedAt: cart.startedAt },
    returnOf: { saleId: sale.saleId, receipt, lines: out.map((l) => ({ lineId: l.lineId, quantity: l.quantity })) },
  };
}
