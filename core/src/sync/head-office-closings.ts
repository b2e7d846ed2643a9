import type { FigureDifference } from '../fiscal/archive/closing-figures';

/**
 * Wire shapes of the hub's closings and JET routes (GET /api/v1/admin/stores/:storeId/closings,
 * …/jet), shared by the hub and the back office.
 */

/** The closings the hub checks: a till session's Z, and the daily, monthly and yearly closings. */
export const CLOSING_KINDS = ['z', 'day', 'month', 'year'] as const;
export type ClosingKind = (typeof CLOSING_KINDS)[number];

/**
 * Records a closing needs that the hub does not hold yet: a range of one chain's sequences (to
 * null: open-ended, records may still be on their way), and why they matter.
 */
export type MissingRecords = { readonly chain: string; readonly from: number; readonly to: number | null; readonly why: string };

/**
 * A closing's key figures as the till sealed them (amounts in minor units), so a list shows them
 * without opening each closing; null where the closing has none or its record is unreadable.
 */
export type ClosingTotals = {
  readonly currency: string | null;
  /** Net sales including VAT: sales less returns. */
  readonly net: number | null;
  /** Receipts counted: sales and returns. */
  readonly tickets: number | null;
  /** A Z's cash variance: counted less expected (null for other closings, or a Z without cash). */
  readonly cashVariance: number | null;
};

/**
 * GET /api/v1/admin/stores/:storeId/closings: a closing (Z, daily, monthly, yearly) as head office
 * sees it: what it is, and how the hub's recomputation compares.
 */
export type ClosingSummary = {
  readonly tillId: string;
  readonly seq: number;
  readonly journal: number;
  readonly kind: ClosingKind;
  /** A Z's cash session. */
  readonly sessionId: string | null;
  /** A Z's or daily closing's business date; a monthly closing's month ('2026-11'), a yearly one's fiscal year ('2026'). */
  readonly businessDate: string | null;
  readonly sealedAt: string;
  /** match, difference, pending (records still missing) or unreadable. */
  readonly status: string;
  readonly differences: readonly FigureDifference[];
  readonly missing: readonly MissingRecords[];
  /** Why an unreadable closing could not be recomputed. */
  readonly problem: string | null;
  readonly checkedAt: string;
  /** Its key figures as sealed: net sales incl. VAT, tickets, a Z's cash variance. */
  readonly totals: ClosingTotals;
};

/** GET /api/v1/admin/stores/:storeId/closings/:tillId/:seq: one closing with both figure sets. */
export type ClosingDetail = ClosingSummary & {
  /** The closing record exactly as sealed by the till. */
  readonly record: unknown;
  /** Its payload as the hub's records give it (null while it cannot be computed). */
  readonly recomputed: unknown;
};

/**
 * GET /api/v1/admin/stores/:storeId/jet: one event of a till's event chain (the NF525 technical
 * event journal) as the hub placed it, newest first.
 */
export type JetEntry = {
  readonly tillId: string;
  readonly journal: number;
  readonly seq: number;
  readonly sealedAt: string;
  /** The event's type ('till.start', 'sale.void'…). */
  readonly type: string;
  /** Its NF525 JET code (core/src/fiscal/jet-codes.ts), null where it has none. */
  readonly code: number | null;
  /** Who did it, where the event names a person (a staff id, never a name). */
  readonly staffId: string | null;
  /** The event's other fields, as sealed. */
  readonly details: Readonly<Record<string, unknown>>;
  /** verified, or broken (its chain is broken there: docs/fiscal.md). */
  readonly status: string;
};

export type JetPage = { readonly events: readonly JetEntry[]; readonly next: string | null };

/** JET entries per page at most (the default is 100). */
export const MAX_JET_PAGE = 500;
