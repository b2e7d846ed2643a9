import {
  can,
  countProblem,
  countTotal,
  needsApproval,
  PosError,
  xReport,
  type ApprovalSubject,
  type CashCount,
  type CashCountRequest,
  type CashCountResult,
  type CashMoveRequest,
  type CashMovementPayload,
  type CashSessionOpenPayload,
  type CashSessionView,
  type ClosingRunRequest,
  type ClosingSale,
  type ClosingSummary,
  type ErrorDetails,
  type MethodName,
  type SealedRecord,
  type SealRequest,
  type StaffMember,
  type TenderClose,
  type VarianceApproval,
  type ZReportView,
} from '@pos/core';

/** What the fake cash host needs from the fake bridge: its sealing, who is signed in, whose PIN it is. */
export type FakeCashContext = {
  readonly seal: (request: SealRequest) => SealedRecord;
  readonly sealed: ReadonlyMap<string, SealedRecord>;
  readonly signedIn: () => StaffMember | null;
  readonly staffByPin: (pin: string) => StaffMember | null;
  /** An approval the fake bridge issued (approval.request). */
  readonly approval: (approvalId: string) => { action: string; approvedBy: string; subject: ApprovalSubject } | undefined;
};

export type FakeCashHost = {
  /** The variance per tender above which a manager approves (minor units), as the store's setting. */
  varianceLimit: number;
  /** Opens a session at once with this float (tests that start from an open till). */
  openWith(count: CashCount): void;
  readonly handlers: Partial<Record<MethodName, (request: never) => unknown>>;
};

/** As the host refuses: a cash step's code in details.cash, a role's refusal with its reason. */
const refuse = (code: 'INVALID_REQUEST' | 'FORBIDDEN', why: string, message: string, more: Record<string, unknown> = {}) =>
  new PosError(code, message, { ...(code === 'FORBIDDEN' ? { reason: why } : { cash: why }), ...more } as ErrorDetails);

/**
 * The host's cash sessions as the page sees them, kept small: blind (the expected amount is in no
 * answer before the count), each step sealed, a cashier's pay-out refused without a manager's PIN,
 * a variance above the limit closed only with a manager's PIN and a reason. Figures come from
 * core (countTotal, xReport, needsApproval) over what the fake bridge sealed.
 */
