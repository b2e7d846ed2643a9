import { MAX_QUANTITY, MAX_WEIGHT_G } from '../cart/cart';
import { array, boolean, integer, literal, object, text, variant } from './shape';

const id = text(64);
const amount = integer(0);
const iso = text(40);

const discount = variant('kind', {
  percent: object({ kind: literal('percent'), bp: integer(1, 10_000) }),
  amount: object({ kind: literal('amount'), amount: integer(1) }),
});

const saleLine = object(
  {
    lineId: id,
    productId: id,
    sku: text(64),
    name: text(200),
    vatRateId: text(32),
    measure: literal('unit', 'weight'),
    unitPrice: amount,
    quantity: integer(1, Math.max(MAX_QUANTITY, MAX_WEIGHT_G)),
    gross: amount,
    lineDiscount: amount,
    cartDiscountShare: amount,
    net: amount,
    rateBp: integer(0, 10_000),
  },
  {
    code: text(64),
    labelAmount: amount,
    discount,
    priceOverride: object({ originalPrice: amount, reason: text(80), approvedBy: id }),
  },
);

const vatRow = object({
  vatRateId: text(32),
  rateBp: integer(0, 10_000),
  code: text(4),
  inclusive: integer(),
  base: integer(),
  vat: integer(),
});

const tender = variant('method', {
  cash: object({ id, method: literal('cash'), amount, tendered: amount, change: amount, rounding: integer() }),
  card: object(
    { id, method: literal('card'), amount: integer(1), status: literal('approved', 'declined', 'unknown'), attemptKey: id },
    {
      authorizationCode: text(32),
      maskedPan: text(32),
      scheme: text(32),
      message: text(200),
      offline: boolean(),
      resolvedBy: object({ staffId: id, outcome: literal('approved', 'declined') }),
    },
  ),
});

/** The exact shape of a sale the host will seal; see SalePayload in sale/sale.ts. */
export const SALE_SHAPE = object(
  {
    type: literal('sale'),
    saleId: id,
    storeId: text(32),
    tillId: text(32),
    staffId: id,
    currency: text(3),
    startedAt: iso,
    completedAt: iso,
    lines: array(saleLine, 500, 1),
    subtotal: amount,
    discountTotal: amount,
    total: amount,
    cashRounding: integer(),
    vat: array(vatRow, 20, 1),
    tenders: array(tender, 50),
    change: amount,
  },
  { customerId: id, cartDiscountBp: integer(1, 10_000) },
);

/** A void as the renderer may ask the host to seal it. */
export const VOID_SHAPE = object({
  type: literal('sale.void'),
  saleId: id,
  staffId: id,
  lineCount: integer(0, 500),
  total: amount,
  currency: text(3),
  lines: array(object({ sku: text(64), quantity: integer(1), amount }), 500),
});
