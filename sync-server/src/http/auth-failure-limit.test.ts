import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { revokeTill } from '../auth/revoke-till';
import { createHub, type Hub, type HubOptions } from '../server';
import { countingDatabase } from '../test-support/counting-database';
import { adminHeaders } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const guessed = () => `S1.${randomBytes(32).toString('base64url')}`;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`failed authentications limited per address on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    async function strictHub(options: Partial<HubOptions> = {}): Promise<{ hub: Hub; reads: (table: string) => number }> {
      const { db, count } = countingDatabase(ctx().db);
      const reads = (table: string) => count(new RegExp(`FROM ${table}\\b`));
      const hub = await createHub({ database: db, rateLimit: false, authFailureLimit: { max: 5, timeWindowMs: 60_000 }, ...options });
      return { hub, reads };
    }

    it('a flood of guessed device tokens: 401 five times, then 429 without a database lookup; known tills carry on', async () => {
      const [known, other, unseen] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2', 'T3']);
      const { hub, reads } = await strictHub();
      const pull = (token: string, remoteAddress: string) =>
        hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(token, 'products'), remoteAddress });
      try {
        expect((await pull(known!.token, '10.0.0.1')).statusCode).toBe(200);
        const before = reads('device_tokens');
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await pull(guessed(), '10.0.0.1')).statusCode);
        expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(35).fill(429)]);
        expect(reads('device_tokens') - before).toBe(5);
        const refused = await pull(guessed(), '10.0.0.1');
        expect(refused.json()).toEqual({ error: 'auth_rate_limited', message: expect.stringMatching(/Too many failed authentications/) });

        // The till this hub verified before is not slowed, even once it must be looked up again.
        expect((await pull(known!.token, '10.0.0.1')).statusCode).toBe(200);
        await revokeTill(ctx().db, other!);
        await expect.poll(async () => (await pull(known!.token, '10.0.0.1')).statusCode).toBe(200);
        // Another address is not concerned.
        expect((await pull(guessed(), '10.0.0.2')).statusCode).toBe(401);
        expect((await pull(unseen!.token, '10.0.0.2')).statusCode).toBe(200);
        // A till this hub never verified, behind the flooding address, waits for the window to pass.
        const [fresh] = await enrolledTills(ctx().db, 'S1', ['T4']);
        expect((await pull(fresh!.token, '10.0.0.1')).statusCode).toBe(429);
      } finally {
        await hub.close();
      }
    });

    it('the limit counts per window: an address may try again once its window has passed', async () => {
      const { hub } = await strictHub({ authFailureLimit: { max: 2, timeWindowMs: 300 } });
      const pull = () =>
        hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(guessed(), 'products'), remoteAddress: '10.0.0.9' });
      try {
        expect([(await pull()).statusCode, (await pull()).statusCode, (await pull()).statusCode]).toEqual([401, 401, 429]);
        await new Promise((r) => setTimeout(r, 350));
        expect((await pull()).statusCode).toBe(401);
      } finally {
        await hub.close();
      }
    });

    it('guessed admin tokens are limited the same way; head office’s token keeps working', async () => {
      const { hub, reads } = await strictHub();
      const headOffice = await adminHeaders(ctx().db);
      const exceptions = (headers: Record<string, string>, remoteAddress = '10.0.0.3') =>
        hub.app.inject({ url: '/api/v1/admin/stock/exceptions', headers, remoteAddress });
      try {
        expect((await exceptions(headOffice)).statusCode).toBe(200);
        const before = reads('admin_tokens');
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await exceptions({ authorization: `Bearer admin.${guessed()}` })).statusCode);
        expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(15).fill(429)]);
        expect(reads('admin_tokens') - before).toBe(5);
        expect((await exceptions(headOffice)).statusCode).toBe(200);
      } finally {
        await hub.close();
      }
    });

    it('failed sign-ins to the back office from one address, each for another e-mail: 401 five times, then 429', async () => {
      const { hub } = await strictHub();
      const signIn = (email: string, remoteAddress = '10.0.0.7') =>
        hub.app.inject({ method: 'POST', url: '/api/v1/office/session', payload: { email, password: 'guess' }, remoteAddress });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 8; i++) statuses.push((await signIn(`user${i}@example.com`)).statusCode);
        expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(3).fill(429)]);
        expect((await signIn('another@example.com', '10.0.0.8')).statusCode).toBe(401);
      } finally {
        await hub.close();
      }
    });

    it('behind a trusted proxy, the client’s address is the one X-Forwarded-For names', async () => {
      const { hub } = await strictHub({ authFailureLimit: { max: 1, timeWindowMs: 60_000 }, trustProxy: '127.0.0.1' });
      const pull = (client: string) =>
        hub.app.inject({
          url: '/sync/v1/products/pull',
          headers: { ...syncHeaders(guessed(), 'products'), 'x-forwarded-for': client },
          remoteAddress: '127.0.0.1',
        });
      try {
        expect([(await pull('203.0.113.1')).statusCode, (await pull('203.0.113.1')).statusCode]).toEqual([401, 429]);
        expect((await pull('203.0.113.2')).statusCode).toBe(401);
      } finally {
        await hub.close();
      }
    });
  });
}