export function createFakeCashHost(context: FakeCashContext): FakeCashHost {
  let session: CashSessionOpenPayload | null = null;
  let movements: CashMovementPayload[] = [];
  let counted: { tenders: TenderClose[] } | null = null;
  const closings: ClosingSummary[] = [];
  let zNumber = 0;

  const staffId = () => context.signedIn()?.id ?? 'nobody';
  const sales = (): ClosingSale[] =>
    [...context.sealed.values()]
      .filter((r) => r.chain === 'sale')
      .map((r) => r.payload as unknown as ClosingSale)
      .filter((sale) => sale.sessionId === undefined || sale.sessionId === session?.sessionId);
  const open = (): CashSessionOpenPayload => {
    if (!session) throw refuse('INVALID_REQUEST', 'session-not-open', 'No cash session is open');
    return session;
  };
  const x = () => xReport(open(), sales(), [], movements);
  const managerOf = (pin: string): StaffMember => {
    const approver = context.staffByPin(pin);
    if (!approver) throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft: 4 });
    if (!can(approver.role, 'cash.report')) throw new PosError('FORBIDDEN', `${approver.displayName} may not approve this`);
    return approver;
  };

  const start = (count: CashCount) => {
    const problem = countProblem(count, 'EUR');
    if (problem) throw refuse('INVALID_REQUEST', 'count-invalid', 'Count refused', { problem });
    const openedAt = new Date().toISOString();
    session = {
      type: 'cash.session.open',
      sessionId: `session-${closings.length + 1}`,
      tillId: 'T01',
      staffId: staffId(),
      openedAt,
      businessDate: openedAt.slice(0, 10),
      currency: 'EUR',
      float: { count, total: countTotal(count, 'EUR') },
    };
    movements = [];
    counted = null;
    context.seal({ chain: 'event', id: session.sessionId, payload: session as never });
  };

  const closeWith = (approval?: VarianceApproval): ZReportView => {
    const current = open();
    const tenders = counted?.tenders ?? [];
    const { movements: _movements, ...report } = x();
    const closedAt = new Date().toISOString();
    const payload = { type: 'cash.session.close', sessionId: current.sessionId, closedAt, staffId: staffId(), tenders, approval };
    const record = context.seal({ chain: 'closing', id: `close-${current.sessionId}`, payload: payload as never });
    zNumber += 1;
    closings.unshift({
      kind: 'z',
      label: String(zNumber),
      seq: record.seq,
      sealedAt: closedAt,
      total: report.totals.total.net,
      currency: 'EUR',
    });
    session = null;
    counted = null;
    return {
      zNumber,
      record,
      figures: {
        ...report,
        closedAt,
        closedBy: staffId(),
        varianceLimit: host.varianceLimit,
        tenders,
        ...(approval ? { approval } : {}),
        differences: [],
      },
    };
  };

  const view = (): CashSessionView =>
    session
      ? {
          state: counted ? 'counted' : 'open',
          sessionId: session.sessionId,
          openedAt: session.openedAt,
          openedBy: session.staffId,
          businessDate: session.businessDate,
          currency: session.currency,
          float: session.float.total,
          movementCount: movements.length,
          mustCloseFirst: false,
        }
      : { state: 'none' };

  const host: FakeCashHost = {
    varianceLimit: 500,
    openWith: start,
    handlers: {
      'cash.state': view,
      'cash.open': ({ count }: { count: CashCount }) => {
        if (session) throw refuse('INVALID_REQUEST', 'session-already-open', 'A session is open');
        start(count);
        return view();
      },
      'cash.move': (request: CashMoveRequest) => {
        const current = open();
        const known = request.movementId === undefined ? undefined : context.sealed.get(request.movementId);
        if (known) return { record: known, drawerOpened: true };
        if (counted) throw refuse('INVALID_REQUEST', 'session-closing', 'The count is under way');
        if (!Number.isInteger(request.amount) || request.amount < 1 || request.reason.trim() === '')
          throw refuse('INVALID_REQUEST', 'movement-invalid', 'Amount or reason refused');
        const movementId = request.movementId ?? `move-${movements.length + 1}`;
        // Cash out cites an approval issued for this movement and amount, spent by it (as the host checks).
        const ref = request.approval;
        if (request.kind !== 'pay-in') {
          if (!ref) throw refuse('FORBIDDEN', 'approver-needed', 'A pay-out takes an approval');
          const issued = context.approval(ref.approvalId);
          const spent = movements.some((m) => m.approvalId === ref.approvalId);
          if (
            !issued ||
            spent ||
            issued.action !== 'cash.move' ||
            issued.approvedBy !== ref.approvedBy ||
            issued.subject.movementId !== movementId ||
            issued.subject.amount !== request.amount
          )
            throw refuse('INVALID_REQUEST', 'movement-approval', 'Not an approval of this movement');
        }
        const movement: CashMovementPayload = {
          type: 'cash.movement',
          sessionId: current.sessionId,
          movementId,
          kind: request.kind,
          amount: request.amount,
          reason: request.reason.trim(),
          staffId: staffId(),
          ...(ref && request.kind !== 'pay-in' ? { approvedBy: ref.approvedBy, approvalId: ref.approvalId } : {}),
        };
        movements.push(movement);
        return { record: context.seal({ chain: 'event', id: movement.movementId, payload: movement as never }), drawerOpened: true };
      },
      'cash.x': () => {
        const signedIn = context.signedIn();
        if (!signedIn || !can(signedIn.role, 'cash.report')) throw refuse('FORBIDDEN', 'manager-only', 'Managers only');
        return x();
      },
      'cash.count': (request: CashCountRequest): CashCountResult => {
        const current = open();
        if (counted) throw refuse('INVALID_REQUEST', 'session-closing', 'Already counted');
        const problem = countProblem(request.cash, current.currency);
        if (problem) throw refuse('INVALID_REQUEST', 'count-invalid', 'Count refused', { problem });
        const { expected } = x();
        const others = Object.keys(expected).filter((m) => m !== 'cash');
        const sent = request.tenders ?? {};
        if (others.some((m) => !(m in sent)) || Object.keys(sent).some((m) => !others.includes(m)))
          throw refuse('INVALID_REQUEST', 'count-invalid', 'Every tender taken must be counted');
        const amounts: Record<string, number> = { ...sent, cash: countTotal(request.cash, current.currency) };
        const tenders = Object.keys(amounts)
          .sort()
          .map((method) => {
            const c = amounts[method] ?? 0;
            const e = expected[method] ?? 0;
            return { method, counted: c, expected: e, variance: c - e, ...(method === 'cash' ? { count: request.cash } : {}) };
          });
        counted = { tenders };
        const over = needsApproval(tenders, host.varianceLimit);
        const result = { sessionId: current.sessionId, varianceLimit: host.varianceLimit, tenders, needsApproval: over };
        return over ? result : { ...result, z: closeWith() };
      },
      'cash.close': ({ approval }: { approval?: { managerPin: string; reason: string } }) => {
        open();
        if (!counted) throw refuse('INVALID_REQUEST', 'closing-not-started', 'Count first');
        if (!approval || approval.reason.trim() === '')
          throw refuse('INVALID_REQUEST', 'variance-needs-approval', 'A manager must approve the variance');
        return closeWith({ approvedBy: managerOf(approval.managerPin).id, reason: approval.reason.trim() });
      },
      'closing.print': () => ({ printed: true, message: 'Printed' }),
      'cash.printX': () => {
        const signedIn = context.signedIn();
        if (!signedIn || !can(signedIn.role, 'cash.report')) throw refuse('FORBIDDEN', 'manager-only', 'Managers only');
        x();
        return { printed: true, message: 'Printed' };
      },
      'closing.pdf': ({ seq }: { seq: number }) => ({
        filename: `Z-${String(seq).padStart(6, '0')}.pdf`,
        mediaType: 'application/pdf',
        base64: btoa('%PDF-1.4 fake Z'),
      }),
      'closing.run': ({ kind, period }: ClosingRunRequest): ClosingSummary[] => {
        const record = context.seal({
          chain: 'closing',
          id: `closing-${kind}-${period}`,
          payload: { type: 'closing', kind, period } as never,
        });
        const summary: ClosingSummary = { kind, label: period, seq: record.seq, sealedAt: record.sealedAt, total: 0, currency: 'EUR' };
        closings.unshift(summary);
        return [summary];
      },
      'closing.list': ({ limit }: { limit: number }) => closings.slice(0, limit),
    },
  };
  return host;
}
