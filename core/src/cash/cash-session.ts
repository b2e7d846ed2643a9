import { businessDate, type BusinessDaySettings } from '../time/business-date';
import { MAX_AMOUNT } from '../validation/sealed-shapes';
import { countProblem, countTotal, type CashCount, type CountProblem } from './cash-count';
import { needsApproval } from './cash-payload-problems';
import type {
  CashCountPayload,
  CashMovementPayload,
  CashSessionClosePayload,
  CashSessionOpenPayload,
  CashSessionPayload,
  TenderClose,
  VarianceApproval,
} from './cash-session-payloads';
import { MAX_REASON_LENGTH } from './cash-session-shapes';
import { applyCashPayload, mustCloseFirst, type CashSessionState } from './cash-session-state';

/** Why a step of a cash session is refused: stable codes the page words. */
export type CashSessionError =
  | 'session-not-open'
  | 'session-already-open'
  | 'session-too-long'
  /** The blind count is under way: nothing goes in or out of the drawer. */
  | 'session-closing'
  /** A close without startClosing first. */
  | 'closing-not-started'
  | 'variance-needs-approval'
  | 'count-invalid'
  /** A movement's amount is not a positive whole number of minor units, or its reason is blank or too long. */
  | 'movement-invalid'
  | 'movement-duplicate'
  /** Cash out citing no approval the host issued for this movement and amount, or one already spent (checked by the host). */
  | 'movement-approval';

export type CashSessionRefusal = { readonly ok: false; readonly error: CashSessionError; readonly problem?: CountProblem };

/** A step taken: the new state and, when there is one, the payload to seal (the host seals it, then keeps the state). */
export type CashStep<P> = { readonly ok: true; readonly state: CashSessionState; readonly payload: P } | CashSessionRefusal;

export type CashSessionSettings = {
  /** The variance per tender, in minor units, above which (either way) a manager approves with a reason. */
  readonly varianceLimit: number;
};

export const DEFAULT_CASH_SESSION_SETTINGS: CashSessionSettings = { varianceLimit: 500 };

const refuse = (error: CashSessionError, problem?: CountProblem): CashSessionRefusal =>
  problem ? { ok: false, error, problem } : { ok: false, error };

function taken<P extends CashSessionPayload>(state: CashSessionState, payload: P): CashStep<P> {
  return { ok: true, state: applyCashPayload(state, payload), payload };
}

function refusalOfOpen(state: CashSessionState, now: string): CashSessionRefusal | undefined {
  if (state.status === 'none' || state.status === 'closed') return refuse('session-not-open');
  if (state.status === 'closing') return refuse('session-closing');
  return mustCloseFirst(state, now) ? refuse('session-too-long') : undefined;
}

/** Why a sale cannot be sealed now (no open session, a count under way, open over 24 h), or undefined when it can. */
export function saleRefusal(state: CashSessionState, now: string): CashSessionError | undefined {
  return refusalOfOpen(state, now)?.error;
}

export type OpenSessionInput = Pick<CashSessionOpenPayload, 'sessionId' | 'tillId' | 'staffId' | 'openedAt' | 'currency'> & {
  /** The float counted by denomination (untrusted: what the page sent). */
  readonly float: unknown;
};

/** Opens the till's session with its float; refused while one is open or closing. */
export function openSession(state: CashSessionState, input: OpenSessionInput, days: BusinessDaySettings): CashStep<CashSessionOpenPayload> {
  if (state.status === 'open' || state.status === 'closing') return refuse('session-already-open');
  const problem = countProblem(input.float, input.currency);
  if (problem) return refuse('count-invalid', problem);
  const count = input.float as CashCount;
  return taken(state, {
    type: 'cash.session.open',
    sessionId: input.sessionId,
    tillId: input.tillId,
    staffId: input.staffId,
    openedAt: input.openedAt,
    businessDate: businessDate(input.openedAt, days),
    currency: input.currency,
    float: { count, total: countTotal(count, input.currency) },
  });
}

export type MovementInput = Omit<CashMovementPayload, 'type' | 'sessionId'>;

/** A pay-in, pay-out or safe drop in the open session (the host opens the drawer once it is sealed). */
export function recordMovement(state: CashSessionState, input: MovementInput, now: string): CashStep<CashMovementPayload> {
  const refused = refusalOfOpen(state, now);
  if (refused || state.status !== 'open') return refused ?? refuse('session-not-open');
  const reason = input.reason.trim();
  if (
    !Number.isInteger(input.amount) ||
    input.amount < 1 ||
    input.amount > MAX_AMOUNT ||
    reason === '' ||
    reason.length > MAX_REASON_LENGTH
  ) {
    return refuse('movement-invalid');
  }
  if (state.movements.some((m) => m.movementId === input.movementId)) return refuse('movement-duplicate');
  return taken(state, {
    type: 'cash.movement',
    sessionId: state.session.sessionId,
    movementId: input.movementId,
    kind: input.kind,
    amount: input.amount,
    reason,
    staffId: input.staffId,
    ...(input.approvedBy === undefined ? {} : { approvedBy: input.approvedBy }),
    ...(input.approvalId === undefined ? {} : { approvalId: input.approvalId }),
  });
}

/**
 * The blind count starts: from now the drawer takes nothing until the close. Returns the state
 * alone, nothing about what the drawer should hold: that is computed by the host and shown only
 * once the count is sealed.
 */
export function startClosing(state: CashSessionState): { readonly ok: true; readonly state: CashSessionState } | CashSessionRefusal {
  if (state.status === 'closing') return { ok: true, state };
  if (state.status !== 'open') return refuse('session-not-open');
  return { ok: true, state: { ...state, status: 'closing' } };
}

