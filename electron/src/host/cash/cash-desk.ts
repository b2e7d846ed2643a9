import { randomUUID } from 'node:crypto';
import {
  closeInputOf,
  closeSession,
  countSession,
  mustCloseFirst,
  openSession,
  PosError,
  recordMovement,
  xReport,
  zClosing,
  zFigures,
  type ApprovalRef,
  type CashCountResult,
  type CashMoveRequest,
  type CashSessionState,
  type CashSessionView,
  type CashStep,
  type SealedRecord,
  type SessionXReport,
  type StaffMember,
  type VarianceApproval,
  type ZClosingPayload,
  type ZReportView,
} from '@pos/core';
import { approvalProblems, sealCheckContext } from '../fiscal/seal-checks';
import type { HostContext } from '../host-context';
import type { CashIndex } from './cash-index';
import { cashSettingsOf } from './cash-settings';
import { xReportLines } from './x-document';
import { zReportLines } from './z-document';
import { zReportPdf } from './z-pdf';

/** A refused step of a cash session: its stable code in details.cash (the page words it). */
function refused(step: { readonly error: string; readonly problem?: unknown }): PosError {
  return new PosError('INVALID_REQUEST', `Cash session: ${step.error}`, {
    cash: step.error,
    ...(step.problem ? { problem: step.problem } : {}),
  });
}

function taken<P>(step: CashStep<P>): { state: CashSessionState; payload: P } {
  if (!step.ok) throw refused(step);
  return step;
}

type ZRecord = SealedRecord<'closing'> & { readonly payload: ZClosingPayload };

/**
 * The till's cash session at the host: every step sealed on the event chain before it counts, the
 * Z sealed on the closing chain and printed. The state is the journal's (CashIndex), never the
 * page's; every check-then-seal runs under the host's seal gate, one at a time.
 */
export class CashDesk {
  constructor(
    private readonly ctx: HostContext,
    private readonly index: CashIndex,
  ) {}

  private get settings() {
    return cashSettingsOf(this.ctx.profile);
  }

  private now(): string {
    return new Date().toISOString();
  }

  view(): CashSessionView {
    const state = this.index.state;
    if (state.status !== 'open' && state.status !== 'closing') return { state: 'none' };
    const s = state.session;
    return {
      state: state.count ? 'counted' : 'open',
      sessionId: s.sessionId,
      openedAt: s.openedAt,
      openedBy: s.staffId,
      businessDate: s.businessDate,
      currency: s.currency,
      float: s.float.total,
      movementCount: state.movements.length,
      mustCloseFirst: mustCloseFirst(state, this.now()),
    };
  }

  /** The signed-in person, who may see reports and run closings (cash.report). */
  requireReport(what: string): StaffMember {
    return this.require('cash.report', what);
  }

  private require(permission: 'cash.session' | 'cash.move' | 'cash.report', what: string): StaffMember {
    const staff = this.ctx.session.require();
    if (!this.ctx.staff.can(staff.role, permission))
      throw new PosError('FORBIDDEN', `${staff.displayName} may not ${what}`, { reason: 'manager-only' });
    return staff;
  }

  open(count: unknown): Promise<CashSessionView> {
    return this.ctx.sealGate.run(async () => {
      const staff = this.require('cash.session', 'open a cash session');
      const sessionId = randomUUID();
      const step = taken(
        openSession(
          this.index.state,
          {
            sessionId,
            tillId: this.ctx.config.tillId,
            staffId: staff.id,
            openedAt: this.now(),
            currency: this.ctx.profile.currency,
            float: count,
          },
          this.settings.days,
        ),
      );
      await this.ctx.sealer.seal({ chain: 'event', id: `cash-open-${sessionId}`, payload: step.payload });
      await this.kickDrawer();
      return this.view();
    });
  }

  move(request: CashMoveRequest): Promise<{ record: SealedRecord; drawerOpened: boolean }> {
    return this.ctx.sealGate.run(async () => {
      const staff = this.ctx.session.require();
      const out = request.kind !== 'pay-in';
      if (!out && !this.ctx.staff.can(staff.role, 'cash.session') && !this.ctx.staff.can(staff.role, 'cash.move'))
        throw new PosError('FORBIDDEN', `${staff.displayName} may not put cash in the drawer`, { reason: 'manager-only' });
      const movementId = request.movementId ?? randomUUID();
      const id = `cash-move-${movementId}`;
      // A retry of a movement already sealed gets its record: the approval it cited is spent by it.
      const done = await this.ctx.journal.get(id);
      if (done) return { record: done, drawerOpened: false };
      const approval = out ? this.approvalOf(request, movementId, staff) : undefined;
      const step = taken(
        recordMovement(
          this.index.state,
          {
            movementId,
            kind: request.kind,
            amount: request.amount,
            reason: request.reason,
            staffId: staff.id,
            ...(approval ? { approvedBy: approval.approvedBy, approvalId: approval.approvalId } : {}),
          },
          this.now(),
        ),
      );
      const record = await this.ctx.sealer.seal({ chain: 'event', id, payload: step.payload });
      return { record, drawerOpened: await this.kickDrawer() };
    });
  }

