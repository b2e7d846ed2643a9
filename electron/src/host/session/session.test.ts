import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_STAFF } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockoutBook } from './lockout-book';
import { Session } from './session';
import { StaffStore } from './staff-store';

const CAMILLE = 'staff-camille';
const SOPHIE = 'staff-sophie';
const LUC = 'staff-luc';

let dir: string;
let staff: StaffStore;
let now: number;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-staff-'));
  staff = await StaffStore.open(dir, DEMO_STAFF);
  now = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A session whose lockout counts `maxAttempts` wrong PINs and locks for a second, on a clock the test moves. */
async function sessionWith(maxAttempts = 3): Promise<Session> {
  return new Session(staff, await LockoutBook.open(dir, { maxAttempts, lockMs: 1000 }, () => now));
}

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
    expect((await again.findByPin('5678'))?.id).toBe(SOPHIE);
    expect(await again.verify(SOPHIE, '5678')).toBe(true);
    expect(await again.verify(CAMILLE, '5678')).toBe(false);
  });
});

describe('Session', () => {
  it('signs in the person chosen, with their own PIN only, and out', async () => {
    const session = await sessionWith();
    // Sophie's PIN is no key to Camille's session.
    await expect(session.signIn(CAMILLE, '5678')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    expect((await session.signIn(CAMILLE, '1234')).role).toBe('cashier');
    expect(session.require().id).toBe(CAMILLE);
    session.signOut();
    expect(() => session.require()).toThrow(/Sign in/);
    await expect(session.signIn('staff-nobody', '1234')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'unknown-staff' } });
  });

  it('locks the person who typed the wrong PINs, not the till: the others still sign in', async () => {
    const session = await sessionWith();
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 2 } });
    await expect(session.signIn(CAMILLE, '12a4')).rejects.toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 1 } });
    await expect(session.signIn(CAMILLE, '9999')).rejects.toMatchObject({
      code: 'PIN_LOCKED',
      details: { retryInMs: 1000, seconds: 1, staffId: CAMILLE },
    });
    // Even her right PIN waits…
    await expect(session.signIn(CAMILLE, '1234')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    // …while the manager, and anyone else, signs in.
    expect((await session.signIn(SOPHIE, '5678')).id).toBe(SOPHIE);
    expect((await session.signIn(LUC, '246810')).id).toBe(LUC);
    now = 1001;
    expect((await session.signIn(CAMILLE, '1234')).id).toBe(CAMILLE);
  });

  it('tells the seconds left of each lock, counting down with the host’s clock', async () => {
    const session = await sessionWith(1);
    now = 10_000;
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    expect(session.lockedStaff()).toEqual([{ staffId: CAMILLE, secondsLeft: 1 }]);
    now = 11_001;
    expect(session.lockedStaff()).toEqual([]);
    // A second lock lasts twice as long, and the count goes down as time passes.
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { retryInMs: 2000, seconds: 2 } });
    expect(session.lockedStaff()).toEqual([{ staffId: CAMILLE, secondsLeft: 2 }]);
    now += 1500;
    expect(session.lockedStaff()).toEqual([{ staffId: CAMILLE, secondsLeft: 1 }]);
  });

  it('keeps a lock across a restart of the host', async () => {
    const session = await sessionWith(2);
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    const restarted = await StaffStore.open(dir, DEMO_STAFF);
    const after = new Session(restarted, await LockoutBook.open(dir, { maxAttempts: 2, lockMs: 1000 }, () => now));
    await expect(after.signIn(CAMILLE, '1234')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { staffId: CAMILLE } });
    expect(after.lockedStaff()).toEqual([{ staffId: CAMILLE, secondsLeft: 1 }]);
  });

  it('starts with no lock when the lockout file was damaged by hand, rather than not starting', async () => {
    await writeFile(path.join(dir, 'lockouts.json'), '{"counters": {"staff-camille": {"failures": "x"}}, ');
    expect((await sessionWith()).lockedStaff()).toEqual([]);
    const damaged = { counters: { [CAMILLE]: { failures: 0, locks: 1, lockedUntil: 500 }, [SOPHIE]: { failures: 'x' } }, unlocks: 3 };
    await writeFile(path.join(dir, 'lockouts.json'), JSON.stringify(damaged));
    expect((await sessionWith()).lockedStaff()).toEqual([{ staffId: CAMILLE, secondsLeft: 1 }]);
  });

  it('refuses to unlock with a cashier’s PIN: both locked people stay locked', async () => {
    const session = await sessionWith(1);
    await expect(session.signIn(CAMILLE, '0000')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(session.signIn(SOPHIE, '0000')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    await expect(session.unlock(CAMILLE, '1234')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'unlock-needs-manager' } });
    expect(session.lockedStaff().map((l) => l.staffId)).toEqual([CAMILLE, SOPHIE]);
  });

  it('unlocks with a manager’s PIN and records who did it, durably', async () => {
    const session = await sessionWith(2);
    for (let i = 0; i < 2; i++) await session.signIn(CAMILLE, '0000').catch(() => undefined);
    await expect(session.unlock(SOPHIE, '5678')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'unlock-self' } });
    await expect(session.unlock(CAMILLE, '1234')).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'unlock-needs-manager' } });
    expect((await session.unlock(CAMILLE, '5678')).id).toBe(SOPHIE);
    expect(session.lockedStaff()).toEqual([]);
    expect((await session.signIn(CAMILLE, '1234')).id).toBe(CAMILLE);
    const book = await LockoutBook.open(dir);
    expect(book.unlocks).toEqual([{ key: CAMILLE, unlockedBy: SOPHIE, at: new Date(0).toISOString() }]);
  });

  it('counts wrong unlock PINs too, so unlocking is no way to guess a manager’s PIN', async () => {
    const session = await sessionWith(2);
    await session.signIn(CAMILLE, '0000').catch(() => undefined);
    await session.signIn(CAMILLE, '0000').catch(() => undefined);
    await expect(session.unlock(CAMILLE, '1111')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    await expect(session.unlock(CAMILLE, '1234')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(session.unlock(CAMILLE, '5678')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
  });

  it('lets a manager approve what a cashier may not do, and refuses a cashier', async () => {
    const session = await sessionWith();
    await session.signIn(CAMILLE, '1234');
    expect((await session.authorize('5678', 'sale.price-override')).id).toBe(SOPHIE);
    await expect(session.authorize('1234', 'sale.price-override')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'approver-not-allowed', name: 'Camille' },
    });
    expect(session.require().id).toBe(CAMILLE);
  });

  it('counts wrong approval PINs against the person signed in, not against the manager', async () => {
    const session = await sessionWith(2);
    await session.signIn(CAMILLE, '1234');
    await expect(session.authorize('0000', 'sale.void')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    await expect(session.authorize('0001', 'sale.void')).rejects.toMatchObject({ code: 'PIN_LOCKED', details: { staffId: CAMILLE } });
    expect((await session.signIn(SOPHIE, '5678')).id).toBe(SOPHIE);
  });
});
