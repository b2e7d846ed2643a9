import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { loyaltyProgramVersion } from '../loyalty/loyalty-program-writes';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { loyaltyProgramBody } from '../test-support/loyalty-programs';
import { signedInAs } from '../test-support/office-users';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, syncHeaders, useTestHub } from '../test-support/test-hub';

const PROGRAMS = '/api/v1/admin/loyalty/programs';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`loyalty programs on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const admin = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));

    it('saves version 1 then the next, keeps every version for the verifier, and tills pull the live program', async () => {
      const ho = await admin();
      expect(await ho.call('PUT', `${PROGRAMS}/fidelite`, loyaltyProgramBody())).toMatchObject({
        status: 201,
        body: { program: { id: 'fidelite', version: 1, earn: { per: 100 } }, deleted: false },
      });
      const earn = { kind: 'spend', points: 1, per: 200, tax: 'exclusive' };
      const second = await ho.call('PUT', `${PROGRAMS}/fidelite`, loyaltyProgramBody({ earn, expectedVersion: 1 }));
      expect(second).toMatchObject({ status: 200, body: { program: { version: 2, earn: { per: 200 } } } });
      expect(second.body.program).not.toHaveProperty('expectedVersion');
      expect(await ho.call('PUT', `${PROGRAMS}/fidelite`, loyaltyProgramBody({ expectedVersion: 1 }))).toMatchObject({
        status: 409,
        body: { error: 'version_conflict', currentVersion: 2 },
      });
      expect((await loyaltyProgramVersion(ctx().db, 'fidelite', 1))?.earn).toMatchObject({ per: 100 });
      expect((await loyaltyProgramVersion(ctx().db, 'fidelite', 2))?.earn).toMatchObject({ per: 200 });
      expect(await loyaltyProgramVersion(ctx().db, 'fidelite', 3)).toBeNull();
      expect((await ho.call('GET', `${PROGRAMS}/fidelite`)).body).toMatchObject({ program: { version: 2 }, deleted: false });
      expect((await ho.call('GET', PROGRAMS)).body).toMatchObject({ programs: [{ program: { id: 'fidelite', version: 2 } }] });

      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const pulled = await ctx().hub.app.inject({
        url: '/sync/v1/loyalty_programs/pull',
        headers: syncHeaders(till!.token, 'loyalty_programs'),
      });
      expect(pulled.statusCode).toBe(200);
      expect(pulled.json().documents).toEqual([expect.objectContaining({ id: 'fidelite', version: 2, _deleted: false })]);
    });

    it('refuses a program core refuses (coded problems), a second live program, and ends one with a tombstone', async () => {
      const ho = await admin();
      const tiers = [
        { id: 'a', name: 'A', threshold: 100, benefits: {} },
        { id: 'a', name: 'B', threshold: 50, benefits: {} },
      ];
      const refused = await ho.call('PUT', `${PROGRAMS}/bad`, loyaltyProgramBody({ tiers }));
      expect(refused).toMatchObject({ status: 422, body: { error: 'invalid_loyalty_program' } });
      expect((refused.body.problems as { code: string }[]).map((p) => p.code).sort()).toEqual(['duplicate_tier', 'tier_order']);
      expect((await ho.call('PUT', `${PROGRAMS}/bad`, loyaltyProgramBody({ surprise: 1 }))).body).toMatchObject({
        error: 'invalid_loyalty_program',
        problems: [expect.objectContaining({ code: 'shape' })],
      });
      expect((await ho.call('PUT', `${PROGRAMS}/first`, loyaltyProgramBody())).status).toBe(201);
      expect(await ho.call('PUT', `${PROGRAMS}/second`, loyaltyProgramBody())).toMatchObject({
        status: 409,
        body: { error: 'loyalty_program_exists', programId: 'first' },
      });
      expect((await ho.call('DELETE', `${PROGRAMS}/first`)).body).toMatchObject({ deleted: true, program: { version: 1 } });
      expect((await ho.call('PUT', `${PROGRAMS}/second`, loyaltyProgramBody())).status).toBe(201);
    });

    it('audits each change with the state before; managers and accountants are refused', async () => {
      await createStore(ctx().db, { storeId: 'S1', name: 'S1' });
      const boss = await signedInAs(ctx().hub, ctx().db, 'admin');
      expect((await boss.call('PUT', `${PROGRAMS}/p`, loyaltyProgramBody())).status).toBe(201);
      expect((await boss.call('PUT', `${PROGRAMS}/p`, loyaltyProgramBody({ name: 'Deux' }))).status).toBe(200);
      const rows = await ctx().db.query<{ action: string; before: { version?: number } | null }>(
        `SELECT action, before FROM audit_log WHERE target LIKE '/api/v1/admin/loyalty/programs/%' ORDER BY id`,
      );
      expect(rows.map((r) => [r.action, r.before?.version ?? null])).toEqual([
        ['PUT /api/v1/admin/loyalty/programs/:programId', null],
        ['PUT /api/v1/admin/loyalty/programs/:programId', 1],
      ]);
      const manager = await signedInAs(ctx().hub, ctx().db, 'store-manager');
      expect(await manager.call('GET', PROGRAMS)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(await manager.call('PUT', `${PROGRAMS}/p`, loyaltyProgramBody())).toMatchObject({ status: 403 });
    });
  });
}
