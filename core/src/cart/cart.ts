import type { ApprovalRef } from '../approval/approval';
import type { Product } from '../catalog/product';
import type { SaleVoucher } from '../sale/voucher-line';
import type { CartReward } from '../loyalty/loyalty-reward-discount';

/** A manual discount carries the till host's approval for it (the host refuses to seal one without). */
export type LineDiscount = ({ readonly kind: 'percent'; readonly bp: number } | { readonly kind: 'amount'; readonly amount: number }) &
  Partial<ApprovalRef>;

export type PriceOverride = {
  readonly originalPrice: number;
  readonly reason: string;
  /** Staff id of the manager who approved it (the cashier themself when they hold the permission). */
  readonly approvedBy: string;
  /** The single-use approval the till host issued for this override. */
  readonly approvalId?: string;
};

export type CartLine = {
  readonly lineId: string;
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  /** The code scanned or typed to add the line, if any (kept for audits and returns). */
  readonly code?: string;
  readonly vatRateId: string;
  readonly measure: 'unit' | 'weight';
  /** VAT-inclusive, minor units, per piece or per kg. */
  readonly unitPrice: number;
  /** Pieces for 'unit', grams for 'weight'. */
  readonly quantity: number;
  /** Label price of a price-embedded code: the line is worth exactly this, whatever the unit price. */
  readonly labelAmount?: number;
  readonly discount?: LineDiscount;
  readonly priceOverride?: PriceOverride;
  /** Who gets the credit for this line (a salesperson), when not the cashier. */
  readonly salespersonId?: string;
  /**
   * From the product: a service, which decides the paper note after the sale (service-note.ts).
   * The till's alone: buildSale leaves it out of the sealed sale.
   */
  readonly service?: true;
  /**
   * From the product: its category, what a promotion on a category looks at. Sealed with the line, so
   * the host and the hub price the sale again with the categories it was sold under.
   */
  readonly category?: string;
};

/**
 * One promotion's discount on one line, as the engine gave it when the cart last changed
 * (cart-promotions.ts): a rule on items, or this line's share of a rule on the cart.
 */
export type CartPromotion = {
  readonly lineId: string;
  readonly source: 'promotion' | 'coupon';
  readonly sourceId: string;
  readonly sourceVersion: number;
  /** As a sale records it: basis points for `percent`, minor units for `amount`. */
  readonly kind: 'percent' | 'amount';
  readonly value: number;
  /** Minor units taken off this line. */
  readonly amount: number;
  /** A coupon's discount: the code presented for it (a code is not personal data), sealed with it. */
  readonly couponCode?: string;
};

/**
 * A coupon presented for the cart: the code typed or scanned and the promotion it belongs to, as
 * the till host said when it reserved it at the hub (`reservationId`) or found it in the till's
 * offline block (`offline`). The host seals no coupon discount it holds neither for.
 */
export type CartCoupon = {
  readonly code: string;
  readonly promotionId: string;
  readonly reservationId?: string;
  readonly offline?: true;
};

export type Cart = {
  /** Becomes the sale id: made on the till when the cart starts, the idempotency key of its seal. */
  readonly id: string;
  readonly currency: string;
  readonly lines: readonly CartLine[];
  readonly cartDiscountBp?: number;
  /** The till host's approval of the cart discount. */
  readonly cartDiscountApproval?: ApprovalRef;
  /** The promotions' discounts, in line order (set by applyPromotions; absent: none). */
  readonly promotions?: readonly CartPromotion[];
  /** The coupons presented (coupon-cart.ts; absent: none): the engine applies their promotions. */
  readonly coupons?: readonly CartCoupon[];
  /** The member the sale is for (the chain's customer): the sale seals the id only, never the name. */
  readonly customer?: CartCustomer;
  /** A loyalty reward the member spends (loyalty-reward-discount.ts): the last discount, on the whole ticket. */
  readonly reward?: CartReward;
  /** Gift cards sold or reloaded, store credit a return gives (sale/voucher-line.ts): sealed as the sale's `vouchers`. */
  readonly vouchers?: readonly SaleVoucher[];
  readonly startedAt: string;
};

/**
 * A customer attached to a cart: the chain's id, and the name the till shows (kept on the till
 * only). The first name greets the member on the customer display; `points` is their balance when
 * the till knows it (never sealed).
 */
export type CartCustomer = { readonly id: string; readonly label: string; readonly firstName?: string; readonly points?: number };

/** The cart for this customer, or for nobody (null); attached also after the first items, as the cashier is told. */
export function withCustomer(cart: Cart, customer: CartCustomer | null): Cart {
  const { customer: _previous, ...rest } = cart;
  return customer ? { ...rest, customer } : rest;
}

export const MAX_QUANTITY = 9_999;
export const MAX_WEIGHT_G = 99_999;

export function emptyCart(id: string, currency: string, startedAt: string): Cart {
  return { id, currency, lines: [], startedAt };
}

export type AddProductOptions = {
  readonly lineId: string;
  readonly code?: string;
  readonly quantity?: number;
  readonly labelAmount?: number;
};

/**
 * Adds a product. A piece product scanned again increments its last line, as a cashier expects;
 * weighed items and lines already discounted or overridden always get their own line.
 */
