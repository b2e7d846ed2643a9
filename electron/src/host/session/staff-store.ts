import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_STAFF, isGuessablePin, PosError, type DemoStaff, type StaffMember } from '@pos/core';
import { nodeFiscalFs, writeFileDurably } from '../fiscal/fiscal-fs';
import { LockoutBook } from './lockout-book';
import { hashPin, verifyPin } from './pin-hash';

type StoredStaff = StaffMember & { readonly pinHash: string };

/** A demo member still in a real till's staff.json (seeded by an earlier demo start): same id, demo PIN. */
async function isDemoMember(member: StoredStaff): Promise<boolean> {
  const demo = DEMO_STAFF.find((d) => d.id === member.id);
  return demo !== undefined && (await verifyPin(demo.pin, member.pinHash));
}

/**
 * Staff of this store with hashed PINs, kept in the host's data directory (staff.json). Only the
 * demo store has the demo staff (and their PINs known to everyone who read the README): a real
 * till starts with nobody, and its first manager is set up on the till itself until staff come
 * from the hub. Demo members left by an earlier demo start are dropped from a real till.
 */
export class StaffStore {
  private constructor(
    private staff: readonly StoredStaff[],
    private readonly file: string,
    /** Each person's wrong PINs, kept beside the staff file so a restart forgets no lock. */
    readonly lockouts: LockoutBook,
  ) {}

  static async open(dataDir: string, demo: readonly DemoStaff[] | null): Promise<StaffStore> {
    const file = path.join(dataDir, 'staff.json');
    const lockouts = await LockoutBook.open(dataDir);
    let stored: StoredStaff[] | null = null;
    try {
      stored = JSON.parse(await readFile(file, 'utf8')) as StoredStaff[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (stored && !demo) {
      const kept: StoredStaff[] = [];
      for (const member of stored) if (!(await isDemoMember(member))) kept.push(member);
      if (kept.length !== stored.length) await writeFileDurably(nodeFiscalFs, file, JSON.stringify(kept, null, 2));
      return new StaffStore(kept, file, lockouts);
    }
    if (stored) return new StaffStore(stored, file, lockouts);
    const seeded = await Promise.all((demo ?? []).map(async ({ pin, ...member }) => ({ ...member, pinHash: await hashPin(pin) })));
    await writeFileDurably(nodeFiscalFs, file, JSON.stringify(seeded, null, 2));
    return new StaffStore(seeded, file, lockouts);
  }

  get isEmpty(): boolean {
    return this.staff.length === 0;
  }

  list(): StaffMember[] {
    return this.staff.map(({ pinHash: _hidden, ...member }) => member);
  }

  get(staffId: string): StaffMember | null {
    const found = this.staff.find((s) => s.id === staffId);
    if (!found) return null;
    const { pinHash: _hidden, ...member } = found;
    return member;
  }

  /** Whether `pin` is this person's PIN (the sign-in checks one person, chosen on the screen). */
  async verify(staffId: string, pin: string): Promise<boolean> {
    const found = this.staff.find((s) => s.id === staffId);
    return found !== undefined && (await verifyPin(pin, found.pinHash));
  }

  /** The member whose PIN this is, or null (a manager's PIN typed to approve). Every hash is checked so timing tells nothing. */
  async findByPin(pin: string): Promise<StaffMember | null> {
    const matches = await Promise.all(this.staff.map((s) => verifyPin(pin, s.pinHash)));
    const index = matches.indexOf(true);
    if (index === -1) return null;
    const { pinHash: _hidden, ...member } = this.staff[index] as StoredStaff;
    return member;
  }

  /** The till's first manager, only while it has nobody: afterwards staff are managed, not set up. */
  async addFirstManager(displayName: string, pin: string): Promise<StaffMember> {
    if (!this.isEmpty) throw new PosError('FORBIDDEN', 'This till already has staff: ask a manager', { reason: 'staff-exists' });
    if (isGuessablePin(pin))
      throw new PosError('INVALID_REQUEST', 'Choose a PIN that is not a repeated or consecutive run of digits', {
        reason: 'pin-guessable',
      });
    const member: StoredStaff = { id: `staff-${randomUUID()}`, displayName, role: 'manager', pinHash: await hashPin(pin) };
    await writeFileDurably(nodeFiscalFs, this.file, JSON.stringify([member], null, 2));
    this.staff = [member];
    const { pinHash: _hidden, ...visible } = member;
    return visible;
  }
}
