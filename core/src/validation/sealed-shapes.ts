import { MAX_QUANTITY, MAX_WEIGHT_G } from '../cart/cart';
import { LOYALTY_EARN_SHAPE } from '../loyalty/loyalty-entry-shapes';
import { MAX_SALE_VOUCHERS } from '../sale/voucher-line';
import { array, boolean, integer, literal, object, pattern, text, trueFlag, variant, versioned } from './shape';

/** Bounds of a sealed sale that readers of pushed sales (the hub) apply too. */
export const SALE_LIMITS = { maxIdLength: 64, maxLines: 500, maxDiscounts: 1000 } as const;

const id = text(SALE_LIMITS.maxIdLength, 1);
/** Amounts in minor units: at most 10 million euros a line or a sale, far above any real one. */
export const MAX_AMOUNT = 1_000_000_000;
const amount = integer(0, MAX_AMOUNT);
const iso = text(40);

const approvalFields = { approvalId: id, approvedBy: id };

const discount = variant('kind', {
  percent: object({ kind: literal('percent'), bp: integer(1, 10_000) }, approvalFields),
  amount: object({ kind: literal('amount'), amount: integer(1, MAX_AMOUNT) }, approvalFields),
});

const quantity = integer(1, Math.max(MAX_QUANTITY, MAX_WEIGHT_G));

const saleLineFields = {
  lineId: id,
  productId: id,
  sku: text(64),
  name: text(200),
  vatRateId: text(32),
  measure: literal('unit', 'weight'),
  unitPrice: amount,
  quantity,
  gross: amount,
  lineDiscount: amount,
  cartDiscountShare: amount,
  net: amount,
  rateBp: integer(0, 10_000),
} as const;

const saleLineOptional = {
  code: text(64),
  labelAmount: amount,
  discount,
  priceOverride: object({ originalPrice: amount, reason: text(80), approvedBy: id }, { approvalId: id }),
} as const;

const vatRow = object({
  vatRateId: text(32),
  rateBp: integer(0, 10_000),
  code: text(4),
  inclusive: integer(-MAX_AMOUNT, MAX_AMOUNT),
  base: integer(-MAX_AMOUNT, MAX_AMOUNT),
  vat: integer(-MAX_AMOUNT, MAX_AMOUNT),
});

/** A gift card or store credit tender (payment/tender.ts): the card's id and reservation, never its code. */
function storedValueTender(method: string) {
  return object(
    { id, method: literal(method), amount: integer(1, MAX_AMOUNT), cardId: id, reservationId: id, maskedCode: text(32, 4) },
    { balanceAfter: amount, offline: boolean() },
  );
}

const tender = variant('method', {
  cash: object({ id, method: literal('cash'), amount, tendered: amount, change: amount, rounding: integer(-MAX_AMOUNT, MAX_AMOUNT) }),
  card: object(
    { id, method: literal('card'), amount: integer(1, MAX_AMOUNT), status: literal('approved', 'declined', 'unknown'), attemptKey: id },
    {
      authorizationCode: text(32),
      maskedPan: text(32),
      scheme: text(32),
      message: text(200),
      offline: boolean(),
      resolvedBy: object({ staffId: id, outcome: literal('approved', 'declined') }),
    },
  ),
  gift_card: storedValueTender('gift_card'),
  store_credit: storedValueTender('store_credit'),
});

const saleHead = {
  type: literal('sale'),
  saleId: id,
  storeId: text(32, 1),
  tillId: text(32, 1),
  staffId: id,
  currency: text(3, 3),
  startedAt: iso,
  completedAt: iso,
} as const;

const saleTail = {
  subtotal: amount,
  discountTotal: amount,
  total: amount,
  cashRounding: integer(-MAX_AMOUNT, MAX_AMOUNT),
  vat: array(vatRow, 20, 1),
  tenders: array(tender, 50),
  change: amount,
} as const;

const saleOptional = { customerId: id, cartDiscountBp: integer(1, 10_000), cartDiscountApproval: object(approvalFields) } as const;

/** A version 0 sale (no `v`): every sale sealed before version 1, still verified as it was sealed. */
export const SALE_V0_SHAPE = object(
  { ...saleHead, lines: array(object(saleLineFields, saleLineOptional), SALE_LIMITS.maxLines, 1), ...saleTail },
  saleOptional,
);