export function addProduct(cart: Cart, product: Product, options: AddProductOptions): Cart {
  if (product.currency !== cart.currency) {
    throw new Error(`Product ${product.sku} is priced in ${product.currency}, the cart in ${cart.currency}`);
  }
  const quantity = options.quantity ?? 1;
  assertQuantity(product.measure, quantity);
  const last = cart.lines[cart.lines.length - 1];
  if (
    product.measure === 'unit' &&
    options.labelAmount === undefined &&
    last &&
    last.productId === product.id &&
    !last.discount &&
    !last.priceOverride &&
    last.labelAmount === undefined &&
    last.quantity + quantity <= MAX_QUANTITY
  ) {
    return replaceLine(cart, { ...last, quantity: last.quantity + quantity });
  }
  const line: CartLine = {
    lineId: options.lineId,
    productId: product.id,
    sku: product.sku,
    name: product.name,
    vatRateId: product.vatRateId,
    measure: product.measure,
    unitPrice: product.price,
    quantity,
    ...(options.code !== undefined ? { code: options.code } : {}),
    ...(options.labelAmount !== undefined ? { labelAmount: options.labelAmount } : {}),
    ...(product.service ? { service: true as const } : {}),
    ...(product.category ? { category: product.category } : {}),
  };
  return { ...cart, lines: [...cart.lines, line] };
}

export function assertQuantity(measure: CartLine['measure'], quantity: number): void {
  const max = measure === 'unit' ? MAX_QUANTITY : MAX_WEIGHT_G;
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > max) {
    throw new RangeError(`Quantity must be a whole number from 1 to ${max}`);
  }
}

function findLine(cart: Cart, lineId: string): CartLine {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) throw new Error(`No line ${lineId} in the cart`);
  return line;
}

function replaceLine(cart: Cart, line: CartLine): Cart {
  return { ...cart, lines: cart.lines.map((l) => (l.lineId === line.lineId ? line : l)) };
}

export function setQuantity(cart: Cart, lineId: string, quantity: number): Cart {
  const line = findLine(cart, lineId);
  if (line.labelAmount !== undefined) throw new Error('The quantity of a price-labelled item is on its label');
  assertQuantity(line.measure, quantity);
  return replaceLine(cart, { ...line, quantity });
}

export function removeLine(cart: Cart, lineId: string): Cart {
  findLine(cart, lineId);
  return { ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) };
}

export function setLineDiscount(cart: Cart, lineId: string, discount: LineDiscount | null): Cart {
  const line = findLine(cart, lineId);
  if (discount === null) {
    const { discount: _removed, ...rest } = line;
    return replaceLine(cart, rest);
  }
  if (discount.kind === 'percent' && (!Number.isSafeInteger(discount.bp) || discount.bp <= 0 || discount.bp > 10_000)) {
    throw new RangeError('A percentage discount must be above 0 and at most 100 %');
  }
  if (discount.kind === 'amount' && (!Number.isSafeInteger(discount.amount) || discount.amount <= 0)) {
    throw new RangeError('A discount amount must be a positive amount');
  }
  const figure = discount.kind === 'percent' ? { kind: discount.kind, bp: discount.bp } : { kind: discount.kind, amount: discount.amount };
  const ref = discount.approvalId && discount.approvedBy ? { approvalId: discount.approvalId, approvedBy: discount.approvedBy } : {};
  return replaceLine(cart, { ...line, discount: { ...figure, ...ref } });
}

/** Who gets the credit for a line (a salesperson's staff id); null: nobody but the cashier. */
export function setLineSalesperson(cart: Cart, lineId: string, salespersonId: string | null): Cart {
  const { salespersonId: _removed, ...line } = findLine(cart, lineId);
  if (salespersonId === null) return replaceLine(cart, line);
  if (salespersonId.length === 0 || salespersonId.length > 64) throw new RangeError('A salesperson is a staff id of 1 to 64 characters');
  return replaceLine(cart, { ...line, salespersonId });
}

export function setCartDiscount(cart: Cart, bp: number | null, approval?: ApprovalRef): Cart {
  const { cartDiscountBp: _removed, cartDiscountApproval: _approval, ...rest } = cart;
  if (bp === null || bp === 0) return rest;
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) {
    throw new RangeError('A cart discount must be between 0 and 100 %');
  }
  // Only the reference: whatever else the approval carried (the approver's name) is not the sale's.
  const ref = approval ? { cartDiscountApproval: { approvalId: approval.approvalId, approvedBy: approval.approvedBy } } : {};
  return { ...rest, cartDiscountBp: bp, ...ref };
}

export function overridePrice(cart: Cart, lineId: string, unitPrice: number, reason: string, approval: ApprovalRef): Cart {
  const line = findLine(cart, lineId);
  if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) throw new RangeError('A price must be zero or a positive amount');
  if (reason.trim() === '') throw new Error('A price override needs a reason');
  if (line.labelAmount !== undefined) throw new Error('The price of a price-labelled item is on its label');
  const originalPrice = line.priceOverride?.originalPrice ?? line.unitPrice;
  const priceOverride: PriceOverride = {
    originalPrice,
    reason: reason.trim(),
    approvedBy: approval.approvedBy,
    approvalId: approval.approvalId,
  };
  return replaceLine(cart, { ...line, unitPrice, priceOverride });
}
