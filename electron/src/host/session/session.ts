import { can, isWellFormedPin, type Permission, PosError, type StaffMember } from '@pos/core';
import type { StaffStore } from './staff-store';

export type LockoutPolicy = { readonly maxAttempts: number; readonly lockMs: number };

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockMs: 60_000 };

/**
 * Who is signed in at this till, and the wrong-PIN lockout: after `maxAttempts` wrong PINs in a
 * row the till refuses every PIN for `lockMs`, doubling on each further lock.
 */
export class Session {
  private current: StaffMember | null = null;
  private failures = 0;
  private locks = 0;
  private lockedUntil = 0;

  constructor(
    private readonly staff: StaffStore,
    private readonly policy: LockoutPolicy = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
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
    if (!can(staff.role, 'till.settings')) throw new PosError('FORBIDDEN', `Only a manager can ${what}`);
    return staff;
  }

  async signIn(pin: unknown): Promise<StaffMember> {
    const member = await this.check(pin);
    this.current = member;
    return member;
  }

  signOut(): StaffMember | null {
    const was = this.current;
    this.current = null;
    return was;
  }

  /** A PIN typed at this till to approve one action; the session does not change hands. */
  async authorize(pin: unknown, permission: Permission): Promise<StaffMember> {
    const member = await this.check(pin);
    if (!can(member.role, permission)) throw new PosError('FORBIDDEN', `${member.displayName} may not approve this`);
    return member;
  }

  private async check(pin: unknown): Promise<StaffMember> {
    const now = this.now();
    if (now < this.lockedUntil) {
      throw new PosError('PIN_LOCKED', 'Too many wrong PINs: wait before trying again', { retryInMs: this.lockedUntil - now });
    }
    if (!isWellFormedPin(pin)) return this.fail('A PIN is 4 to 6 digits');
    const member = await this.staff.findByPin(pin);
    if (!member) return this.fail('Wrong PIN');
    this.failures = 0;
    this.locks = 0;
    return member;
  }

  private fail(message: string): never {
    this.failures += 1;
    if (this.failures >= this.policy.maxAttempts) {
      this.failures = 0;
      this.lockedUntil = this.now() + this.policy.lockMs * 2 ** this.locks;
      this.locks += 1;
      throw new PosError('PIN_LOCKED', 'Too many wrong PINs: wait before trying again', { retryInMs: this.lockedUntil - this.now() });
    }
    throw new PosError('WRONG_PIN', message, { attemptsLeft: this.policy.maxAttempts - this.failures });
  }
}