  /**
   * Cash out of the drawer cites an approval from the host's approval book, as every approval:
   * issued by approval.request (the person's own when their role allows it, else a manager's PIN
   * typed here: Session.approverFor), for cash.move, this movement and this amount, and not spent
   * by any record before. The sealed movement spends it (SealedIndex).
   */
  private approvalOf(request: CashMoveRequest, movementId: string, staff: StaffMember): ApprovalRef {
    if (!request.approval)
      throw new PosError('FORBIDDEN', `${staff.displayName} needs an approval to take cash out`, {
        needsApprover: true,
        reason: 'approver-needed',
      });
    const subject = { movementId, amount: request.amount };
    const problems = approvalProblems(
      request.approval,
      { what: 'cash out', actions: ['cash.move'], subject },
      sealCheckContext(this.ctx, staff),
      new Set(),
    );
    // Bound to this movement: an approval naming no movement or amount (a blank subject) does not cover it.
    const named = this.ctx.approvals.get(request.approval.approvalId)?.subject;
    if (named && (named.movementId !== movementId || named.amount !== request.amount))
      problems.push({
        code: 'approval',
        message: `cash out: approval ${request.approval.approvalId} names no movement ${movementId} of ${request.amount}`,
      });
    if (problems.length > 0) throw refused({ error: 'movement-approval', problem: problems.map((p) => p.message) });
    return request.approval;
  }

  /** What the records say of the open session now: its sealed sales, voids and movements. */
  private report(): SessionXReport {
    const state = this.index.state;
    if (state.status === 'none') throw refused({ error: 'session-not-open' });
    return xReport(
      state.session,
      this.index.sales.map((s) => s.payload),
      this.index.events,
      state.movements,
    );
  }

  x(): SessionXReport {
    this.require('cash.report', 'see the X report');
    const state = this.index.state;
    if (state.status !== 'open' && state.status !== 'closing') throw refused({ error: 'session-not-open' });
    return this.report();
  }

  count(request: { readonly cash: unknown; readonly tenders?: unknown }): Promise<CashCountResult> {
    return this.ctx.sealGate.run(async () => {
      const staff = this.require('cash.session', 'count the drawer');
      const state = this.index.state;
      if (state.status !== 'open' && state.status !== 'closing') throw refused({ error: 'session-not-open' });
      const expected = this.report().expected;
      // Sealed first: nothing about what was expected leaves the host before the count is in the journal.
      const counted = taken(
        countSession(state, { countedAt: this.now(), staffId: staff.id, cash: request.cash, tenders: request.tenders }, expected),
      );
      await this.ctx.sealer.seal({ chain: 'event', id: `cash-count-${state.session.sessionId}`, payload: counted.payload });
      const limit = this.settings.varianceLimit;
      const trial = closeSession(this.index.state, closeInputOf(counted.payload, this.now(), staff.id), expected, { varianceLimit: limit });
      if (!trial.ok && trial.error !== 'variance-needs-approval') throw refused(trial);
      const tenders = trial.ok ? trial.payload.tenders : this.tendersOf(counted.payload, expected, limit);
      if (!trial.ok) return { sessionId: state.session.sessionId, varianceLimit: limit, tenders, needsApproval: true };
      await this.ctx.sealer.seal({ chain: 'event', id: `cash-close-${state.session.sessionId}`, payload: trial.payload });
      const z = await this.sealZ();
      return { sessionId: state.session.sessionId, varianceLimit: limit, tenders, needsApproval: false, z };
    });
  }

  /** The tenders as the close would seal them (with an approval standing in), to show the variance before it is approved. */
  private tendersOf(count: Parameters<typeof closeInputOf>[0], expected: Readonly<Record<string, number>>, limit: number) {
    const shown = closeSession(
      this.index.state,
      closeInputOf(count, this.now(), count.staffId, { approvedBy: '-', reason: '-' }),
      expected,
      { varianceLimit: limit },
    );
    if (!shown.ok) throw refused(shown);
    return shown.payload.tenders;
  }

  close(approvalRequest: { readonly managerPin: string; readonly reason: string } | undefined): Promise<ZReportView> {
    return this.ctx.sealGate.run(async () => {
      const staff = this.require('cash.session', 'close the cash session');
      const state = this.index.state;
      if (state.status !== 'closing' || !state.count) throw refused({ error: 'closing-not-started' });
      let approval: VarianceApproval | undefined;
      if (approvalRequest) {
        const approver = await this.ctx.session.authorize(approvalRequest.managerPin, 'cash.report');
        approval = { approvedBy: approver.id, reason: approvalRequest.reason };
      }
      const expected = this.report().expected;
      const step = taken(
        closeSession(state, closeInputOf(state.count, this.now(), staff.id, approval), expected, {
          varianceLimit: this.settings.varianceLimit,
        }),
      );
      await this.ctx.sealer.seal({ chain: 'event', id: `cash-close-${state.session.sessionId}`, payload: step.payload });
      return this.sealZ();
    });
  }

