/**
 * Why the till host (or the hub) refuses a sale or another record: a stable code the screens
 * translate (FR/EN) and English words for logs and for support.
 */
export const SALE_PROBLEM_CODES = [
  /** A field is missing, of the wrong type, out of bounds, or not one of the sealed fields. */
  'shape',
  /** Not this till's store, till or currency. */
  'store',
  /** A VAT rate unknown to the store, or not the one in force when the sale completed. */
  'vat-rate',
  /** A line's gross, discount, share of the cart discount or net is not what its quantity, price and discounts give. */
  'line-figures',
  /** Subtotal, discount total, total or VAT breakdown differ from the lines. */
  'totals',
  /** A tender's own arithmetic is wrong: change ≠ tendered − amount, nothing tendered, a tender after the sale was paid. */
  'tender',
  /** A cash rounding adjustment outside the store's rule, or on a tender that does not settle the sale in cash. */
  'cash-rounding',
  /** Cards pay more than what was due: change is given in cash only. */
  'card-overpay',
  /** A card's outcome is unknown: settle it first. */
  'card-unknown',
  /** A card tender the host's payment journal never saw approved, for another amount, or already used by a sale. */
  'card-journal',
  /** A gift card or store credit tender with no reservation this host obtained for the sale, of other figures, or already used. */
  'stored-value',
  /** The tenders do not pay the total exactly, or the sale's change or rounding do not add up. */
  'payment',
  /** An approval missing, unknown to the host, already used, or issued for another action, sale or figure. */
  'approval',
  /** Not by the signed-in staff member, or not the id it is sealed under. */
  'staff',
  /** A start or completion time that is not a readable ISO time, or a business date that is not the store's day of it. */
  'time',
  /** A return without its original, of lines or quantities the original never sold or already gave back. */
  'return',
  /** A real sale while training mode is on, a training sale while it is off, or a card payment in training mode. */
  'training',
  /** Not of the till's open cash session, none open where the store requires one, the drawer being counted, or a session open over 24 h. */
  'session',
  /** A promotion's discount on no line of the sale or on one with a manual discount, of a promotion version unknown, or not what the promotion gives. */
  'promotion',
  /** A gift card sold or reloaded, or store credit given, that core does not allow (a return selling a card, a reload naming no card, training). */
  'voucher',
  /** A loyalty earn that is not this sale's, of a program version unknown, or not the points the program gives (sale-loyalty.ts). */
  'loyalty',
] as const;

export type SaleProblemCode = (typeof SALE_PROBLEM_CODES)[number];

export type SaleProblem = { readonly code: SaleProblemCode; readonly message: string };

export function problem(code: SaleProblemCode, message: string): SaleProblem {
  return { code, message };
}