export type CountInput = {
  readonly countedAt: string;
  readonly staffId: string;
  /** The cash counted by denomination (untrusted: what the page sent). */
  readonly cash: unknown;
  /** The other tenders counted, by method (untrusted): exactly the methods the records expect besides cash. */
  readonly tenders?: unknown;
};

/**
 * Seals the blind count (the host seals the payload before it tells anyone what was expected).
 * `expected` gives only which tenders must be counted; nothing of it goes into the payload.
 * Refused when the session is not open or closing, or is already counted.
 */
export function countSession(state: CashSessionState, input: CountInput, expected: ExpectedByTender): CashStep<CashCountPayload> {
  if (state.status !== 'open' && state.status !== 'closing') return refuse('session-not-open');
  if (state.count) return refuse('session-closing');
  const { currency } = state.session;
  const checked = checkedCounts(input, currency, expected);
  if ('ok' in checked) return checked;
  const { count, others } = checked;
  return taken(state, {
    type: 'cash.count',
    sessionId: state.session.sessionId,
    countedAt: input.countedAt,
    staffId: input.staffId,
    currency,
    cash: { count, total: countTotal(count, currency) },
    tenders: [...others.keys()].sort().map((method) => ({ method, counted: others.get(method) ?? 0 })),
  });
}

/** The close's counts taken from a sealed blind count. */
export function closeInputOf(count: CashCountPayload, closedAt: string, staffId: string, approval?: VarianceApproval): CloseInput {
  return {
    closedAt,
    staffId,
    cash: count.cash.count,
    tenders: Object.fromEntries(count.tenders.map((t) => [t.method, t.counted])),
    ...(approval ? { approval } : {}),
  };
}

export type CloseInput = {
  readonly closedAt: string;
  readonly staffId: string;
  /** The cash counted by denomination (untrusted: what the page sent). */
  readonly cash: unknown;
  /** The other tenders counted (card: the terminal's batch total), by method (untrusted). */
  readonly tenders?: unknown;
  readonly approval?: VarianceApproval;
};

/** What the records say each tender should hold, by method (see expectedByTender); cash included. */
export type ExpectedByTender = Readonly<Record<string, number>>;

const expectedOf = (expected: ExpectedByTender, method: string): number => (Object.hasOwn(expected, method) ? (expected[method] ?? 0) : 0);

/**
 * The other tenders' counts: exactly the tenders the records expect besides cash, each a whole
 * amount, negative when they refunded more than they took (a card batch can be).
 */
function otherCounts(value: unknown, expected: ExpectedByTender): Map<string, number> | undefined {
  const tenders = value ?? {};
  if (typeof tenders !== 'object' || tenders === null || Array.isArray(tenders)) return undefined;
  const methods = Object.keys(expected).filter((m) => m !== 'cash');
  const counts = new Map<string, number>();
  for (const [method, counted] of Object.entries(tenders)) {
    if (!methods.includes(method) || typeof counted !== 'number' || !Number.isInteger(counted) || Math.abs(counted) > MAX_AMOUNT) {
      return undefined;
    }
    counts.set(method, counted);
  }
  return counts.size === methods.length ? counts : undefined;
}

/** The untrusted counts of a blind count or a close: the cash by denomination and every other tender the records expect. */
function checkedCounts(
  input: { readonly cash: unknown; readonly tenders?: unknown },
  currency: string,
  expected: ExpectedByTender,
): { readonly count: CashCount; readonly others: Map<string, number> } | CashSessionRefusal {
  const problem = countProblem(input.cash, currency);
  if (problem) return refuse('count-invalid', problem);
  const others = otherCounts(input.tenders, expected);
  if (!others) return refuse('count-invalid');
  return { count: input.cash as CashCount, others };
}

function soundApproval(approval: VarianceApproval | undefined): VarianceApproval | undefined {
  if (approval === undefined) return undefined;
  const reason = approval.reason.trim();
  return approval.approvedBy !== '' && reason !== '' && reason.length <= MAX_REASON_LENGTH
    ? { approvedBy: approval.approvedBy, reason }
    : undefined;
}

/**
 * Closes the session after its blind count: each tender counted against what the records expect,
 * the variance, and the approval a variance above the limit needs. The session may be over 24 h.
 */
export function closeSession(
  state: CashSessionState,
  input: CloseInput,
  expected: ExpectedByTender,
  settings: CashSessionSettings = DEFAULT_CASH_SESSION_SETTINGS,
): CashStep<CashSessionClosePayload> {
  const limit = settings.varianceLimit;
  if (!Number.isSafeInteger(limit) || limit < 0)
    throw new RangeError(`varianceLimit must be a whole number of minor units ≥ 0, got ${limit}`);
  if (state.status === 'open') return refuse('closing-not-started');
  if (state.status !== 'closing') return refuse('session-not-open');
  const { currency } = state.session;
  const checked = checkedCounts(input, currency, expected);
  if ('ok' in checked) return checked;
  const { count, others } = checked;
  const counted = new Map([...others, ['cash', countTotal(count, currency)]]);
  const tenders: TenderClose[] = [...counted.keys()].sort().map((method) => {
    const c = counted.get(method) ?? 0;
    const e = expectedOf(expected, method);
    return { method, counted: c, expected: e, variance: c - e, ...(method === 'cash' ? { count } : {}) };
  });
  const approval = soundApproval(input.approval);
  if (needsApproval(tenders, limit) && !approval) return refuse('variance-needs-approval');
  return taken(state, {
    type: 'cash.session.close',
    sessionId: state.session.sessionId,
    closedAt: input.closedAt,
    staffId: input.staffId,
    currency,
    varianceLimit: limit,
    tenders,
    ...(approval ? { approval } : {}),
  });
}
