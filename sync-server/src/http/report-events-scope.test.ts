import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { REPORTS_CHANGED } from '../reporting/reporting-projector';
import { notifyChange } from '../sync/change-notice';
import { adminHeaders } from '../test-support/head-office';
import { OfficeBrowser, readyUser, TEST_PASSWORD } from '../test-support/office-users';
import { openSse, type SseStream } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { useTestHub } from '../test-support/test-hub';

/** Far beyond a test: a stream ended here was ended by the change, not by the heartbeat's lookup of its session. */
const HEARTBEAT_MS = 600_000;
const READY = '{}';

const storeEvent = (storeId: string) => JSON.stringify({ storeId });

/** Resolves once the stream ended or `n` events arrived, whichever comes first. */
const endedOrEvent = (stream: SseStream, n: number) => Promise.race([stream.ended, stream.event(n, 5_000).then(() => undefined)]);

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the reports' live events after a user's account changed on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false, heartbeatMs: HEARTBEAT_MS });
    /** As the reporting projector does once sales of the store were counted. */
    const announce = (storeId: string) => notifyChange(ctx().db, { kind: 'store', storeId }, REPORTS_CHANGED, 1);
    const open = async (browser: OfficeBrowser) => {
      const { hub } = ctx();
      const stream = await openSse(`${hub.url ?? (await hub.listen())}/api/v1/office/reports/events`, { cookie: browser.cookie! });
      expect(stream.status).toBe(200);
      expect(await stream.event(0)).toBe(READY);
      return stream;
    };
    const signedIn = async (email: string) => {
      const browser = new OfficeBrowser(ctx().hub);
      expect((await browser.signIn(email)).status).toBe(200);
      return browser;
    };

    it('ends the stream of a regional manager whose stores were narrowed: store B is never told, the new stream carries only A', async () => {
      const { db, hub } = ctx();
      for (const storeId of ['A', 'B']) await createStore(db, { storeId, name: `Store ${storeId}` });
      const { userId } = await readyUser(db, { email: 'r@example.com', role: 'regional', stores: ['A', 'B'] });
      const before = await open(await signedIn('r@example.com'));
      try {
        await announce('B');
        expect(await before.event(1)).toBe(storeEvent('B'));
        const narrowed = await hub.app.inject({
          method: 'PATCH',
          url: `/api/v1/admin/users/${userId}`,
          headers: await adminHeaders(db),
          payload: { stores: ['A'] },
        });
        expect(narrowed.statusCode).toBe(200);
        await announce('B');
        await endedOrEvent(before, 2);
        expect(before.events).toEqual([READY, storeEvent('B')]);
        await before.ended;
        expect(before.comments).toContain('the session ended: sign in again');
      } finally {
        before.close();
      }
      const after = await open(await signedIn('r@example.com'));
      try {
        await announce('B');
        await announce('A');
        // B's notice went out first: had it been told, it would be the first event.
        expect(await after.event(1)).toBe(storeEvent('A'));
      } finally {
        after.close();
      }
    });

    it('ends the stream of a user made accountant, and keeps the one whose session a password change kept', async () => {
      const { db, hub } = ctx();
      await createStore(db, { storeId: 'A', name: 'Store A' });
      const { userId } = await readyUser(db, { email: 'r@example.com', role: 'regional', stores: ['A'] });
      const demoted = await open(await signedIn('r@example.com'));
      const patched = await hub.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${userId}`,
        headers: await adminHeaders(db),
        payload: { role: 'accountant' },
      });
      expect(patched.statusCode).toBe(200);
      await announce('A');
      await endedOrEvent(demoted, 1);
      expect(demoted.events).toEqual([READY]);
      demoted.close();
      const [kept, other] = [await signedIn('r@example.com'), await signedIn('r@example.com')];
      const [keptStream, otherStream] = [await open(kept), await open(other)];
      try {
        const changed = await kept.call('POST', '/api/v1/office/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'another horse battery',
        });
        expect(changed.status).toBe(204);
        await announce('A');
        // Held back while its session was looked at again, then told; the other session's stream ended untold.
        expect(await keptStream.event(1)).toBe(storeEvent('A'));
        await otherStream.ended;
        expect(otherStream.events).toEqual([READY]);
      } finally {
        keptStream.close();
        otherStream.close();
      }
    });
  });
}
