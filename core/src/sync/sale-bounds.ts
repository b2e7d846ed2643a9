import { MAX_QUANTITY, MAX_WEIGHT_G } from '../cart/cart';
import { MAX_AMOUNT, SALE_LIMITS } from '../validation/sealed-shapes';

/**
 * The numbers of a pushed sale that the hub adds up (stock, takings) must be ones a till host
 * could have sealed: core's own bounds, so a forged or corrupt sale with a quantity of 10^15
 * cannot overflow a ledger. Only the numbers and the sizes that become ledger keys are checked:
 * everything else of a sealed sale is kept as it came and read warily by each projection.
 */

/** The largest quantity a line may hold: pieces, or grams for a weighed line (either, when the line does not say). */
export function maxLineQuantity(measure: unknown): number {
  if (measure === 'unit') return MAX_QUANTITY;
  if (measure === 'weight') return MAX_WEIGHT_G;
  return Math.max(MAX_QUANTITY, MAX_WEIGHT_G);
}

const LINE_AMOUNTS = ['unitPrice', 'gross', 'lineDiscount', 'cartDiscountShare', 'net', 'labelAmount'] as const;
const SALE_AMOUNTS = ['subtotal', 'discountTotal', 'total', 'cashRounding', 'change'] as const;
const TENDER_AMOUNTS = ['amount', 'tendered', 'change', 'rounding'] as const;
const VAT_AMOUNTS = ['inclusive', 'base', 'vat'] as const;

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
}

/** A place in the document, spelled only when a problem is found there (a push checks 500 sales). */
type Where = { readonly list: string; readonly index?: number };

function spell(where: Where, field: string): string {
  return `${where.list}${where.index === undefined ? '' : `[${where.index}]`}.${field}`;
}

function amountProblem(value: unknown, where: Where, field: string): string | null {
  if (typeof value !== 'number') return null;
  // Money is whole minor units; a return may carry negative ones.
  if (!Number.isInteger(value) || Math.abs(value) > MAX_AMOUNT) {
    return `${spell(where, field)} is ${value}: an amount is a whole number of minor units up to ${MAX_AMOUNT}`;
  }
  return null;
}

function amountsProblem(fields: Fields | null, names: readonly string[], where: Where): string | null {
  if (!fields) return null;
  for (const name of names) {
    const problem = amountProblem(fields[name], where, name);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: Fields, where: Where): string | null {
  const { quantity, measure } = line;
  if (typeof quantity === 'number') {
    const max = maxLineQuantity(measure);
    // A negative quantity is an item brought back, read by the hub as a return.
    if (!Number.isInteger(quantity) || Math.abs(quantity) > max) {
      return `${spell(where, 'quantity')} is ${quantity}: a ${measure === 'weight' ? 'weighed' : 'unit'} line holds a whole number up to ${max}`;
    }
  }
  for (const key of ['lineId', 'productId'] as const) {
    const id = line[key];
    if (typeof id === 'string' && id.length > SALE_LIMITS.maxIdLength) {
      return `${spell(where, key)} is ${id.length} characters long; at most ${SALE_LIMITS.maxIdLength} are allowed`;
    }
  }
  return (
    amountsProblem(line, LINE_AMOUNTS, where) ??
    amountProblem(fieldsOf(line.discount)?.amount, where, 'discount.amount') ??
    amountProblem(fieldsOf(line.priceOverride)?.originalPrice, where, 'priceOverride.originalPrice')
  );
}

function listProblem(list: unknown, name: string, check: (item: Fields, where: Where) => string | null): string | null {
  if (!Array.isArray(list)) return null;
  for (let index = 0; index < list.length; index++) {
    const fields = fieldsOf(list[index]);
    const problem = fields ? check(fields, { list: name, index }) : null;
    if (problem) return problem;
  }
  return null;
}

/**
 * Why a `sales` document (the sealed record at `record`, its payload at `record.payload`) is out
 * of core's bounds, or null. Walks only the known places, never the whole document.
 */
export function pushedSaleProblem(doc: Fields): string | null {
  const topTotal = amountProblem(doc.total, { list: 'document' }, 'total');
  if (topTotal) return topTotal;
  const payload = fieldsOf(fieldsOf(doc.record)?.payload);
  if (!payload) return null;
  const { lines } = payload;
  if (Array.isArray(lines) && lines.length > SALE_LIMITS.maxLines) {
    return `record.payload.lines has ${lines.length} lines; a sale holds at most ${SALE_LIMITS.maxLines}`;
  }
  return (
    amountsProblem(payload, SALE_AMOUNTS, { list: 'record.payload' }) ??
    listProblem(lines, 'record.payload.lines', lineProblem) ??
    listProblem(payload.tenders, 'record.payload.tenders', (t, where) => amountsProblem(t, TENDER_AMOUNTS, where)) ??
    listProblem(payload.vat, 'record.payload.vat', (v, where) => amountsProblem(v, VAT_AMOUNTS, where))
  );
}
