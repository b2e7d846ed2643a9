import type { ApprovalAction, ApprovalRef, ApprovalSubject } from '../approval/approval';
import type { StaffMember } from '../staff/permissions';
import type { Method } from './contract-method';

/**
 * The host methods of the till's people: who works here, signing in and out, lockouts after wrong
 * PINs, the first manager, and single-use approvals. The host checks every PIN, never the page.
 */

/** A permission-gated action: the approver's PIN (none when the signed-in person holds the permission) and what exactly is approved. */
export type ApprovalRequest = { readonly action: ApprovalAction; readonly pin?: string; readonly subject: ApprovalSubject };

export type ApprovalGrant = ApprovalRef & { readonly approverName: string };

/** A person locked out by wrong PINs, and for how long still (the host decides; the screen counts down). */
export type StaffLockout = { readonly staffId: string; readonly secondsLeft: number };

export type StaffContract = {
  'staff.list': Method<void, readonly StaffMember[]>;
  'session.current': Method<void, StaffMember | null>;
  /** The person chosen on the screen and their PIN: a wrong PIN counts against that person only. */
  'session.signIn': Method<{ readonly staffId: string; readonly pin: string }, StaffMember>;
  /** Who is locked out now (staff.list says who may sign in; this says who must wait). */
  'staff.lockouts': Method<void, readonly StaffLockout[]>;
  /** A manager's PIN (another person's) unlocks someone locked out; the host records who did. */
  'staff.unlock': Method<
    { readonly staffId: string; readonly managerPin: string },
    { readonly approvedBy: string; readonly lockouts: readonly StaffLockout[] }
  >;
  'session.signOut': Method<void, null>;
  /** The first manager of a till with no staff (a new till before staff come from the hub). */
  'staff.setup': Method<{ readonly displayName: string; readonly pin: string }, StaffMember>;
  /**
   * A single-use approval of one action: the host checks the approver's PIN and permission (or the
   * signed-in person's own) and records what it approved; the sealed payload then cites it.
   */
  'approval.request': Method<ApprovalRequest, ApprovalGrant>;
};
