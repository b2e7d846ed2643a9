import { isWellFormedPin, type Permission, PosError, type StaffLockout, type StaffMember } from '@pos/core';
import type { LockoutBook } from './lockout-book';
import type { StaffStore } from './staff-store';

/** PINs typed to unlock someone are nobody's in particular: their wrong ones share one counter. */
const UNLOCK_KEY = '#unlock';

function lockedError(retryInMs: number, who: StaffMember | null): PosError {
  return new PosError('PIN_LOCKED', `Too many wrong PINs${who ? ` for ${who.displayName}` : ''}: wait before trying again`, {
    retryInMs,
    seconds: Math.ceil(retryInMs / 1000),
    ...(who ? { staffId: who.id } : {}),
  });
}

/**
 * Who is signed in at this till, and whose PIN is locked. A person picks themselves on the
 * screen and types their PIN: a wrong PIN counts against that person only, so one guesser
 * cannot lock the whole till, and a manager can unlock a locked person.
 */
export class Session {
  private current: StaffMember | null = null;

  /**
   * `onLocked` records a person's lock the moment too many wrong PINs cause it (the host seals it in
   * the JET, as a sign-in is: an inspector reads PIN guessing there, not in a side file).
   */
  constructor(
    private readonly staff: StaffStore,
    private readonly lockouts: LockoutBook = staff.lockouts,
    private readonly onLocked: (staffId: string) => Promise<unknown> = async () => undefined,
  ) {}

  get staffMember(): StaffMember | null {
    return this.current;
  }

  require(): StaffMember {
    if (!this.current) throw new PosError('NOT_SIGNED_IN', 'Sign in first');
    return this.current;
  }

  /** The signed-in staff member, who must be a manager (till.settings) to `what` ("enroll the till"). */
  requireManager(what: string): StaffMember {
    const staff = this.require();
    if (!this.staff.can(staff.role, 'till.settings'))
      throw new PosError('FORBIDDEN', `Only a manager can ${what}`, { reason: 'manager-only' });
    return staff;
  }

  async signIn(staffId: string, pin: unknown): Promise<StaffMember> {
    const member = this.member(staffId);
    this.refuseIfLocked(member.id, member);
    if (!isWellFormedPin(pin) || !(await this.staff.verify(member.id, pin))) return this.fail(member.id, member);
    await this.lockouts.succeeded(member.id);
    this.current = member;
    return member;
  }

  signOut(): StaffMember | null {
    const was = this.current;
    this.current = null;
    return was;
  }

  /**
   * A PIN typed at this till to approve one action; the session does not change hands. Its wrong
   * PINs count against the person signed in: they are the one at the keys.
   */
  async authorize(pin: unknown, permission: Permission): Promise<StaffMember> {
    const asking = this.require();
    this.refuseIfLocked(asking.id, asking);
    const approver = isWellFormedPin(pin) ? await this.staff.findByPin(pin) : null;
    if (!approver) return this.fail(asking.id, asking);
    await this.lockouts.succeeded(asking.id);
    if (!this.staff.can(approver.role, permission))
      throw new PosError('FORBIDDEN', `${approver.displayName} may not approve this`, {
        reason: 'approver-not-allowed',
        name: approver.displayName,
      });
    return approver;
  }

  /**
   * Who approves `permission` now: the person signed in when their role allows it, else the owner
   * of `managerPin` typed at this till (checked by `authorize`). Without a PIN the refusal says an
   * approver is needed (`refusal`: the host's words for support).
   */
  async approverFor(permission: Permission, managerPin: unknown, refusal: string): Promise<StaffMember> {
    const staff = this.require();
    if (this.staff.can(staff.role, permission)) return staff;
    if (managerPin === undefined) throw new PosError('FORBIDDEN', refusal, { needsApprover: true, reason: 'approver-needed' });
    return this.authorize(managerPin, permission);
  }

  /** A manager (another person) unlocks someone locked out; the book keeps who did it and when. */
  async unlock(staffId: string, managerPin: unknown): Promise<StaffMember> {
    const member = this.member(staffId);
    this.refuseIfLocked(UNLOCK_KEY, null);
    const approver = isWellFormedPin(managerPin) ? await this.staff.findByPin(managerPin) : null;
    if (!approver) return this.fail(UNLOCK_KEY, null);
    if (!this.staff.can(approver.role, 'till.settings')) {
      // A cashier's PIN here is a wrong answer too: otherwise it would be a free way to test PINs.
      await this.lockouts.failed(UNLOCK_KEY);
      throw new PosError('FORBIDDEN', 'Unlocking a person takes a manager’s PIN', { reason: 'unlock-needs-manager' });
    }
    if (approver.id === member.id) throw new PosError('FORBIDDEN', 'Another manager must unlock you', { reason: 'unlock-self' });
    await this.lockouts.succeeded(UNLOCK_KEY);
    await this.lockouts.unlock(member.id, approver.id);
    return approver;
  }

  /** Who is locked now and for how long: the sign-in screen counts down from it. */
  lockedStaff(): StaffLockout[] {
    return this.lockouts
      .locked()
      .flatMap(({ key, retryInMs }) => (this.staff.get(key) ? [{ staffId: key, secondsLeft: Math.ceil(retryInMs / 1000) }] : []));
  }

  /**
   * After the staff changed (a pull from the hub): the person signed in keeps their session with
   * their new role, or loses it when they were disabled or removed. Returns who was signed out.
   */
  refresh(): StaffMember | null {
    const was = this.current;
    if (!was) return null;
    const now = this.staff.get(was.id);
    if (now && !this.staff.isDisabled(was.id)) {
      this.current = now;
      return null;
    }
    this.current = null;
    return was;
  }

  private member(staffId: string): StaffMember {
    const member = this.staff.get(staffId);
    if (!member) throw new PosError('NOT_FOUND', `No staff member ${staffId.slice(0, 64)} at this till`, { reason: 'unknown-staff' });
    if (this.staff.isDisabled(member.id))
      throw new PosError('FORBIDDEN', `${member.displayName} was disabled by head office`, { reason: 'staff-disabled' });
    return member;
  }

  private refuseIfLocked(key: string, who: StaffMember | null): void {
    const retryInMs = this.lockouts.retryInMs(key);
    if (retryInMs > 0) throw lockedError(retryInMs, who);
  }

  private async fail(key: string, who: StaffMember | null): Promise<never> {
    const { attemptsLeft, retryInMs } = await this.lockouts.failed(key);
    if (retryInMs > 0) {
      if (who) await this.onLocked(who.id);
      throw lockedError(retryInMs, who);
    }
    throw new PosError('WRONG_PIN', 'Wrong PIN', { attemptsLeft });
  }
}
