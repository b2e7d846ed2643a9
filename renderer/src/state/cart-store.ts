import {
  addProduct,
  emptyCart,
  overridePrice,
  removeLine,
  setCartDiscount,
  setLineDiscount,
  setLineSalesperson,
  setQuantity,
  withCustomer,
  addCartCoupon,
  removeCartCoupon,
  type CartCoupon,
  type CartReward,
  type AddProductOptions,
  type ApprovalRef,
  type Cart,
  type CartCustomer,
  type CartDoc,
  type LineDiscount,
  type PrintOutcome,
  type Product,
  type SalePayload,
  type SaleDrawerResult,
  type SealedRecord,
  type SaleVoucher,
  type Tender,
} from '@pos/core';
import { create } from 'zustand';
import { loadPromotions, promotedCart } from './cart-promotions';
import { maybeServices, services } from './services';

/**
 * selling: lines can change · paying: tenders are being taken, lines are locked ·
 * sealing: the host is sealing the sale · seal-pending: the host did not confirm, we retry.
 */
export type CartStatus = 'selling' | 'paying' | 'sealing' | 'seal-pending';

export type LastSale = {
  readonly record: SealedRecord<'sale'>;
  /**
   * `already-printed`: the host printed this sale's original before (a sale completed again after a reload): only a DUPLICATA now.
   * `not-printed`: no paper asked for (yet).
   */
  readonly print: 'printing' | 'already-printed' | 'not-printed' | PrintOutcome;
  /** What the customer wants (`pending` while the cashier asks); none set: the till printed as before. */
  readonly receipt?: 'pending' | 'paper' | 'digital' | 'none';
  /** The note prints whatever the store's policy: the sale's services reach 25 € TTC (arrêté 83-50/A). */
  readonly serviceNote?: true;
  /** A cash sale's drawer: being opened, or what the host said. */
  readonly drawer?: 'opening' | SaleDrawerResult;
  readonly reprinted?: number;
  readonly restored?: boolean;
};

type CartState = {
  cart: Cart;
  tenders: Tender[];
  /** Set once the cart is paid: the sale being sealed, kept until the host confirms. */
  pendingSale: SalePayload | null;
  staffId: string;
  selectedLineId: string | null;
  status: CartStatus;
  terminalBusy: boolean;
  lastSale: LastSale | null;
};

export function newCart(currency = 'EUR'): Cart {
  return emptyCart(crypto.randomUUID(), currency, new Date().toISOString());
}

export const useCartStore = create<CartState>()(() => ({
  cart: newCart(),
  tenders: [],
  pendingSale: null,
  staffId: '',
  selectedLineId: null,
  status: 'selling',
  terminalBusy: false,
  lastSale: null,
}));

let persistQueue: Promise<unknown> = Promise.resolve();

/** Writes the open cart after every change, one write at a time, so a reload or crash keeps it. */
export function persistCart(): Promise<unknown> {
  const { cart, tenders, staffId, pendingSale } = useCartStore.getState();
  const doc: CartDoc = {
    id: cart.id,
    status: 'open',
    staffId: staffId || 'unknown',
    updatedAt: new Date().toISOString(),
    cart,
    tenders,
    ...(pendingSale ? { sale: pendingSale } : {}),
  };
  persistQueue = persistQueue
    .then(async () => {
      const carts = services().db.docs.carts;
      if (cart.lines.length === 0 && tenders.length === 0 && !pendingSale) {
        await (await carts.findOne(cart.id).exec())?.remove();
      } else {
        await carts.upsert(doc);
      }
    })
    .catch((error: unknown) => console.error('Could not save the open cart', error));
  return persistQueue;
}

/** Cash taken, a card not declined or a gift card reserved: the lines are what was paid for and cannot change. */
export function hasCountedTenders(tenders: readonly Tender[]): boolean {
  return tenders.some((t) => t.method !== 'card' || t.status !== 'declined');
}

export class CartLockedError extends Error {
  constructor() {
    super('The cart is being paid: remove the payments first');
    this.name = 'CartLockedError';
  }
}

/**
 * The cart with the promotions the engine gives it now (cart-promotions.ts). A basket the engine
 * refuses (beyond its bounds) sells without promotions rather than stopping the scan.
 */
function promoted(cart: Cart): Cart {
  try {
    return promotedCart(cart, services().profile);
  } catch (error) {
    console.error('Could not price the promotions', error);
    const { promotions: _dropped, ...rest } = cart;
    return rest;
  }
}

/**
 * Applies a pure cart operation from core, if the cart may still change, then prices the
 * promotions again: every line shows its discount and the total follows.
 */
function change(operation: (cart: Cart) => Cart, selected?: (cart: Cart) => string | null): void {
  const state = useCartStore.getState();
  if (state.status !== 'selling' || hasCountedTenders(state.tenders)) throw new CartLockedError();
  const cart = promoted(operation(state.cart));
  useCartStore.setState({
    cart,
    selectedLineId: selected
      ? selected(cart)
      : cart.lines.some((l) => l.lineId === state.selectedLineId)
        ? state.selectedLineId
        : (cart.lines.at(-1)?.lineId ?? null),
  });
  // Saved just after the change is drawn, not before: the write must not delay the line on screen.
  setTimeout(() => void persistCart(), 0);
}

let promotionsLoading: Promise<void> = Promise.resolve();

