import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RosterMember, StaffRoster } from '@pos/core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from './pin-hash';
import { Session } from './session';
import { StaffStore, type RightsChange } from './staff-store';

let dir: string;
let hashes: Record<string, string>;
beforeAll(async () => {
  // One hash per PIN for the whole file: scrypt is slow on purpose.
  hashes = { '4826': await hashPin('4826'), '9157': await hashPin('9157'), '2468': await hashPin('2468') };
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-hub-staff-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const julie = (extra: Partial<RosterMember> = {}): RosterMember => ({
  id: 'staff-julie',
  displayName: 'Julie',
  role: 'cashier',
  badgeCode: 'B42',
  pinHash: hashes['4826']!,
  disabled: false,
  version: 1,
  ...extra,
});
const marc = (extra: Partial<RosterMember> = {}): RosterMember => ({
  id: 'staff-marc',
  displayName: 'Marc',
  role: 'manager',
  pinHash: hashes['9157']!,
  disabled: false,
  version: 1,
  ...extra,
});
const roster = (staff: RosterMember[], roles: StaffRoster['roles'] = {}): StaffRoster => ({ storeId: 'S1', staff, roles });

async function applied(store: StaffStore, next: unknown): Promise<RightsChange[]> {
  const recorded: RightsChange[] = [];
  const changes = await store.applyHubRoster(next, async (c) => recorded.push(c));
  expect(recorded).toEqual(changes);
  return changes;
}

describe('StaffStore with staff from the hub', () => {
  it('keeps the till’s own first manager while the hub has nobody, then the hub’s staff only', async () => {
    const store = await StaffStore.open(dir, null);
    const first = await store.addFirstManager('Gérante', '2468');
    expect(await applied(store, roster([]))).toEqual([]);
    expect(store.list()).toEqual([first]);
    const changes = await applied(store, roster([julie()]));
    expect(changes).toEqual([
      {
        staffId: 'staff-julie',
        role: 'cashier',
        permissions: ['sale.sell', 'sale.void', 'sale.discount', 'receipt.reprint', 'cash.session'],
      },
      { staffId: first.id, role: 'manager', permissions: [] },
    ]);
    expect(store.list()).toEqual([{ id: 'staff-julie', displayName: 'Julie', role: 'cashier', badgeCode: 'B42' }]);
    expect(await store.verify('staff-julie', '4826')).toBe(true);
    expect(store.hubManaged).toBe(true);
    await expect(store.addFirstManager('Autre', '1357')).rejects.toMatchObject({ details: { reason: 'staff-from-hub' } });
  });

  it('tells exactly whose rights changed: a role, a store’s tightening, a disabled person', async () => {
    const store = await StaffStore.open(dir, null);
    await applied(store, roster([julie(), marc()]));
    expect(await applied(store, roster([julie({ version: 2, displayName: 'Julie B.' }), marc()]))).toEqual([]);
    expect((await applied(store, roster([julie({ role: 'manager' }), marc()]))).map((c) => [c.staffId, c.role])).toEqual([
      ['staff-julie', 'manager'],
      // (Marc's rights did not change.)
    ]);
    const tightened = await applied(store, roster([julie({ role: 'manager' }), marc()], { cashier: ['sale.sell'] }));
    expect(tightened).toEqual([]); // nobody is a cashier now
    expect(store.can('cashier', 'sale.void')).toBe(false);
    expect(store.can('cashier', 'sale.sell')).toBe(true);
    expect(await applied(store, roster([julie({ role: 'manager' }), marc({ disabled: true })]))).toEqual([
      { staffId: 'staff-marc', role: 'manager', permissions: [] },
    ]);
  });

  it('refuses a disabled person by name and never takes their PIN as an approver’s', async () => {
    const store = await StaffStore.open(dir, null);
    await applied(store, roster([julie(), marc()]));
    const session = new Session(store);
    await session.signIn('staff-marc', '9157');
    await applied(store, roster([julie(), marc({ disabled: true })]));
    expect(session.refresh()?.id).toBe('staff-marc');
    expect(session.staffMember).toBeNull();
    await expect(session.signIn('staff-marc', '9157')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'staff-disabled' } });
    expect(store.list().map((s) => s.id)).toEqual(['staff-julie']);
    expect(await store.findByPin('9157')).toBeNull();
    await session.signIn('staff-julie', '4826');
    await expect(session.authorize('9157', 'sale.void')).rejects.toMatchObject({ code: 'WRONG_PIN' });
  });

  it('applies a tightened role to approvals: a cashier’s role without sale.void needs an approver', async () => {
    const store = await StaffStore.open(dir, null);
    await applied(store, roster([julie(), marc()], { manager: ['sale.sell', 'till.settings'] }));
    const session = new Session(store);
    await session.signIn('staff-julie', '4826');
    await expect(session.authorize('9157', 'sale.price-override')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'approver-not-allowed' },
    });
  });

  it('reopens with the roster cached (offline start), and leaves out what it cannot check', async () => {
    const store = await StaffStore.open(dir, null);
    await applied(store, roster([julie(), { ...marc(), pinHash: 'plain:9157' }, { ...marc(), id: 'bad id with spaces' }]));
    const again = await StaffStore.open(dir, null);
    expect(again.list().map((s) => s.id)).toEqual(['staff-julie']);
    expect(await again.verify('staff-julie', '4826')).toBe(true);
    await expect(again.applyHubRoster({ staff: 'everyone' }, async () => undefined)).rejects.toMatchObject({ code: 'HUB_REFUSED' });
    // A cache damaged by hand: the till starts with its own staff, and the next pull brings the hub's back.
    await writeFile(path.join(dir, 'hub-staff.json'), '{"storeId": "S1", "staff": [');
    expect((await StaffStore.open(dir, null)).hubManaged).toBe(false);
  });
});
