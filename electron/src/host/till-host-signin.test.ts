import type { SealedRecord, StaffLockout } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, hostPool, tempDirs, valueOf, type TestHost } from './test-support/host-harness';

const dirs = tempDirs();
const hosts = hostPool();
afterEach(async () => {
  await hosts.closeAll();
  await dirs.cleanup();
});

const signIn = (host: TestHost, staffId: string, pin: string) => host.invoke('session.signIn', { staffId, pin });
/** The lock and the unlock, as the JET has them: an inspector reads PIN guessing in the journal. */
const lockEvents = async (host: TestHost) =>
  valueOf<{ records: SealedRecord[] }>(await host.invoke('journal.read', { chain: 'event', afterSeq: 0, limit: 500 }))
    .records.map((r) => r.payload as { type: string })
    .filter((p) => p.type.startsWith('staff.'));
const lockouts = async (host: TestHost) => valueOf<readonly StaffLockout[]>(await host.invoke('staff.lockouts', undefined));

describe('sign-in through the host: the person is locked, not the till', () => {
  it('locks Camille after five wrong PINs while Sophie signs in, survives a restart, and Sophie unlocks her', async () => {
    const dir = await dirs.make();
    const host = await hosts.start(dir);
    for (let i = 0; i < 4; i++) expect(errorOf(await signIn(host, 'staff-camille', '0000')).code).toBe('WRONG_PIN');
    const locked = errorOf(await signIn(host, 'staff-camille', '0000'));
    expect(locked).toMatchObject({ code: 'PIN_LOCKED', details: { staffId: 'staff-camille', seconds: 60 } });
    expect(errorOf(await signIn(host, 'staff-camille', '1234')).code).toBe('PIN_LOCKED');
    expect(valueOf<{ id: string }>(await signIn(host, 'staff-sophie', '5678')).id).toBe('staff-sophie');
    expect(await lockouts(host)).toEqual([{ staffId: 'staff-camille', secondsLeft: 60 }]);
    await host.close();

    const again = await hosts.start(dir);
    expect(errorOf(await signIn(again, 'staff-camille', '1234')).code).toBe('PIN_LOCKED');
    const refused = errorOf(await again.invoke('staff.unlock', { staffId: 'staff-camille', managerPin: '1234' }));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'unlock-needs-manager' } });
    const unlocked = valueOf<{ approvedBy: string; lockouts: readonly StaffLockout[] }>(
      await again.invoke('staff.unlock', { staffId: 'staff-camille', managerPin: '5678' }),
    );
    expect(unlocked).toEqual({ approvedBy: 'staff-sophie', lockouts: [] });
    expect(valueOf<{ id: string }>(await signIn(again, 'staff-camille', '1234')).id).toBe('staff-camille');
    // Sealed once each: the lock when the fifth wrong PIN caused it (not again for a PIN refused while locked).
    expect(await lockEvents(again)).toEqual([
      { type: 'staff.locked', staffId: 'staff-camille' },
      { type: 'staff.unlock', staffId: 'staff-camille', unlockedBy: 'staff-sophie' },
    ]);
  });

  it('refuses a sign-in that names nobody, or nobody of this till', async () => {
    const host = await hosts.start(await dirs.make());
    expect(errorOf(await host.invoke('session.signIn', { pin: '1234' } as never)).code).toBe('INVALID_REQUEST');
    expect(errorOf(await signIn(host, 'staff-nobody', '1234'))).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'unknown-staff' } });
  });
});
