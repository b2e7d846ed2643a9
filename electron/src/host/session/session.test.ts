import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_STAFF } from '@pos/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from './session';
import { StaffStore } from './staff-store';

let dir: string;
let staff: StaffStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-staff-'));
  staff = await StaffStore.open(dir, DEMO_STAFF);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('StaffStore', () => {
  it('stores PIN hashes only, never PINs', async () => {
    const text = await readFile(path.join(dir, 'staff.json'), 'utf8');
    for (const s of DEMO_STAFF) expect(text).not.toContain(`"${s.pin}"`);
    expect(text).toContain('scrypt$');
    expect(staff.list().map((s) => Object.keys(s).sort())).toEqual(DEMO_STAFF.map(() => ['displayName', 'id', 'role']));
  });

  it('reopens the same staff', async () => {
    const again = await StaffStore.open(dir, []);
    expect(again.list()).toEqual(staff.list());
    expect((await again.findByPin('5678'))?.id).toBe('staff-sophie');
  });
});

describe('Session', () => {
  it('signs in by PIN and out', async () => {
    const session = new Session(staff);
    expect((await session.signIn('1234')).role).toBe('cashier');
    expect(session.require().id).toBe('staff-camille');
    session.signOut();
    expect(() => session.require()).toThrow(/Sign in/);
  });

  it('refuses a wrong or malformed PIN with the attempts left, then locks', async () => {
    let now = 0;
    const session = new Session(staff, { maxAttempts: 3, lockMs: 1000 }, () => now);
    await expect(session.signIn('0000')).rejects.toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 2 } });
    await expect(session.signIn('12a4')).rejects.toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 1 } });
    await expect(session.signIn('9999')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(session.signIn('1234')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { retryInMs: 1000 } });
    now = 1001;
    expect((await session.signIn('1234')).id).toBe('staff-camille');
  });

  it('doubles the lock on repeated lockouts', async () => {
    let now = 0;
    const session = new Session(staff, { maxAttempts: 1, lockMs: 1000 }, () => now);
    await expect(session.signIn('0000')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { retryInMs: 1000 } });
    now = 1001;
    await expect(session.signIn('0000')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { retryInMs: 2000 } });
  });

  it('lets a manager approve what a cashier may not do, and refuses a cashier', async () => {
    const session = new Session(staff);
    await session.signIn('1234');
    expect((await session.authorize('5678', 'sale.price-override')).id).toBe('staff-sophie');
    await expect(session.authorize('1234', 'sale.price-override')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(session.require().id).toBe('staff-camille');
  });
});
