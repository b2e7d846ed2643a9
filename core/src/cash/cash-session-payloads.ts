import type { CashMovementKind } from '../closing/cash-expected';
import type { CashCount } from './cash-count';

/** Cash counted by denomination, and its total in minor units. */
export type CountedCash = { readonly count: CashCount; readonly total: number };

/** A cash session opens: one drawer, one till, its float counted by denomination. */
export type CashSessionOpenPayload = {
  readonly type: 'cash.session.open';
  readonly sessionId: string;
  readonly tillId: string;
  readonly staffId: string;
  /** UTC instant (ISO). */
  readonly openedAt: string;
  /** The store's business date at the opening ('YYYY-MM-DD'). */
  readonly businessDate: string;
  readonly currency: string;
  readonly float: CountedCash;
};

/** Cash into or out of the drawer outside a sale; `amount` in positive minor units. */
export type CashMovementPayload = {
  readonly type: 'cash.movement';
  readonly sessionId: string;
  readonly movementId: string;
  readonly kind: CashMovementKind;
  readonly amount: number;
  readonly reason: string;
  readonly staffId: string;
  /** Who allowed cash out of the drawer (the person themself when their role allows it). */
  readonly approvedBy?: string;
  /** The single-use approval the host issued for this movement (approval.request, action cash.move). */
  readonly approvalId?: string;
};

/**
 * One tender at the close: what was counted, what the records say the drawer or the terminal
 * should hold, and the variance (counted − expected). Cash carries its count by denomination;
 * other tenders a counted total.
 */
export type TenderClose = {
  readonly method: string;
  readonly counted: number;
  readonly expected: number;
  readonly variance: number;
  readonly count?: CashCount;
};

/** Another tender's counted total at the blind count (card: the terminal's batch total). */
export type TenderCount = { readonly method: string; readonly counted: number };

/**
 * The blind count, sealed before anything tells the counter what the drawer should hold: the cash
 * by denomination and every other tender's total. From it the session takes nothing more; its
 * close compares these figures with what the records expect.
 */
export type CashCountPayload = {
  readonly type: 'cash.count';
  readonly sessionId: string;
  readonly countedAt: string;
  readonly staffId: string;
  readonly currency: string;
  readonly cash: CountedCash;
  /** Sorted by method, cash excluded. */
  readonly tenders: readonly TenderCount[];
};

/** A manager's approval of a variance above the limit. */
export type VarianceApproval = { readonly approvedBy: string; readonly reason: string };

/** A cash session closes after a blind count. */
export type CashSessionClosePayload = {
  readonly type: 'cash.session.close';
  readonly sessionId: string;
  readonly closedAt: string;
  readonly staffId: string;
  readonly currency: string;
  /** The variance (per tender, in minor units) above which an approval was needed. */
  readonly varianceLimit: number;
  /** Sorted by method; cash is always there. */
  readonly tenders: readonly TenderClose[];
  readonly approval?: VarianceApproval;
};

export type CashSessionPayload = CashSessionOpenPayload | CashMovementPayload | CashCountPayload | CashSessionClosePayload;
