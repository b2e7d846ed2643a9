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

function amountProblem(value: unknown, path: string): string | null {
  if (typeof value !== 'number') return null;
  // Money is whole minor units; a return may carry negative ones.
  if (!Number.isInteger(value) || Math.abs(value) > MAX_AMOUNT) {
    return `${path} is ${value}: an amount is a whole number of minor units up to ${MAX_AMOUNT}`;
  }
  return null;
}

function amountsProblem(fields: Fields | null, names: readonly string[], path: string): string | null {
  if (!fields) return null;
  for (const name of names) {
    const problem = amountProblem(fields[name], `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
}

function lineProblem(line: Fields, path: string): string | null {
  const { quantity, measure } = line;
  if (typeof quantity === 'number') {
    const max = maxLineQuantity(measure);
    // A negative quantity is an item brought back, read by the hub as a return.
    if (!Number.isInteger(quantity) || Math.abs(quantity) > max) {
      return `${path}.quantity is ${quantity}: a ${measure === 'weight' ? 'weighed' : 'unit'} line holds a whole number up to ${max}`;
    }
  }
  for (const key of ['lineId', 'productId'] as const) {
    const id = line[key];
    if (typeof id === 'string' && id.length > SALE_LIMITS.maxIdLength) {
      return `${path}.${key} is ${id.length} characters long; at most ${SALE_LIMITS.maxIdLength} are allowed`;
    }
  }
  const discount = fieldsOf(line.discount);
  return (
    amountsProblem(line, LINE_AMOUNTS, path) ??
    amountProblem(discount?.amount, `${path}.discount.amount`) ??
    amountProblem(fieldsOf(line.priceOverride)?.originalPrice, `${path}.priceOverride.originalPrice`)
  );
}

function listProblem(list: unknown, path: string, check: (item: Fields, path: string) => string | null): string | null {
  if (!Array.isArray(list)) return null;
  for (const [i, item] of list.entries()) {
    const fields = fieldsOf(item);
    const problem = fields ? check(fields, `${path}[${i}]`) : null;
    if (problem) return problem;
  }
  return null;
}

/**
 * Why a `sales` document (the sealed record at `record`, its payload at `record.payload`) is out
 * of core's bounds, or null. Walks only the known places, never the whole document.
 */
export function pushedSaleProblem(doc: Fields): string | null {
  const topTotal = amountProblem(doc.total, 'total');
  if (topTotal) return topTotal;
  const payload = fieldsOf(fieldsOf(doc.record)?.payload);
  if (!payload) return null;
  const { lines } = payload;
  if (Array.isArray(lines) && lines.length > SALE_LIMITS.maxLines) {
    return `record.payload.lines has ${lines.length} lines; a sale holds at most ${SALE_LIMITS.maxLines}`;
  }
  return (
    amountsProblem(payload, SALE_AMOUNTS, 'record.payload') ??
    listProblem(lines, 'record.payload.lines', lineProblem) ??
    listProblem(payload.tenders, 'record.payload.tenders', (t, p) => amountsProblem(t, TENDER_AMOUNTS, p)) ??
    listProblem(payload.vat, 'record.payload.vat', (v, p) => amountsProblem(v, VAT_AMOUNTS, p))
  );
}
