import type { SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { cashDay } from '../test-support/cash-day';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { projectStoresClosings } from './closing-projector';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`closing steps of several stores at once, on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };

    it('two stores’ days in one step: each store’s Z and daily closing recomputed from its own records, both match', async () => {
      const [one] = await enrolledTills(db(), 'S1', ['T1']);
      const [two] = await enrolledTills(db(), 'S2', ['T1']);
      await ctx().hub.projectors!.closings.close();
      try {
        await push(one!, cashDay(one!.chains).records);
        await push(two!, cashDay(two!.chains).records);
        const steps = await projectStoresClosings(db(), ['S2', 'S1']);
        expect(steps.get('S1')).toMatchObject({ recomputed: 2, skipped: 0 });
        expect(steps.get('S2')).toMatchObject({ recomputed: 2, skipped: 0 });
        expect([...(await projectStoresClosings(db(), ['S1', 'S2'])).values()].map((s) => s.records)).toEqual([0, 0]);
      } finally {
        await ctx().hub.projectors!.closings.start();
      }
      const checks = await db().query<{ store_id: string; kind: string; status: string }>(
        'SELECT store_id, kind, status FROM closing_checks ORDER BY store_id, seq',
      );
      expect(checks).toEqual([
        { store_id: 'S1', kind: 'z', status: 'match' },
        { store_id: 'S1', kind: 'day', status: 'match' },
        { store_id: 'S2', kind: 'z', status: 'match' },
        { store_id: 'S2', kind: 'day', status: 'match' },
      ]);
    });
  });
}
