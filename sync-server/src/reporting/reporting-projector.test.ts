import type { SealedRecord, TrainingPayload } from '@pos/core';
import { STORE_SETTINGS_DOC_ID } from '@pos/core/sync/store-settings';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { feedSaleDirectly } from '../test-support/direct-feed';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { dashboard, dashboardComparison } from './dashboard-queries';
import { projectStoreReports } from './reporting-projector';

const DAY = { stores: ['S1'], from: '2026-11-22', to: '2026-11-22' };

async function rows(db: Database, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.query<Record<string, unknown>>(sql)).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  );
}

/** The store's settings as head office saves them: only what the reports read. */
async function storeSettings(db: Database, storeId: string, doc: Record<string, unknown>): Promise<void> {
  await db.query(
    `WITH c AS (INSERT INTO store_counters AS c (store_id, seq) VALUES ($1, 1) ON CONFLICT (store_id) DO UPDATE SET seq = c.seq + 1 RETURNING c.seq)
     INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted) SELECT $1, 'store_settings', $2, c.seq, $3::jsonb, false FROM c`,
    [storeId, STORE_SETTINGS_DOC_ID, JSON.stringify(doc)],
  );
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`reporting projection on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const withProjectorStopped = async (run: () => Promise<void>) => {
      await ctx().hub.projectors!.reports.close();
      try {
        await run();
      } finally {
        await ctx().hub.projectors!.reports.start();
      }
    };

    it('a day of sales and a return: facts and roll-ups, returns negative, the training sale never counted; the facts give the same answers', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const s1 = t.sale('s1', [{ lineId: 'l1', productId: 'prd-1', quantity: 2 }]);
      const s2 = t.sale('s2', [
        { lineId: 'l1', productId: 'prd-1', quantity: 1 },
        { lineId: 'l2', productId: 'prd-2', quantity: 1 },
      ]);
      const r1 = t.sale('r1', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }], {
        returnOf: { saleId: 's1', receipt: 'R-1', lines: [{ lineId: 'l1', quantity: 1 }] },
      });
      const training = t.seal(
        'training',
        'train-1',
        saleWithLines(till!, 'train-1', [{ lineId: 'l1', productId: 'prd-1', quantity: 5 }], undefined, {
          training: true,
        }) as TrainingPayload,
      );
      await push(till!, [t.start(), s1, s2, r1, training]);
      expect(await db().query('SELECT code FROM chain_breaks')).toEqual([]);

      expect(await rows(db(), 'SELECT sale_id, kind, total_incl, items, tenders FROM report_sales ORDER BY sale_id')).toEqual([
        { sale_id: 'r1', kind: 'return', total_incl: -100, items: -1, tenders: { cash: -100 } },
        { sale_id: 's1', kind: 'sale', total_incl: 200, items: 2, tenders: { cash: 200 } },
        { sale_id: 's2', kind: 'sale', total_incl: 200, items: 2, tenders: { cash: 200 } },
      ]);
      expect(await rows(db(), 'SELECT count(*)::int AS n FROM report_lines')).toEqual([{ n: 4 }]);
      expect(await rows(db(), 'SELECT store_id, business_date, tickets, returns, net_incl, returns_incl, items FROM report_day')).toEqual([
        { store_id: 'S1', business_date: '2026-11-22', tickets: 2, returns: 1, net_incl: 300, returns_incl: 100, items: 3 },
      ]);
      expect(
        await rows(db(), 'SELECT product_id, tickets, returns, quantity, net_incl FROM report_day_product ORDER BY product_id'),
      ).toEqual([
        { product_id: 'prd-1', tickets: 2, returns: 1, quantity: 2, net_incl: 200 },
        { product_id: 'prd-2', tickets: 1, returns: 0, quantity: 1, net_incl: 100 },
      ]);

      const board = await dashboard(db(), DAY);
      expect(board.totals).toMatchObject({
        tickets: 2,
        returns: 1,
        netIncl: 300,
        returnsIncl: 100,
        averageBasket: 150,
        itemsPerTicket: 1.5,
      });
      expect(board.by.tender).toEqual([expect.objectContaining({ key: 'cash', tickets: 2, returns: 1, netIncl: 300 })]);
      expect(board.by.vat).toEqual([expect.objectContaining({ key: '550', netIncl: 300, netExcl: 285 })]);
      expect(board.by.cashier.map((c) => c.key)).toEqual(['staff-camille']);
      expect(board.topProducts.map((p) => p.key)).toEqual(['prd-1', 'prd-2']);
      expect(board.bottomProducts.map((p) => p.key)).toEqual(['prd-2', 'prd-1']);
      expect(await dashboard(db(), DAY, 'facts')).toEqual(board);
      const compared = await dashboardComparison(db(), DAY);
      expect(compared.previous).toMatchObject({ from: '2026-11-21', to: '2026-11-21', tickets: 0 });
      expect(compared.lastYear).toMatchObject({ from: '2025-11-22', tickets: 0 });
    });

    it('a sale pushed twice, or a step run again over the same records, counts once', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const records = [t.start(), t.sale('s1', [{ lineId: 'l1', productId: 'prd-1', quantity: 3 }])];
      await push(till!, records);
      await push(till!, records);
      const before = await rows(db(), 'SELECT tickets, net_incl, items FROM report_day');
      expect(before).toEqual([{ tickets: 1, net_incl: 300, items: 3 }]);
      await withProjectorStopped(async () => {
        await db().query('UPDATE reporting_projection SET seq = 0');
        const again = await projectStoreReports(db(), 'S1');
        expect(again).toMatchObject({ records: 1, applied: 0, skipped: 0 });
      });
      expect(await rows(db(), 'SELECT tickets, net_incl, items FROM report_day')).toEqual(before);
      expect(await rows(db(), 'SELECT tickets, net_incl FROM report_day_hour')).toEqual([{ tickets: 1, net_incl: 300 }]);
    });

    it('a sale it cannot read is reported and skipped, the ones after it counted; a training sale fed as a sale is not counted', async () => {
      await enrolledTills(db(), 'S1', ['T1']);
      await withProjectorStopped(async () => {
        const good = saleWithLines({ storeId: 'S1', tillId: 'T1' }, 'good', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }]);
        const bad = { ...good, saleId: 'bad', lines: [{ ...good.lines[0], quantity: 'many' }] };
        const fake = saleWithLines(
          { storeId: 'S1', tillId: 'T1' },
          'fake',
          [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }],
          undefined,
          {
            training: true,
          },
        );
        await feedSaleDirectly(db(), 'S1', 'T1', { id: 'bad', record: { payload: bad } });
        await feedSaleDirectly(db(), 'S1', 'T1', { id: 'fake', record: { payload: fake } });
        await feedSaleDirectly(db(), 'S1', 'T1', { id: 'good', record: { payload: good } });
        expect(await projectStoreReports(db(), 'S1')).toMatchObject({ records: 1, skipped: 1 });
        expect(await projectStoreReports(db(), 'S1')).toMatchObject({ records: 2, applied: 1, skipped: 0 });
      });
      expect(await rows(db(), 'SELECT sale_id FROM report_sales')).toEqual([{ sale_id: 'good' }]);
      expect(await rows(db(), 'SELECT tickets, net_incl FROM report_day')).toEqual([{ tickets: 1, net_incl: 100 }]);
      const incidents = await rows(db(), `SELECT kind, doc_id, details ->> 'message' AS message FROM incidents`);
      expect(incidents).toEqual([{ kind: 'unprojectable_report_sale', doc_id: 'bad', message: expect.stringContaining('quantity') }]);
    });

    it('a version 0 sale at 01:30 in Paris belongs to the day before when the store’s business day starts at 04:00', async () => {
      await enrolledTills(db(), 'S1', ['T1']);
      await storeSettings(db(), 'S1', { timeZone: 'Europe/Paris', dayStartHour: 4 });
      await withProjectorStopped(async () => {
        const {
          v: _v,
          kind: _k,
          businessDate: _b,
          ...v0
        } = saleWithLines(
          { storeId: 'S1', tillId: 'T1' },
          'night',
          [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }],
          '2026-11-22T00:30:00.000Z',
        ) as unknown as Record<string, unknown>;
        await feedSaleDirectly(db(), 'S1', 'T1', { id: 'night', record: { payload: v0 } });
        expect(await projectStoreReports(db(), 'S1')).toMatchObject({ applied: 1 });
      });
      expect(await rows(db(), 'SELECT business_date, local_hour, weekday FROM report_sales')).toEqual([
        { business_date: '2026-11-21', local_hour: 1, weekday: 6 },
      ]);
      expect(await rows(db(), 'SELECT business_date, hour FROM report_day_hour')).toEqual([{ business_date: '2026-11-21', hour: 1 }]);
    });
  });
}
