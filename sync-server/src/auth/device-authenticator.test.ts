import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../test-support/test-databases';
import { adminHeaders } from '../test-support/head-office';
import { enrolledTills, syncHeaders, useTestHub, type Device } from '../test-support/test-hub';
import { DeviceAuthenticator } from './device-authenticator';
import { enrollDevice, issueEnrollmentCode } from './enrollment';
import { revokeTill } from './revoke-till';
import { enrollmentRequest } from '../test-support/till-keys';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`device authenticator on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    const ends: Record<string, (till: Device) => Promise<unknown>> = {
      'its revocation': (till) => revokeTill(ctx().db, till),
      'its enrollment again': async (till) => enrollDevice(ctx().db, enrollmentRequest((await issueEnrollmentCode(ctx().db, till)).code)),
    };
    for (const [what, end] of Object.entries(ends))
      it(`a till trusted a moment ago is refused within a second of ${what}, on this hub instance and on another`, async () => {
        const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
        const other = target.name === 'postgres' ? await ctx().database.openAnother() : ctx().db;
        const instances = [new DeviceAuthenticator(ctx().db), new DeviceAuthenticator(other)];
        try {
          for (const auth of instances) {
            await auth.start();
            await expect(auth.authenticate(till!.token)).resolves.toEqual({ storeId: 'S1', tillId: 'T1' });
          }
          await end(till!);
          for (const auth of instances) {
            await expect
              .poll(
                () =>
                  auth.authenticate(till!.token).then(
                    () => 'trusted',
                    (e: Error) => e.message,
                  ),
                { timeout: 1000, interval: 10 },
              )
              .toMatch(/revoked/);
          }
        } finally {
          for (const auth of instances) await auth.close();
          if (other !== ctx().db) await other.close();
        }
      });

    it('revoked through the hub’s API, a till that was just syncing is refused by that hub at once', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const pull = () => ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(till!.token, 'products') });
      expect((await pull()).statusCode).toBe(200);
      const revoked = await ctx().hub.app.inject({
        method: 'POST',
        url: '/api/v1/admin/revocations',
        headers: await adminHeaders(ctx().db),
        payload: { storeId: 'S1', tillId: 'T1' },
      });
      expect(revoked.json()).toEqual({ revokedTokens: 1 });
      expect((await pull()).statusCode).toBe(401);
    });

    it('a token changed behind the hub’s back is trusted until its trust period ends, a refused one is never remembered', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const auth = new DeviceAuthenticator(ctx().db, { trustMs: 300 });
      const setRevoked = (revoked: boolean) =>
        ctx().db.query(`UPDATE device_tokens SET revoked_at = ${revoked ? 'now()' : 'NULL'} WHERE store_id = 'S1'`);
      try {
        await auth.start();
        await auth.authenticate(till!.token);
        // Revoked by hand, without the announcement revokeTill makes: still trusted, so not looked up.
        await setRevoked(true);
        await expect(auth.authenticate(till!.token)).resolves.toEqual({ storeId: 'S1', tillId: 'T1' });
        await sleep(350);
        await expect(auth.authenticate(till!.token)).rejects.toThrow(/revoked/);
        // The refusal is not remembered: the database's word counts again at the next request.
        await setRevoked(false);
        await expect(auth.authenticate(till!.token)).resolves.toEqual({ storeId: 'S1', tillId: 'T1' });
        await expect(auth.authenticate('S1.not-a-token')).rejects.toThrow(/not known/);
        await expect(auth.authenticate(null)).rejects.toThrow(/no device token/);
      } finally {
        await auth.close();
      }
    });
  });
}