  /**
   * Seals the Z of the session just closed (or returns it when already sealed), then prints it. Also
   * run at start: a host stopped between the close and its Z seals the Z then.
   */
  async sealZ(): Promise<ZReportView> {
    const state = this.index.state;
    if (state.status !== 'closed') throw refused({ error: 'session-not-open' });
    const sessionId = state.session.sessionId;
    const id = `z-${sessionId}`;
    const existing = await this.ctx.journal.get(id);
    if (existing) {
      const z = existing.payload as ZClosingPayload;
      return { zNumber: z.zNumber, record: existing, figures: z.figures };
    }
    const figures = zFigures(
      state.session,
      state.close,
      this.index.sales.map((s) => s.payload),
      this.index.events,
      state.movements,
    );
    const payload = zClosing(figures, this.index.lastZ);
    const record = (await this.ctx.sealer.seal({ chain: 'closing', id, payload })) as ZRecord;
    await this.print(record).catch(() => undefined);
    return { zNumber: payload.zNumber, record, figures: payload.figures };
  }

  /** A closed session whose Z is missing (the host stopped between the two): seal it now. */
  async recover(): Promise<void> {
    const state = this.index.state;
    if (state.status === 'closed' && this.index.zOf(state.session.sessionId) === undefined) await this.sealZ();
  }

  private async zRecord(seq: number): Promise<ZRecord> {
    const [record] = await this.ctx.journal.read('closing', seq - 1, 1);
    if (!record || record.seq !== seq || record.payload.type !== 'closing.z')
      throw new PosError('NOT_FOUND', `No Z report with closing sequence ${seq}`);
    return record as ZRecord;
  }

  private readonly nameOf = (staffId: string): string => this.ctx.staff.get(staffId)?.displayName ?? staffId;

  private linesOf(record: ZRecord, width: number) {
    return zReportLines({ record, profile: this.ctx.profile, nameOf: this.nameOf, width });
  }

  private async print(record: ZRecord): Promise<{ printed: boolean; message: string }> {
    const width = this.ctx.printer.columns;
    const outcome = await this.ctx.printer.print({
      width,
      saleId: record.id,
      receiptNumber: `Z-${String(record.payload.zNumber).padStart(6, '0')}`,
      lines: this.linesOf(record, width),
    });
    return outcome.status === 'failed' ? { printed: false, message: outcome.message } : { printed: true, message: 'printed' };
  }

  /**
   * Prints the X of the open session on the receipt printer, computed here from the journal (never
   * the page's figures). Nothing is sealed: an X is a reading, not a closing (docs/fiscal.md).
   */
  async printX(): Promise<{ printed: boolean; message: string }> {
    const x = this.x();
    const width = this.ctx.printer.columns;
    const printedAt = this.now();
    const outcome = await this.ctx.printer.print({
      width,
      saleId: `x-${x.sessionId}-${printedAt}`,
      receiptNumber: `X-${x.businessDate}`,
      lines: xReportLines({
        report: x,
        profile: this.ctx.profile,
        storeId: this.ctx.config.storeId,
        printedAt,
        nameOf: this.nameOf,
        width,
      }),
    });
    return outcome.status === 'failed' ? { printed: false, message: outcome.message } : { printed: true, message: 'printed' };
  }

  async printZ(seq: number): Promise<{ printed: boolean; message: string }> {
    this.require('cash.report', 'print a Z report');
    return this.print(await this.zRecord(seq));
  }

  async pdf(seq: number): Promise<{ filename: string; mediaType: string; base64: string }> {
    this.require('cash.report', 'download a Z report');
    const record = await this.zRecord(seq);
    const bytes = await zReportPdf(this.linesOf(record, 64), {
      title: `Rapport Z ${record.payload.zNumber} - ${record.storeId} ${record.tillId}`,
      sealedAt: record.sealedAt,
    });
    const name = `Z-${record.storeId}-${record.tillId}-${String(record.payload.zNumber).padStart(6, '0')}.pdf`;
    return { filename: name, mediaType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  /** The drawer opens for a float or a movement (never fails the step: the cashier uses the key). */
  private async kickDrawer(): Promise<boolean> {
    if (!this.ctx.printer.drivesDrawer) return false;
    try {
      const outcome = await this.ctx.printer.openDrawer(this.ctx.devices.settings.drawer);
      return outcome.status === 'sent';
    } catch {
      return false;
    }
  }
}
