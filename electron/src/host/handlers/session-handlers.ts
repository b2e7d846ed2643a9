import { randomUUID } from 'node:crypto';
import { type ApprovalSubject, isApprovalAction, isWellFormedPin, PosError } from '@pos/core';
import type { HostContext } from '../host-context';
import { noRequest, type HandlerGroup } from './handler-registry';
import { ID_PATTERN, integer, record, text } from './request-guards';

/** Not text at all is a broken request, not a wrong PIN: it must not count towards the lockout. */
function pinOf(req: Record<string, unknown>): string {
  if (typeof req.pin !== 'string' || req.pin.length > 32) throw new PosError('INVALID_REQUEST', 'pin must be text');
  return req.pin;
}

const MAX_AMOUNT = 1_000_000_000;

/** What an approval is for, every figure bounded; unknown fields are refused rather than ignored. */
function parseSubject(raw: unknown): ApprovalSubject {
  const req = record(raw ?? {}, 'subject');
  for (const key of Object.keys(req)) {
    if (!['saleId', 'lineId', 'bp', 'amount', 'unitPrice', 'movementId'].includes(key))
      throw new PosError('INVALID_REQUEST', `subject.${key.slice(0, 40)} is not known`);
  }
  return {
    ...(req.saleId !== undefined ? { saleId: text(req, 'saleId', { max: 64, pattern: ID_PATTERN }) } : {}),
    ...(req.lineId !== undefined ? { lineId: text(req, 'lineId', { max: 64, pattern: ID_PATTERN }) } : {}),
    ...(req.bp !== undefined ? { bp: integer(req, 'bp', 1, 10_000) } : {}),
    ...(req.amount !== undefined ? { amount: integer(req, 'amount', 1, MAX_AMOUNT) } : {}),
    ...(req.unitPrice !== undefined ? { unitPrice: integer(req, 'unitPrice', 0, MAX_AMOUNT) } : {}),
    ...(req.movementId !== undefined ? { movementId: text(req, 'movementId', { max: 48, pattern: ID_PATTERN }) } : {}),
  };
}

/** Sign-in and sign-out are technical events of the till: sealed on the event chain. */
export function sessionHandlers(ctx: HostContext): HandlerGroup {
  const sealSessionEvent = (type: 'session.sign-in' | 'session.sign-out', staffId: string) =>
    ctx.sealer.seal({ chain: 'event', id: randomUUID(), payload: { type, staffId } });
  return {
    'session.current': { parse: noRequest, run: async () => ctx.session.staffMember },
    'session.signIn': {
      parse: (raw) => {
        const req = record(raw, 'session.signIn request');
        return { staffId: text(req, 'staffId', { max: 64, pattern: ID_PATTERN }), pin: pinOf(req) };
      },
      run: async ({ staffId, pin }) => {
        if (ctx.staff.isEmpty) throw new PosError('SETUP_REQUIRED', 'This till has no staff yet: set up its first manager');
        const member = await ctx.session.signIn(staffId, pin);
        await sealSessionEvent('session.sign-in', member.id);
        return member;
      },
    },
    'staff.lockouts': { parse: noRequest, run: async () => ctx.session.lockedStaff() },
    'staff.unlock': {
      parse: (raw) => {
        const req = record(raw, 'staff.unlock request');
        return { staffId: text(req, 'staffId', { max: 64, pattern: ID_PATTERN }), managerPin: text(req, 'managerPin', { max: 32 }) };
      },
      run: async ({ staffId, managerPin }) => {
        const approver = await ctx.session.unlock(staffId, managerPin);
        await ctx.sealer.seal({ chain: 'event', id: randomUUID(), payload: { type: 'staff.unlock', staffId, unlockedBy: approver.id } });
        return { approvedBy: approver.id, lockouts: ctx.session.lockedStaff() };
      },
    },
    'session.signOut': {
      parse: noRequest,
      run: async () => {
        const was = ctx.session.signOut();
        if (was) await sealSessionEvent('session.sign-out', was.id);
        return null;
      },
    },
    'staff.setup': {
      parse: (raw) => {
        const req = record(raw, 'staff.setup request');
        const displayName = text(req, 'displayName', { max: 60 }).trim();
        if (displayName === '') throw new PosError('INVALID_REQUEST', 'displayName must not be blank', { reason: 'name-blank' });
        const pin = pinOf(req);
        if (!isWellFormedPin(pin)) throw new PosError('INVALID_REQUEST', 'A PIN is 4 to 6 digits', { reason: 'pin-format' });
        return { displayName, pin };
      },
      run: async ({ displayName, pin }) => {
        const member = await ctx.staff.addFirstManager(displayName, pin);
        await ctx.sealer.seal({
          chain: 'event',
          id: randomUUID(),
          payload: { type: 'staff.setup', staffId: member.id, role: member.role },
        });
        return member;
      },
    },
    'approval.request': {
      parse: (raw) => {
        const req = record(raw, 'approval.request request');
        if (!isApprovalAction(req.action)) throw new PosError('INVALID_REQUEST', 'Unknown action', { reason: 'unknown-action' });
        return { action: req.action, ...(req.pin !== undefined ? { pin: pinOf(req) } : {}), subject: parseSubject(req.subject) };
      },
      run: async ({ action, pin, subject }) => {
        const staff = ctx.session.require();
        // The signed-in person approves what their role allows; anything else needs an approver's PIN typed here.
        const approver = await ctx.session.approverFor(
          action,
          pin,
          `${staff.displayName} may not do this alone: an approver's PIN is needed`,
        );
        const issued = await ctx.approvals.issue({ action, approvedBy: approver.id, requestedBy: staff.id, subject });
        return { approvalId: issued.approvalId, approvedBy: approver.id, approverName: approver.displayName };
      },
    },
  };
}
