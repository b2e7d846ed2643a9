import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { createTill } from '../admin/tills';
import { issueEnrollmentCode } from '../auth/enrollment';
import { adminHeaders } from '../test-support/head-office';
import { openSse } from '../test-support/sse-client';
import { testTargets } from '../test-support/test-databases';
import { syncHeaders, useTestHub } from '../test-support/test-hub';
import { enrollmentRequest } from '../test-support/till-keys';

/** What every answer of the hub carries, whatever the route. */
function expectSecurityHeaders(headers: Record<string, unknown>): void {
  expect(headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`security headers on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    async function enrollableTill(): Promise<string> {
      await createStore(ctx().db, { storeId: 'S1', name: 'Lyon' });
      await createTill(ctx().db, { storeId: 'S1', tillId: 'T1' });
      return (await issueEnrollmentCode(ctx().db, { storeId: 'S1', tillId: 'T1' })).code;
    }

    it('the enrollment answer (the device token), an enrollment code and a new admin token are never stored by a cache', async () => {
      const code = await enrollableTill();
      const enrolled = await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest(code) });
      expect(enrolled.statusCode).toBe(200);
      expect(enrolled.headers['cache-control']).toBe('no-store');
      expectSecurityHeaders(enrolled.headers);

      const issued = await ctx().hub.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enrollments',
        headers: await adminHeaders(ctx().db),
        payload: { storeId: 'S1', tillId: 'T1' },
      });
      expect(issued.statusCode).toBe(201);
      expect(issued.headers['cache-control']).toBe('no-store');
      expectSecurityHeaders(issued.headers);

      const adminToken = await ctx().hub.app.inject({
        method: 'POST',
        url: '/api/v1/admin/tokens',
        headers: await adminHeaders(ctx().db),
        payload: { label: 'Head office ERP' },
      });
      expect(adminToken.statusCode).toBe(201);
      expect(adminToken.json()).toMatchObject({ token: expect.stringMatching(/^admin\./), label: 'Head office ERP' });
      expect(adminToken.headers['cache-control']).toBe('no-store');
      expectSecurityHeaders(adminToken.headers);
    });

    it('refusals, unknown routes and /openapi.json carry them too; the OpenAPI document is still served as JSON', async () => {
      for (const url of ['/sync/v1/products/pull', '/nowhere', '/health']) {
        const res = await ctx().hub.app.inject({ url });
        expect(res.headers['cache-control'], url).toBe('no-store');
        expectSecurityHeaders(res.headers);
      }
      const doc = await ctx().hub.app.inject({ url: '/openapi.json' });
      expect(doc.statusCode).toBe(200);
      expect(doc.headers['content-type']).toMatch(/^application\/json/);
      expect(doc.json()).toHaveProperty('openapi');
      expectSecurityHeaders(doc.headers);
    });

    it('an event stream, written outside Fastify’s reply, has them as well', async () => {
      const code = await enrollableTill();
      const { token } = (await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest(code) })).json<{
        token: string;
      }>();
      const url = ctx().hub.url ?? (await ctx().hub.listen());
      const stream = await openSse(`${url}/sync/v1/products/stream`, syncHeaders(token, 'products'));
      try {
        expect(await stream.event(0)).toBe('RESYNC');
        expect(stream.headers['cache-control']).toBe('no-store, no-transform');
        expectSecurityHeaders(stream.headers);
      } finally {
        stream.close();
      }
    });
  });
}
