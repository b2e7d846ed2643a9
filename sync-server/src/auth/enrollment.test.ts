import { formatEnrollmentCode, ENROLLMENT_CODE_ALPHABET } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { createTill } from '../admin/tills';
import { testTargets } from '../test-support/test-databases';
import { syncHeaders, useTestHub } from '../test-support/test-hub';
import { issueEnrollmentCode } from './enrollment';
import { revokeTill } from './revoke-till';
import { sha256Hex } from './secrets';
import { enrollmentRequest, newTillKey, type TestTillKey } from '../test-support/till-keys';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`enrollment on ${target.name}`, () => {
    const ctx = useTestHub(target, { enrollRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    const enroll = (code: string) => ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest(code) });
    const enroll2 = (code: string, key: TestTillKey) =>
      ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest(code, key) });

    async function till(storeId = 'S001', tillId = 'T01') {
      await createStore(ctx().db, { storeId, name: 'Lyon' }).catch(() => undefined);
      await createTill(ctx().db, { storeId, tillId });
    }

    it('a code enrolls its till once: the token names the store and is stored only hashed', async () => {
      await till();
      const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      expect(code).toMatch(new RegExp(`^[${ENROLLMENT_CODE_ALPHABET}]{12}$`));
      // As a person types it: formatted, lower case, with spaces.
      const res = await enroll(` ${formatEnrollmentCode(code).toLowerCase()} `);
      expect(res.statusCode).toBe(200);
      const body = res.json<{ token: string; storeId: string; tillId: string }>();
      expect(body).toEqual({ token: expect.stringMatching(/^S001\.[A-Za-z0-9_-]{43}$/), storeId: 'S001', tillId: 'T01' });
      const stored = await ctx().db.query<{ token_hash: string }>('SELECT token_hash FROM device_tokens');
      expect(stored).toEqual([{ token_hash: sha256Hex(body.token) }]);
      const codes = await ctx().db.query<{ code_hash: string }>('SELECT code_hash FROM enrollment_codes');
      expect(codes).toEqual([{ code_hash: sha256Hex(code) }]);
      // The token works.
      expect((await ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(body.token, 'products') })).statusCode).toBe(
        200,
      );

      const again = await enroll(code);
      expect(again.statusCode).toBe(410);
      expect(again.json()).toEqual({ error: 'enrollment_code_used', message: expect.stringContaining('already used') });
      expect(await ctx().db.query('SELECT 1 FROM device_tokens')).toHaveLength(1);
    });

    it('two tills racing with the same code: exactly one gets a token', async () => {
      await till();
      const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const results = await Promise.all([enroll(code), enroll(code), enroll(code)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410]);
    });

    it('an expired code is refused (410), an unknown one 404, a malformed one 400', async () => {
      await till();
      const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01', ttlMs: 1 });
      await new Promise((r) => setTimeout(r, 20));
      const expired = await enroll(code);
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ error: 'enrollment_code_expired', message: expect.stringContaining('expired') });
      const unknown = await enroll('ABCD-EFGH-JKLM');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'enrollment_code_unknown' });
      const malformed = await enroll('1234');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('12') });
      expect((await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: {} })).statusCode).toBe(400);
    });

    it('codes default to 24 hours; a code for an unknown till is refused', async () => {
      await till();
      const issued = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const hours = (Date.parse(issued.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24);
      await expect(issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T99' })).rejects.toThrow(/does not exist/);
    });

    it('revoking a till revokes its tokens and its unused codes; it can be enrolled again', async () => {
      await till();
      const first = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const token = (await enroll(first.code)).json<{ token: string }>().token;
      const pending = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      await revokeTill(ctx().db, { storeId: 'S001', tillId: 'T01' });
      expect((await ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(token, 'products') })).statusCode).toBe(401);
      expect((await enroll(pending.code)).statusCode).toBe(410);
      const fresh = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const newToken = (await enroll(fresh.code)).json<{ token: string }>().token;
      expect((await ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(newToken, 'products') })).statusCode).toBe(
        200,
      );
    });

    it('enrolling a till again revokes its earlier tokens at once, in the same transaction', async () => {
      await till();
      await till('S001', 'T02');
      const pull = (token: string) => ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(token, 'products') });
      const tokenOf = async (tillId: string) =>
        (await enroll((await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId })).code)).json<{ token: string }>().token;
      const old = await tokenOf('T01');
      const neighbour = await tokenOf('T02');
      // Trusted by this hub instance a moment ago: the re-enrollment must end that trust too.
      expect((await pull(old)).statusCode).toBe(200);
      const fresh = await tokenOf('T01');
      const refused = await pull(old);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().message).toMatch(/revoked/);
      expect((await pull(fresh)).statusCode).toBe(200);
      expect((await pull(neighbour)).statusCode).toBe(200);
      expect(
        await ctx().db.query("SELECT revoked_at IS NOT NULL AS revoked FROM device_tokens WHERE till_id = 'T01' ORDER BY created_at"),
      ).toEqual([{ revoked: true }, { revoked: false }]);
    });

    it('records when a till was last seen', async () => {
      await till();
      const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const token = (await enroll(code)).json<{ token: string }>().token;
      expect(await ctx().db.query('SELECT last_seen_at FROM device_tokens')).toEqual([{ last_seen_at: null }]);
      await ctx().hub.app.inject({ url: '/sync/v1/products/pull', headers: syncHeaders(token, 'products') });
      const [row] = await ctx().db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM device_tokens');
      expect(Date.now() - row!.last_seen_at.getTime()).toBeLessThan(10_000);
    });

    it('registers the key the till seals with, only with a proof that it holds it, and never spends the code on a bad proof', async () => {
      await till();
      const { code } = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const key = newTillKey();
      const other = newTillKey();
      const stolen = { ...enrollmentRequest(code, key), publicKey: other.publicKey };
      const refused = await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: stolen });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: string }>().error).toBe('bad_key_proof');
      // A proof made for another code does not do either (the code is the challenge).
      const replayed = { ...enrollmentRequest('ABCD-EFGH-JKLM', key), code };
      expect((await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: replayed })).statusCode).toBe(400);
      const missing = await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: { code } });
      expect(missing.statusCode).toBe(400);
      expect(
        (await ctx().hub.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest(code, key) })).statusCode,
      ).toBe(200);
      const keys = await ctx().db.query<{ key_id: string; public_key: string; source: string }>(
        'SELECT key_id, public_key, source FROM till_keys WHERE store_id = $1 AND till_id = $2',
        ['S001', 'T01'],
      );
      expect(keys).toEqual([{ key_id: key.keyId, public_key: key.publicKey, source: 'enrollment' }]);
      // Enrolled again (a replaced till): its new key joins the old one, which still verifies what it signed.
      const again = await issueEnrollmentCode(ctx().db, { storeId: 'S001', tillId: 'T01' });
      const next = newTillKey();
      expect((await enroll2(again.code, next)).statusCode).toBe(200);
      const after = await ctx().db.query<{ key_id: string }>('SELECT key_id FROM till_keys WHERE store_id = $1 ORDER BY registered_at', [
        'S001',
      ]);
      expect(after.map((k) => k.key_id).sort()).toEqual([key.keyId, next.keyId].sort());
    });

    it('enrollment attempts are rate limited per address', async () => {
      const strict = await (await import('../server')).createHub({ database: ctx().db, enrollRateLimit: { max: 2, timeWindowMs: 60_000 } });
      try {
        const statuses = [];
        for (let i = 0; i < 3; i++)
          statuses.push(
            (await strict.app.inject({ method: 'POST', url: '/api/v1/enroll', payload: enrollmentRequest('ABCD-EFGH-JKLM') })).statusCode,
          );
        expect(statuses).toEqual([404, 404, 429]);
      } finally {
        await strict.close();
      }
    });
  });
}
