import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { dailyClosing, type PeriodClosingPayload, type SalePayloadV1, type SealedRecord, type ZClosingPayload } from '@pos/core';
import { verifyArchiveSource } from '@pos/core/fiscal/archive/verify-archive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZip } from '../archive-verifier/zip-reader';
import { exportArchive } from '../fiscal/archive-export';
import { nodeFiscalCrypto } from '../fiscal/node-fiscal-crypto';
import { BUSINESS_DATE, cashDay, sessionSale } from '../test-support/cash-day';
import { feedTillRecordDirectly } from '../test-support/direct-feed';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { projectStoreClosings } from './closing-projector';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-closings-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Check = { till_id: string; seq: number; kind: string; status: string; differences: { figure: string }[]; missing: unknown[] };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`closing recomputation on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const checks = async () =>
      (
        await db().query<Check>(
          'SELECT till_id, seq, kind, status, differences, missing FROM closing_checks WHERE store_id = $1 ORDER BY till_id, seq',
          ['S1'],
        )
      ).map((c) => ({ ...c, seq: Number(c.seq) }));
    const statuses = async () => Object.fromEntries((await checks()).map((c) => [`${c.till_id}/${c.kind}`, c.status]));

    it('recomputes a Z and a daily closing pushed with their records: both match, and the chain report lists the closing chain', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const day = cashDay(till!.chains);
      await push(till!, day.records);
      expect(await db().query('SELECT code, problem FROM chain_breaks')).toEqual([]);
      expect(await statuses()).toEqual({ 'T1/z': 'match', 'T1/day': 'match' });
      const [z] = await checks();
      expect(z).toMatchObject({ differences: [], missing: [] });
      const chains = await headOffice(ctx().hub, await adminHeaders(db())).call('GET', '/api/v1/admin/stores/S1/chains');
      const t1 = (chains.body.tills as { chains: { chain: string; verifiedSeq: number }[] }[])[0]!;
      expect(t1.chains.find((c) => c.chain === 'closing')).toMatchObject({ verifiedSeq: 2 });
    });

    it('verifies the closing chain like the others: anchored by the next start, and a closing edited after sealing is a break, never recomputed', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const day = cashDay(till!.chains);
      const restart = till!.chains.start();
      expect(restart.payload).toMatchObject({ heads: { closing: { seq: 2, hash: day.day.hash } } });
      await push(till!, [...day.records, restart]);
      expect(await db().query("SELECT chain, seq, status FROM chain_anchors WHERE store_id = 'S1' AND chain = 'closing'")).toEqual([
        { chain: 'closing', seq: 2, status: 'reached' },
      ]);
      const z = till!.chains.seal('closing', 'z-again', { ...(day.z.payload as ZClosingPayload), zNumber: 2 });
      const edited = { ...z, payload: { ...z.payload, perpetualGrandTotal: 1 } } as SealedRecord;
      const next = till!.chains.seal(
        'closing',
        'day-2026-11-23',
        dailyClosing({ date: '2026-11-23', currency: 'EUR', sales: [], previous: day.day.payload as PeriodClosingPayload }),
      );
      await push(till!, [edited, next]);
      expect(await db().query("SELECT chain, seq, code FROM chain_breaks WHERE store_id = 'S1' ORDER BY seq, code")).toEqual([
        { chain: 'closing', seq: 3, code: 'hash' },
      ]);
      expect((await checks()).map((c) => [c.seq, c.kind])).toEqual([
        [1, 'z'],
        [2, 'day'],
        [4, 'day'],
      ]);
    });

    it('a Z whose sales arrive after it is pending (sales missing), then matches once they are verified', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const day = cashDay(till!.chains);
      await push(
        till!,
        day.records.filter((r) => r.chain !== 'sale'),
      );
      expect(await statuses()).toEqual({ 'T1/z': 'pending', 'T1/day': 'pending' });
      const [z, daily] = await checks();
      expect(z!.missing).toContainEqual(expect.objectContaining({ chain: 'sale', from: 1, to: null }));
      expect(daily!.missing).toContainEqual({ chain: 'sale', from: 1, to: 2, why: 'sales up to the last one closed' });
      await push(till!, day.sales);
      expect(await statuses()).toEqual({ 'T1/z': 'match', 'T1/day': 'match' });
    });

    it('a gap in the sale chain before the close keeps the Z and the day pending, naming the missing sale, until it arrives', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const day = cashDay(till!.chains);
      const chains = till!.chains;
      const nextDay = chains.seal('sale', 'next-day', {
        ...(saleWithLines(
          chains,
          'next-day',
          [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }],
          '2026-11-23T09:00:00.000Z',
        ) as SalePayloadV1),
        sessionId: 'cs-2',
      });
      await push(till!, [...day.records.filter((r) => r.id !== day.sales[1]!.id), nextDay]);
      expect(await statuses()).toEqual({ 'T1/z': 'pending', 'T1/day': 'pending' });
      const [z, daily] = await checks();
      expect(z!.missing).toEqual([{ chain: 'sale', from: 2, to: 2, why: 'sales that may have been sealed before the close' }]);
      expect(daily!.missing).toEqual([{ chain: 'sale', from: 2, to: 2, why: 'sales up to the last one closed' }]);
      await push(till!, [day.sales[1]!]);
      expect(await statuses()).toEqual({ 'T1/z': 'match', 'T1/day': 'match' });
    });

    it('a sale of the session sealed and pushed after its Z keeps its session and business date: both closings show the difference, and the routes say which figures', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const day = cashDay(till!.chains);
      await push(till!, day.records);
      expect(await statuses()).toEqual({ 'T1/z': 'match', 'T1/day': 'match' });
      const late = sessionSale(till!.chains, 'late-sale', 'cs-1', 1);
      expect(late.payload).toMatchObject({ sessionId: 'cs-1', businessDate: BUSINESS_DATE });
      await push(till!, [late]);
      expect(await statuses()).toEqual({ 'T1/z': 'difference', 'T1/day': 'difference' });

      const office = headOffice(ctx().hub, await adminHeaders(db()));
      const list = await office.call('GET', `/api/v1/admin/stores/S1/closings?from=${BUSINESS_DATE}&to=${BUSINESS_DATE}`);
      expect(list.status).toBe(200);
      const closings = list.body.closings as {
        kind: string;
        seq: number;
        status: string;
        differences: { figure: string; sealed: unknown; recomputed: unknown }[];
      }[];
      expect(closings.map((c) => [c.kind, c.seq, c.status])).toEqual([
        ['z', 1, 'difference'],
        ['day', 2, 'difference'],
      ]);
      const zDiff = closings[0]!.differences;
      expect(zDiff).toContainEqual({ figure: 'figures.totals.salesCount', sealed: 2, recomputed: 3 });
      expect(zDiff).toContainEqual({ figure: 'figures.totals.total.net', sealed: 300, recomputed: 400 });
      expect(zDiff).toContainEqual({ figure: 'perpetualGrandTotal', sealed: 300, recomputed: 400 });
      expect(closings[1]!.differences).toContainEqual({ figure: 'lastSaleSeq', sealed: 2, recomputed: 3 });
      // Another day: nothing.
      const none = await office.call('GET', '/api/v1/admin/stores/S1/closings?from=2026-11-23');
      expect(none.body.closings).toEqual([]);

      const one = await office.call('GET', '/api/v1/admin/stores/S1/closings/T1/1');
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({
        tillId: 'T1',
        seq: 1,
        kind: 'z',
        sessionId: 'cs-1',
        businessDate: BUSINESS_DATE,
        status: 'difference',
      });
      expect((one.body.record as SealedRecord).payload).toEqual(day.z.payload);
      expect(one.body.recomputed).toMatchObject({ type: 'closing.z', zNumber: 1, figures: { totals: { salesCount: 3 } } });
      expect((await office.call('GET', '/api/v1/admin/stores/S1/closings/T1/9')).status).toBe(404);
      expect((await office.call('GET', '/api/v1/admin/stores/S9/closings')).status).toBe(404);
      const anonymous = await ctx().hub.app.inject({ method: 'GET', url: '/api/v1/admin/stores/S1/closings' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('a malformed closing record in the feed is flagged unreadable and reported, and the closings after it are still checked', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      await ctx().hub.projectors!.closings.close();
      try {
        await feedTillRecordDirectly(db(), 'S1', 'T1', {
          id: 'z-broken',
          storeId: 'S1',
          tillId: 'T1',
          chain: 'closing',
          seq: 900,
          kind: 'closing.z',
          sealedAt: '2026-11-22T10:00:00.000Z',
          record: { chain: 'closing', seq: 900, payload: { type: 'closing.z', sessionId: ['not', 'an', 'id'], figures: 'none' } },
        });
        const day = cashDay(till!.chains);
        for (const reply of await client(ctx().hub, till!).pushRecords(day.records)) expect(reply).toEqual({ conflicts: [], errors: [] });
        await ctx().hub.projectors!.verifier.catchUp();
        const step = await projectStoreClosings(db(), 'S1');
        expect(step.skipped).toBe(0);
        const rows = await checks();
        expect(rows.map((c) => [c.seq, c.kind, c.status])).toEqual([
          [1, 'z', 'match'],
          [2, 'day', 'match'],
          [900, 'z', 'unreadable'],
        ]);
        const incidents = await db().query<{ kind: string; doc_id: string }>('SELECT kind, doc_id FROM incidents WHERE store_id = $1', [
          'S1',
        ]);
        expect(incidents).toEqual([{ kind: 'unreadable_closing', doc_id: 'z-broken' }]);
      } finally {
        await ctx().hub.projectors!.closings.start();
      }
    });

    it('a record the database refuses (a sealing time no calendar has) is skipped and reported alone; the records after it are applied', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      await ctx().hub.projectors!.closings.close();
      try {
        await feedTillRecordDirectly(db(), 'S1', 'T1', {
          id: 'day-impossible',
          storeId: 'S1',
          tillId: 'T1',
          chain: 'closing',
          seq: 901,
          kind: 'closing.day',
          sealedAt: '2026-13-45T10:00:00.000Z',
          record: {
            chain: 'closing',
            seq: 901,
            sealedAt: '2026-13-45T10:00:00.000Z',
            payload: { type: 'closing.day', period: '2026-11-22' },
          },
        });
        for (const reply of await client(ctx().hub, till!).pushRecords(cashDay(till!.chains).records)) {
          expect(reply).toEqual({ conflicts: [], errors: [] });
        }
        await ctx().hub.projectors!.verifier.catchUp();
        const first = await projectStoreClosings(db(), 'S1');
        expect(first).toMatchObject({ records: 1, skipped: 1 });
        const second = await projectStoreClosings(db(), 'S1');
        expect(second.skipped).toBe(0);
        expect(await statuses()).toEqual({ 'T1/z': 'match', 'T1/day': 'match' });
        const incidents = await db().query<{ kind: string; doc_id: string }>('SELECT kind, doc_id FROM incidents WHERE store_id = $1', [
          'S1',
        ]);
        expect(incidents).toEqual([{ kind: 'unprojectable_closing_record', doc_id: 'day-impossible' }]);
      } finally {
        await ctx().hub.projectors!.closings.start();
      }
    });

    it('the archive holds each till’s closing chain and verifies, closings’ totals checked against their records', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      await push(till!, cashDay(till!.chains).records);
      const file = path.join(dir, `${target.name}-closings.zip`);
      const out = createWriteStream(file);
      await exportArchive(db(), { storeId: 'S1', from: '2026-01-01', to: '2026-12-31', requestedBy: 'test' }, out);
      out.end();
      await finished(out);
      const zip = await openZip(file);
      try {
        expect(zip.names).toContain('records/T1/closing.jsonl');
        const report = await verifyArchiveSource(zip, { crypto: nodeFiscalCrypto });
        expect(report.problems).toEqual([]);
        expect(report.lines).toContain('closings: 2 closings checked against their records');
      } finally {
        await zip.close();
      }
    });
  });
}