const discountFigures = { kind: literal('percent', 'amount'), value: integer(1, MAX_AMOUNT), amount } as const;
const sourcedDiscount = (source: string) =>
  object({ source: literal(source), sourceId: id, sourceVersion: integer(0, MAX_AMOUNT), ...discountFigures }, { lineId: id });

/** A discount of a version 1 sale with its source (see SaleDiscount in sale/sale.ts). */
const saleDiscount = variant('source', {
  manual: object({ source: literal('manual'), ...discountFigures }, { lineId: id, ...approvalFields }),
  promotion: sourcedDiscount('promotion'),
  // A coupon's discount may name the code presented (a code, never personal data).
  coupon: object(
    { source: literal('coupon'), sourceId: id, sourceVersion: integer(0, MAX_AMOUNT), ...discountFigures },
    { lineId: id, couponCode: pattern(/^[A-Z0-9][A-Z0-9_-]{2,31}$/, 32, 'a coupon code') },
  ),
  // A loyalty reward: on the whole ticket, with the reward, the reservation its points were held by and their number.
  loyalty: object(
    {
      source: literal('loyalty'),
      sourceId: id,
      sourceVersion: integer(0, MAX_AMOUNT),
      ...discountFigures,
      rewardId: id,
      reservationId: id,
      points: integer(1, 100_000_000),
    },
    { lineId: id, maxAmount: integer(1, MAX_AMOUNT) },
  ),
});

const saleV1Fields = {
  v: literal(1),
  kind: literal('sale', 'return'),
  ...saleHead,
  channel: literal('store'),
  businessDate: pattern(/^\d{4}-\d{2}-\d{2}$/, 10, 'a date as YYYY-MM-DD'),
  // No goods line (and so no VAT row) when the sale only sells a gift card: validateSale then requires a voucher.
  lines: array(object(saleLineFields, { ...saleLineOptional, salespersonId: id, category: text(64) }), SALE_LIMITS.maxLines),
  discounts: array(saleDiscount, SALE_LIMITS.maxDiscounts),
  ...saleTail,
  vat: array(vatRow, 20),
} as const;

/** A gift card sold or reloaded, or store credit given (sale/voucher-line.ts): the card's id, never its code. */
const saleVoucher = object(
  { lineId: id, cardKind: literal('gift_card', 'store_credit'), operation: literal('issue', 'reload'), amount: integer(1, MAX_AMOUNT) },
  { cardId: id },
);

const saleV1Optional = {
  ...saleOptional,
  returnOf: object({
    saleId: id,
    receipt: text(64, 1),
    lines: array(object({ lineId: id, quantity }), SALE_LIMITS.maxLines, 1),
  }),
  sessionId: id,
} as const;

/** A version 1 sale or return (`v: 1`): see SalePayloadV1 in sale/sale.ts. */
export const SALE_V1_SHAPE = object(saleV1Fields, {
  ...saleV1Optional,
  // A return without its receipt: the approval of it (see SalePayloadV1). Never on the training chain.
  returnApproval: object(approvalFields),
  // Real cards only: never on the training chain.
  vouchers: array(saleVoucher, MAX_SALE_VOUCHERS, 1),
  training: trueFlag(),
  // Points its member earns (loyalty/sale-loyalty.ts); a training sale never earns.
  loyalty: object({ earn: LOYALTY_EARN_SHAPE }),
});

/** A sale of training mode (the training chain): a version 1 sale whose `training` is required and true. */
export const TRAINING_SALE_SHAPE = object({ ...saleV1Fields, training: trueFlag() }, saleV1Optional);

/** The exact shape of a sale the host will seal, of either version; see SalePayload in sale/sale.ts. */
export const SALE_SHAPE = versioned('v', SALE_V0_SHAPE, { 1: SALE_V1_SHAPE });

const voidFields = {
  type: literal('sale.void'),
  saleId: id,
  staffId: id,
  lineCount: integer(0, 500),
  total: amount,
  currency: text(3, 3),
  lines: array(object({ sku: text(64), quantity: integer(1, Math.max(MAX_QUANTITY, MAX_WEIGHT_G)), amount }), 500),
};

/** A void as sealed (records before host-issued approvals have none). */
export const SEALED_VOID_SHAPE = object(voidFields, approvalFields);

/** A void as the renderer may ask the host to seal it now: with its approval. */
export const VOID_SHAPE = object({ ...voidFields, ...approvalFields });
