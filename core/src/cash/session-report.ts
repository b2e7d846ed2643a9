import { cashExpected, type CashExpected } from '../closing/cash-expected';
import type { ClosingSale } from '../closing/closing-sale';
import { reportTotals, type ReportTotals } from '../closing/report-totals';
import { voucherTotals, type VoucherTotals } from '../closing/voucher-totals';
import type { EventPayload } from '../fiscal/events';
import { CurrencyMismatchError } from '../money/money';
import { isStoredValueMethod } from '../payment/tender';
import type { ExpectedByTender } from './cash-session';
import type {
  CashMovementPayload,
  CashSessionClosePayload,
  CashSessionOpenPayload,
  TenderClose,
  VarianceApproval,
} from './cash-session-payloads';

/** What each tender should hold at the count: cash from the float, sales, refunds and movements; other tenders their net (not cards' stored value). */
export function expectedByTender(
  float: number,
  totals: Pick<ReportTotals, 'byTender'>,
  movements: readonly Pick<CashMovementPayload, 'kind' | 'amount'>[],
): ExpectedByTender {
  const expected: Record<string, number> = { cash: cashExpected(float, totals, movements).expected };
  // Gift cards and store credit leave nothing in the drawer or a terminal's batch: the hub's ledger holds them.
  for (const t of totals.byTender) if (t.method !== 'cash' && !isStoredValueMethod(t.method)) expected[t.method] = t.amount.net;
  return Object.fromEntries(Object.entries(expected).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What an X report shows for a session at any time (nothing is reset): plain JSON, integer minor units. */
export type SessionXReport = {
  readonly sessionId: string;
  readonly tillId: string;
  readonly businessDate: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly currency: string;
  readonly totals: ReportTotals & { readonly currency: string };
  readonly cash: CashExpected;
  /** By method, cash included. */
  readonly expected: ExpectedByTender;
  readonly movements: readonly Omit<CashMovementPayload, 'type' | 'sessionId'>[];
  /** Gift cards sold and store credit given, apart from the sales (outside VAT, never revenue). */
  readonly vouchers?: VoucherTotals;
};

function ofSession(sessionId: string, items: readonly { readonly sessionId?: string | undefined }[], what: string): void {
  const other = items.find((item) => item.sessionId !== undefined && item.sessionId !== sessionId);
  if (other) throw new RangeError(`A ${what} of session ${other.sessionId} is not of session ${sessionId}`);
}

/**
 * The X report of a session from its sealed records: the session's sales and returns (a sale
 * carrying another session id throws), void events and movements.
 */
export function xReport(
  session: CashSessionOpenPayload,
  sales: readonly ClosingSale[],
  events: readonly EventPayload[],
  movements: readonly CashMovementPayload[],
): SessionXReport {
  ofSession(session.sessionId, sales, 'sale');
  ofSession(session.sessionId, movements, 'movement');
  const totals = reportTotals(sales, events);
  if (totals.currency !== undefined && totals.currency !== session.currency)
    throw new CurrencyMismatchError(session.currency, totals.currency);
  return {
    sessionId: session.sessionId,
    tillId: session.tillId,
    businessDate: session.businessDate,
    openedAt: session.openedAt,
    openedBy: session.staffId,
    currency: session.currency,
    totals: { ...totals, currency: session.currency },
    cash: cashExpected(session.float.total, totals, movements),
    expected: expectedByTender(session.float.total, totals, movements),
    movements: movements.map(({ type: _type, sessionId: _sessionId, ...m }) => m),
    vouchers: voucherTotals(sales),
  };
}

/** A tender whose expected amount recomputed from the records differs from the one sealed at the close (a sale synced late). */
export type ExpectedDifference = { readonly method: string; readonly sealed: number; readonly recomputed: number };

/** The figures a Z report carries: the X figures at the close, with the count, the variances and the approval. */
export type SessionZFigures = SessionXReport & {
  readonly closedAt: string;
  readonly closedBy: string;
  readonly varianceLimit: number;
  /** As sealed at the close: counted, expected, variance per tender (cash with its count). */
  readonly tenders: readonly TenderClose[];
  readonly approval?: VarianceApproval;
  /** Empty when the records still give what the close sealed as expected. */
  readonly differences: readonly ExpectedDifference[];
};

/** The Z figures of a closed session, from its sealed records and its close. */
export function zFigures(
  session: CashSessionOpenPayload,
  close: CashSessionClosePayload,
  sales: readonly ClosingSale[],
  events: readonly EventPayload[],
  movements: readonly CashMovementPayload[],
): SessionZFigures {
  if (close.sessionId !== session.sessionId) throw new RangeError(`The close of ${close.sessionId} is not of session ${session.sessionId}`);
  const x = xReport(session, sales, events, movements);
  const sealed = new Map(close.tenders.map((t) => [t.method, t.expected]));
  const methods = [...new Set([...sealed.keys(), ...Object.keys(x.expected)])].sort();
  const differences = methods
    .map((method) => ({ method, sealed: sealed.get(method) ?? 0, recomputed: x.expected[method] ?? 0 }))
    .filter((d) => d.sealed !== d.recomputed);
  return {
    ...x,
    closedAt: close.closedAt,
    closedBy: close.staffId,
    varianceLimit: close.varianceLimit,
    tenders: close.tenders,
    ...(close.approval ? { approval: close.approval } : {}),
    differences,
  };
}
