import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  can,
  DEMO_STAFF,
  isGuessablePin,
  PosError,
  storeRoleTable,
  type DemoStaff,
  type Permission,
  type Role,
  type RoleTable,
  type StaffMember,
  type StaffRoster,
} from '@pos/core';
import { nodeFiscalFs, writeFileDurably } from '../fiscal/fiscal-fs';
import { LockoutBook } from './lockout-book';
import { hashPin, verifyPin } from './pin-hash';
import { checkedRoster } from './roster-checks';

type StoredStaff = StaffMember & { readonly pinHash: string; readonly disabled?: boolean };

/** A person's rights as the till applies them: sealed as a `staff.rights` event whenever they change. */
export type RightsChange = { readonly staffId: string; readonly role: Role; readonly permissions: readonly Permission[] };

/** The roster last received from the hub, so a till restarted offline signs in the same people. */
const HUB_FILE = 'hub-staff.json';

/** A demo member still in a real till's staff.json (seeded by an earlier demo start): same id, demo PIN. */
async function isDemoMember(member: StoredStaff): Promise<boolean> {
  const demo = DEMO_STAFF.find((d) => d.id === member.id);
  return demo !== undefined && (await verifyPin(demo.pin, member.pinHash));
}

function visible({ pinHash: _hidden, disabled: _disabled, ...member }: StoredStaff): StaffMember {
  return member;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function membersOf(roster: StaffRoster | null, local: readonly StoredStaff[]): readonly StoredStaff[] {
  if (!roster || roster.staff.length === 0) return local;
  return roster.staff.map(({ version: _v, ...member }) => member);
}

/** Each person's role and permissions under `table`; none for a disabled person. */
function rightsOf(staff: readonly StoredStaff[], table: RoleTable): Map<string, RightsChange> {
  return new Map(staff.map((s) => [s.id, { staffId: s.id, role: s.role, permissions: s.disabled ? [] : [...table[s.role]] }] as const));
}

function sameRights(a: RightsChange, b: RightsChange): boolean {
  return a.role === b.role && a.permissions.join() === b.permissions.join();
}

/**
 * Staff of this store with hashed PINs, kept in the host's data directory. Staff managed at the
 * hub (hub-staff.json, pulled with the device token) are the till's staff as soon as the hub has
 * anyone for the store: head office is then the authority, and the till's own staff.json (its
 * first manager, set up on the till) is set aside. Until then a real till starts with nobody and
 * sets up its first manager itself; only the demo store has the demo staff (their PINs are in the
 * README), and demo members left by an earlier demo start are dropped from a real till.
 */
export class StaffStore {
  private constructor(
    private local: readonly StoredStaff[],
    private hub: StaffRoster | null,
    private readonly file: string,
    private readonly hubFile: string,
    /** Each person's wrong PINs, kept beside the staff file so a restart forgets no lock. */
    readonly lockouts: LockoutBook,
  ) {}

  static async open(dataDir: string, demo: readonly DemoStaff[] | null): Promise<StaffStore> {
    const file = path.join(dataDir, 'staff.json');
    const hubFile = path.join(dataDir, HUB_FILE);
    const lockouts = await LockoutBook.open(dataDir);
    // A damaged cache is no reason not to start: the next pull replaces it.
    const hub = checkedRoster(await readJson(hubFile).catch(() => null));
    const stored = (await readJson(file)) as StoredStaff[] | null;
    if (stored && !demo) {
      const kept: StoredStaff[] = [];
      for (const member of stored) if (!(await isDemoMember(member))) kept.push(member);
      if (kept.length !== stored.length) await writeFileDurably(nodeFiscalFs, file, JSON.stringify(kept, null, 2));
      return new StaffStore(kept, hub, file, hubFile, lockouts);
    }
    if (stored) return new StaffStore(stored, hub, file, hubFile, lockouts);
    const seeded = await Promise.all((demo ?? []).map(async ({ pin, ...member }) => ({ ...member, pinHash: await hashPin(pin) })));
    await writeFileDurably(nodeFiscalFs, file, JSON.stringify(seeded, null, 2));
    return new StaffStore(seeded, hub, file, hubFile, lockouts);
  }

  /** Whether the hub manages this till's staff (it sent at least one person for the store). */
  get hubManaged(): boolean {
    return (this.hub?.staff.length ?? 0) > 0;
  }

  /** Which permissions each role has at this store: the chain's roles as the store tightened them. */
  get roles(): RoleTable {
    return storeRoleTable(this.hub?.roles ?? {});
  }

  can(role: Role, permission: Permission): boolean {
    return can(role, permission, this.roles);
  }

  get isEmpty(): boolean {
    return this.staff.length === 0;
  }

  /** Who may sign in: disabled people are not offered. */
  list(): StaffMember[] {
    return this.staff.filter((s) => !s.disabled).map(visible);
  }

  /** Anyone of the staff, disabled or not (the session refuses a disabled person by name). */
  get(staffId: string): StaffMember | null {
    const found = this.staff.find((s) => s.id === staffId);
    return found ? visible(found) : null;
  }

  isDisabled(staffId: string): boolean {
    return this.staff.find((s) => s.id === staffId)?.disabled === true;
  }

  /** Whether `pin` is this person's PIN (the sign-in checks one person, chosen on the screen). */
  async verify(staffId: string, pin: string): Promise<boolean> {
    const found = this.staff.find((s) => s.id === staffId && !s.disabled);
    return found !== undefined && (await verifyPin(pin, found.pinHash));
  }

  /** The member whose PIN this is, or null (a manager's PIN typed to approve). Every hash is checked so timing tells nothing. */
  async findByPin(pin: string): Promise<StaffMember | null> {
    const enabled = this.staff.filter((s) => !s.disabled);
    const matches = await Promise.all(enabled.map((s) => verifyPin(pin, s.pinHash)));
    const index = matches.indexOf(true);
    return index === -1 ? null : visible(enabled[index] as StoredStaff);
  }

  /** The till's first manager, only while it has nobody: afterwards staff are managed, not set up. */
  async addFirstManager(displayName: string, pin: string): Promise<StaffMember> {
    if (this.hubManaged) throw new PosError('FORBIDDEN', 'This till’s staff come from head office', { reason: 'staff-from-hub' });
    if (!this.isEmpty) throw new PosError('FORBIDDEN', 'This till already has staff: ask a manager', { reason: 'staff-exists' });
    if (isGuessablePin(pin))
      throw new PosError('INVALID_REQUEST', 'Choose a PIN that is not a repeated or consecutive run of digits', {
        reason: 'pin-guessable',
      });
    const member: StoredStaff = { id: `staff-${randomUUID()}`, displayName, role: 'manager', pinHash: await hashPin(pin) };
    await writeFileDurably(nodeFiscalFs, this.file, JSON.stringify([member], null, 2));
    this.local = [member];
    return visible(member);
  }

  /**
   * Takes the store's roster from the hub. Each person whose rights change (role, permissions,
   * disabled, added, gone) is handed to `record` (the host seals a `staff.rights` event) before
   * the till applies it: a change is never in force without its record. An empty roster from the
   * hub leaves the till's own staff in force.
   */
  async applyHubRoster(raw: unknown, record: (change: RightsChange) => Promise<unknown>): Promise<RightsChange[]> {
    const roster = checkedRoster(raw);
    if (!roster) throw new PosError('HUB_REFUSED', 'The hub sent a staff list this till cannot read');
    const before = rightsOf(this.staff, this.roles);
    const after = rightsOf(membersOf(roster, this.local), storeRoleTable(roster.roles));
    const changes: RightsChange[] = [];
    for (const [id, now] of after) {
      const was = before.get(id);
      if (!was || !sameRights(was, now)) changes.push(now);
    }
    for (const [id, was] of before) {
      if (!after.has(id) && was.permissions.length > 0) changes.push({ ...was, permissions: [] });
    }
    for (const change of changes) await record(change);
    const text = JSON.stringify(roster);
    // Asked every minute: the file is written only when the roster changed.
    if (text !== JSON.stringify(this.hub)) await writeFileDurably(nodeFiscalFs, this.hubFile, text);
    this.hub = roster;
    return changes;
  }

  private get staff(): readonly StoredStaff[] {
    return membersOf(this.hub, this.local);
  }
}
