import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database';
import { storeJet } from '../fiscal/jet-events';
import { cashDay } from '../test-support/cash-day';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';

type Entry = { tillId: string; seq: number; type: string; code: number | null; staffId: string | null; details: Record<string, unknown> };

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the JET viewer’s route on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    it('lists a till’s technical events newest first with their JET codes, filtered, paged and exported', async () => {
      const { db, hub } = ctx();
      const [till] = await enrolledTills(db, 'S1', ['T1']);
      const day = cashDay(till!.chains);
      for (const reply of await client(hub, till!).pushRecords(day.records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await hub.catchUp();
      const office = headOffice(hub, await adminHeaders(db));
      const all = await office.call('GET', '/api/v1/admin/stores/S1/jet');
      expect(all.status).toBe(200);
      const events = all.body.events as Entry[];
      expect(events.map((e) => [e.type, e.code])).toEqual([
        ['cash.session.close', null],
        ['sale.void', 190],
        ['cash.movement', null],
        ['cash.session.open', null],
        ['till.start', 80],
      ]);
      expect(events[1]).toMatchObject({ tillId: 'T1', staffId: 'staff-camille', details: { total: 250, currency: 'EUR' } });
      expect(events[1]!.details).not.toHaveProperty('type');
      expect(all.body.next).toBeNull();

      const voids = await office.call('GET', '/api/v1/admin/stores/S1/jet?code=190');
      expect((voids.body.events as Entry[]).map((e) => e.type)).toEqual(['sale.void']);
      const moves = await office.call('GET', '/api/v1/admin/stores/S1/jet?type=cash.movement&from=2020-01-01&to=2099-12-31');
      expect((moves.body.events as Entry[]).map((e) => e.type)).toEqual(['cash.movement']);
      expect((await office.call('GET', '/api/v1/admin/stores/S1/jet?tillId=T9')).body.events).toEqual([]);
      expect((await office.call('GET', '/api/v1/admin/stores/S1/jet?to=2000-01-01')).body.events).toEqual([]);

      const first = await office.call('GET', '/api/v1/admin/stores/S1/jet?limit=3');
      expect((first.body.events as Entry[]).length).toBe(3);
      const second = await office.call('GET', `/api/v1/admin/stores/S1/jet?limit=3&cursor=${first.body.next as string}`);
      expect((second.body.events as Entry[]).map((e) => e.type)).toEqual(['cash.session.open', 'till.start']);
      expect(second.body.next).toBeNull();

      const csv = await hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/jet?format=csv&lang=en&code=190',
        headers: await adminHeaders(db),
      });
      expect(csv.headers['x-total-rows']).toBeUndefined();
      const lines = csv.body.split('\r\n');
      expect(lines[0]).toBe('\uFEFFJET code,Event,Type,Sealed at (UTC),Till,Journal,Sequence,Person,Details,Chain');
      expect(lines[1]).toMatch(
        /^190,Ticket voided before payment,sale\.void,[^,]+,T1,\d+,\d+,staff-camille,"\{.*""saleId"":""cs-1-voided"".*\}",Verified$/,
      );
      expect(lines).toHaveLength(3);
    });

    it('refuses a bad cursor, dates the wrong way round and an unknown store with their codes', async () => {
      const { db, hub } = ctx();
      await enrolledTills(db, 'S1', ['T1']);
      const office = headOffice(hub, await adminHeaders(db));
      expect(await office.call('GET', '/api/v1/admin/stores/S1/jet?cursor=bm90LWEta2V5')).toMatchObject({
        status: 400,
        body: { error: 'invalid_cursor' },
      });
      expect(await office.call('GET', '/api/v1/admin/stores/S1/jet?from=2026-02-01&to=2026-01-01')).toMatchObject({
        status: 400,
        body: { error: 'invalid_jet_range' },
      });
      expect(await office.call('GET', '/api/v1/admin/stores/S9/jet?format=xlsx')).toMatchObject({
        status: 404,
        body: { error: 'not_found' },
      });
      expect((await office.call('GET', '/api/v1/admin/stores/S1/jet?code=0')).status).toBe(400);
    });

    it('refuses a date off the calendar or outside 1970–9999 with invalid_jet_range, never a failure', async () => {
      const { db, hub } = ctx();
      await enrolledTills(db, 'S1', []);
      const office = headOffice(hub, await adminHeaders(db));
      for (const query of ['from=2026-13-45', 'to=2026-02-30', 'from=0000-00-00&to=0000-00-00', 'to=1969-12-31&format=csv']) {
        const refused = await office.call('GET', `/api/v1/admin/stores/S1/jet?${query}`);
        expect([query, refused.status, refused.body.error]).toEqual([query, 400, 'invalid_jet_range']);
      }
    });

    it('walks chain_records_jet_idx for a page, the dates and the cursor bounding the walk, with each event record’s sealedAt kept', async () => {
      const { db, hub } = ctx();
      const [till] = await enrolledTills(db, 'S1', ['T1']);
      for (const reply of await client(hub, till!).pushRecords(cashDay(till!.chains).records))
        expect(reply).toEqual({ conflicts: [], errors: [] });
      await hub.catchUp();
      const kept = await db.query<{ chain: string; same: boolean }>(
        `SELECT r.chain, r.sealed_at IS NOT DISTINCT FROM (CASE WHEN r.chain = 'event' THEN d.doc #>> '{record,sealedAt}' END) AS same
           FROM chain_records r JOIN store_docs d ON d.store_id = r.store_id AND d.collection = r.collection AND d.id = r.doc_id`,
      );
      expect(kept.filter((r) => r.chain === 'event')).toHaveLength(5);
      expect(kept.every((r) => r.same)).toBe(true);
      // The route's own query, as it reads a second page within dates, explained with sequential scans priced out (a test store is tiny).
      const queries: { text: string; params: readonly unknown[] }[] = [];
      const recording: Queryable = {
        query: (text, params) => {
          if (typeof text === 'string') queries.push({ text, params: params ?? [] });
          return db.query(text, params);
        },
      };
      const first = await storeJet(recording, 'S1', { from: '2020-01-01', to: '2099-12-31' }, { limit: 2 });
      await storeJet(recording, 'S1', { from: '2020-01-01', to: '2099-12-31' }, { limit: 2, cursor: first.next! });
      const page = queries.filter((q) => q.text.includes('FROM chain_records')).at(-1)!;
      const plan = await db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        await tx.query('SET LOCAL enable_bitmapscan = off');
        return (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.text}`, page.params)).map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('Index Scan Backward using chain_records_jet_idx on chain_records r');
      expect(plan).toMatch(
        /Index Cond: \(\(store_id = 'S1'::text\) AND \(sealed_at >= .*\(sealed_at < .*\(ROW\(sealed_at, till_id, epoch, seq\) < ROW/,
      );
      expect(plan).not.toMatch(/Sort/);
    });
  });
}