export const cartActions = {
  start(staffId: string, currency: string): void {
    useCartStore.setState({ cart: newCart(currency), tenders: [], pendingSale: null, staffId, selectedLineId: null, status: 'selling' });
    void cartActions.refreshPromotions();
  },
  /**
   * Reads the promotions active when the cart started (compiled only when they changed) and prices
   * the cart again with them while it may change: at the start of a cart, after a restore, when
   * the catalog pull brought new rules. One at a time; resolves once done (errors logged).
   */
  refreshPromotions(): Promise<void> {
    promotionsLoading = promotionsLoading.then(async () => {
      try {
        const running = maybeServices();
        // A till stopping (tests, a reload) has no cart to price.
        if (!running) return;
        const { cart } = useCartStore.getState();
        const changed = await loadPromotions(running.db.catalog, cart.startedAt);
        const now = useCartStore.getState();
        if (now.cart.id !== cart.id || now.status !== 'selling' || hasCountedTenders(now.tenders)) return;
        const repriced = promoted(now.cart);
        if (changed || JSON.stringify(repriced.promotions) !== JSON.stringify(now.cart.promotions)) {
          useCartStore.setState({ cart: repriced });
          setTimeout(() => void persistCart(), 0);
        }
      } catch (error) {
        console.error('Could not read the promotions', error);
      }
    });
    return promotionsLoading;
  },
  restore(doc: CartDoc, staffId: string): void {
    useCartStore.setState({
      cart: doc.cart,
      tenders: doc.tenders,
      pendingSale: doc.sale ?? null,
      staffId,
      selectedLineId: doc.cart.lines.at(-1)?.lineId ?? null,
      status: doc.sale ? 'seal-pending' : doc.tenders.length > 0 ? 'paying' : 'selling',
    });
    void cartActions.refreshPromotions();
  },
  add(product: Product, options: Omit<AddProductOptions, 'lineId'>): void {
    change(
      (cart) => addProduct(cart, product, { ...options, lineId: crypto.randomUUID() }),
      (cart) => cart.lines.at(-1)?.lineId ?? null,
    );
  },
  select(lineId: string | null): void {
    useCartStore.setState({ selectedLineId: lineId });
  },
  moveSelection(delta: number): void {
    const { cart, selectedLineId } = useCartStore.getState();
    if (cart.lines.length === 0) return;
    const index = cart.lines.findIndex((l) => l.lineId === selectedLineId);
    const next = Math.min(cart.lines.length - 1, Math.max(0, (index === -1 ? cart.lines.length : index) + delta));
    useCartStore.setState({ selectedLineId: cart.lines[next]?.lineId ?? null });
  },
  setQuantity(lineId: string, quantity: number): void {
    change((cart) => setQuantity(cart, lineId, quantity));
  },
  remove(lineId: string): void {
    change((cart) => removeLine(cart, lineId));
  },
  /** Every manual discount and price carries the host's approval of exactly that figure (approve()). */
  setLineDiscount(lineId: string, discount: LineDiscount, approval: ApprovalRef): void {
    const { approvalId, approvedBy } = approval;
    change((cart) => setLineDiscount(cart, lineId, { ...discount, approvalId, approvedBy }));
  },
  /** The customer the sale is for, or nobody (null): also after the first items, while the cart may change. */
  setCustomer(customer: CartCustomer | null): void {
    change((cart) => withCustomer(cart, customer));
  },
  /** A coupon the host holds for the cart: the cart is priced again with its promotion. */
  addCoupon(coupon: CartCoupon): void {
    change((cart) => addCartCoupon(cart, coupon));
  },
  /** The coupon of this code given back: the cart is priced again without it. */
  removeCoupon(code: string): void {
    change((cart) => removeCartCoupon(cart, code));
  },
  /** A loyalty reward whose points the host reserved (the last discount), or none (null). */
  setReward(reward: CartReward | null): void {
    change((cart) => {
      const { reward: _previous, ...rest } = cart;
      return reward ? { ...rest, reward } : rest;
    });
  },
  /** Who gets the credit for a line (a staff id), or nobody but the cashier (null). */
  setLineSalesperson(lineId: string, salespersonId: string | null): void {
    change((cart) => setLineSalesperson(cart, lineId, salespersonId));
  },
  removeLineDiscount(lineId: string): void {
    change((cart) => setLineDiscount(cart, lineId, null));
  },
  setCartDiscount(bp: number, approval: ApprovalRef): void {
    const { approvalId, approvedBy } = approval;
    change((cart) => setCartDiscount(cart, bp, { approvalId, approvedBy }));
  },
  removeCartDiscount(): void {
    change((cart) => setCartDiscount(cart, null));
  },
  overridePrice(lineId: string, price: number, reason: string, approval: ApprovalRef): void {
    const { approvalId, approvedBy } = approval;
    change((cart) => overridePrice(cart, lineId, price, reason, { approvalId, approvedBy }));
  },
  /** A gift card sold or reloaded (sale/voucher-line.ts): outside the goods, added to what the tenders settle. */
  addVoucher(voucher: SaleVoucher): void {
    change((cart) => ({ ...cart, vouchers: [...(cart.vouchers ?? []), voucher] }));
  },
  removeVoucher(lineId: string): void {
    change((cart) => {
      const vouchers = (cart.vouchers ?? []).filter((v) => v.lineId !== lineId);
      const { vouchers: _gone, ...rest } = cart;
      return vouchers.length > 0 ? { ...rest, vouchers } : rest;
    });
  },
  setTenders(tenders: Tender[]): void {
    useCartStore.setState({ tenders });
    void persistCart();
  },
  setStatus(status: CartStatus): void {
    useCartStore.setState({ status });
  },
};
