import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database';
import { feedSaleDirectly } from '../test-support/direct-feed';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';
import { projectStoreReports, projectStoresReports } from './reporting-projector';

async function rows(db: Queryable, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.query<Record<string, unknown>>(sql)).map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        typeof v === 'bigint' || typeof v === 'string' ? (/^\d+$/.test(String(v)) ? Number(v) : v) : v,
      ]),
    ),
  );
}

/** A sale of one prd-1 at 1.00 straight into the store's verified feed; `unreadable`: its quantity is not a number. */
async function feedSale(db: Database, storeId: string, saleId: string, unreadable = false): Promise<void> {
  const payload = saleWithLines({ storeId, tillId: 'T1' }, saleId, [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }]);
  const lines = unreadable ? [{ ...payload.lines[0], quantity: 'many' }] : payload.lines;
  await feedSaleDirectly(db, storeId, 'T1', { id: saleId, record: { payload: { ...payload, lines } } });
}

type Statement = (text: string) => void;

/** A Queryable whose statements `seen` hears first (it may throw, as a killed process would end them). */
function watched<Q extends Queryable>(q: Q, seen: Statement, inner?: (name: PropertyKey, target: Q) => unknown): Q {
  return new Proxy(q, {
    get(target, property) {
      if (property === 'query')
        return (query: Parameters<Queryable['query']>[0], params?: readonly unknown[]) => {
          seen(typeof query === 'string' ? query : query.text);
          return target.query(query, params);
        };
      const own = inner?.(property, target);
      if (own) return own;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The same database, `seen` hearing every statement, those of its transactions too. */
function watchedDatabase(db: Database, seen: Statement): Database {
  return watched(db, seen, (property, target) =>
    property === 'transaction'
      ? (work: (tx: Queryable) => Promise<unknown>, options?: Parameters<Database['transaction']>[1]) =>
          target.transaction((tx) => work(watched(tx, seen)), options)
      : undefined,
  );
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`reporting steps of several stores at once, on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const withProjectorStopped = async (run: () => Promise<void>) => {
      await ctx().hub.projectors!.reports.close();
      try {
        await run();
      } finally {
        await ctx().hub.projectors!.reports.start();
      }
    };
    const days = () => rows(db(), 'SELECT store_id, tickets, net_incl FROM report_day ORDER BY store_id');
    const checkpoints = () => rows(db(), 'SELECT store_id, seq FROM reporting_projection ORDER BY store_id');

    it('two stores in one step: one feed read and one statement each for both, each store’s facts, roll-ups and checkpoint', async () => {
      await enrolledTills(db(), 'S1', ['T1']);
      await enrolledTills(db(), 'S2', ['T1']);
      await withProjectorStopped(async () => {
        await feedSale(db(), 'S1', 'a1');
        await feedSale(db(), 'S1', 'a2');
        await feedSale(db(), 'S2', 'b1');
        // A store with nothing new steps with the others and moves nothing.
        await enrolledTills(db(), 'S3', ['T1']);
        const texts: string[] = [];
        const steps = await projectStoresReports(
          watchedDatabase(db(), (text) => texts.push(text)),
          ['S2', 'S3', 'S1'],
        );
        const count = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
        expect(Object.fromEntries(steps)).toEqual({
          S1: { records: 2, applied: 2, lastSeq: 2, skipped: 0 },
          S2: { records: 1, applied: 1, lastSeq: 1, skipped: 0 },
          S3: { records: 0, applied: 0, lastSeq: 0, skipped: 0 },
        });
        // The feed read once, the facts inserted once, the checkpoints moved once, for all the stores.
        expect(count(/chain_records r JOIN store_docs/)).toBe(1);
        expect(count(/INSERT INTO report_sales/)).toBe(1);
        expect(count(/INSERT INTO report_lines/)).toBe(1);
        expect(count(/UPDATE reporting_projection/)).toBe(1);
        expect(await projectStoresReports(db(), ['S1', 'S2'])).toEqual(
          new Map([
            ['S1', { records: 0, applied: 0, lastSeq: 2, skipped: 0 }],
            ['S2', { records: 0, applied: 0, lastSeq: 1, skipped: 0 }],
          ]),
        );
      });
      expect(await days()).toEqual([
        { store_id: 'S1', tickets: 2, net_incl: 200 },
        { store_id: 'S2', tickets: 1, net_incl: 100 },
      ]);
      expect(await checkpoints()).toEqual(
        expect.arrayContaining([
          { store_id: 'S1', seq: 2 },
          { store_id: 'S2', seq: 1 },
        ]),
      );
    });

    it('a step killed before its commit leaves nothing, the next one counts each sale once; a step run again over committed sales adds nothing', async () => {
      await enrolledTills(db(), 'S1', ['T1']);
      await enrolledTills(db(), 'S2', ['T1']);
      await withProjectorStopped(async () => {
        await feedSale(db(), 'S1', 'a1');
        await feedSale(db(), 'S2', 'b1');
        const killed = watchedDatabase(db(), (text) => {
          if (text.startsWith('UPDATE reporting_projection')) throw new Error('the process was killed');
        });
        await expect(projectStoresReports(killed, ['S1', 'S2'])).rejects.toThrow('the process was killed');
        expect(await rows(db(), 'SELECT sale_id FROM report_sales')).toEqual([]);
        expect(await rows(db(), 'SELECT seq FROM reporting_projection WHERE seq > 0')).toEqual([]);
        const steps = await projectStoresReports(db(), ['S1', 'S2']);
        expect([...steps.values()].map((s) => s.applied)).toEqual([1, 1]);
        // As if the checkpoints' move had been lost while the facts were kept: the facts' keys guard the roll-ups.
        await db().query('UPDATE reporting_projection SET seq = 0');
        const again = await projectStoresReports(db(), ['S2', 'S1']);
        expect([...again.values()].map((s) => [s.records, s.applied])).toEqual([
          [1, 0],
          [1, 0],
        ]);
      });
      expect(await days()).toEqual([
        { store_id: 'S1', tickets: 1, net_incl: 100 },
        { store_id: 'S2', tickets: 1, net_incl: 100 },
      ]);
    });

    it('a sale one store’s step cannot read is skipped alone: the other store of the step is counted, and the store goes on after it', async () => {
      await enrolledTills(db(), 'S1', ['T1']);
      await enrolledTills(db(), 'S2', ['T1']);
      await withProjectorStopped(async () => {
        await feedSale(db(), 'S1', 'bad', true);
        await feedSale(db(), 'S1', 'a2');
        await feedSale(db(), 'S2', 'b1');
        const steps = await projectStoresReports(db(), ['S1', 'S2']);
        expect(steps.get('S1')).toMatchObject({ records: 1, applied: 0, skipped: 1 });
        expect(steps.get('S2')).toMatchObject({ records: 1, applied: 1, skipped: 0 });
        expect(await projectStoreReports(db(), 'S1')).toMatchObject({ records: 1, applied: 1, skipped: 0 });
      });
      expect(await days()).toEqual([
        { store_id: 'S1', tickets: 1, net_incl: 100 },
        { store_id: 'S2', tickets: 1, net_incl: 100 },
      ]);
      const incidents = await rows(db(), `SELECT store_id, kind, doc_id FROM incidents`);
      expect(incidents).toEqual([{ store_id: 'S1', kind: 'unprojectable_report_sale', doc_id: 'bad' }]);
    });

    it('two instances stepping the same stores in another order at once count each sale once, without a deadlock', async () => {
      const stores = ['S1', 'S2', 'S3', 'S4'];
      for (const store of stores) await enrolledTills(db(), store, ['T1']);
      await withProjectorStopped(async () => {
        for (const store of stores) for (let i = 0; i < 3; i++) await feedSale(db(), store, `${store}-${i}`);
        const [one, two] = await Promise.all([projectStoresReports(db(), stores), projectStoresReports(db(), [...stores].reverse())]);
        const applied = stores.map((s) => (one.get(s)?.applied ?? 0) + (two.get(s)?.applied ?? 0));
        expect(applied).toEqual([3, 3, 3, 3]);
      });
      expect((await days()).map((d) => d.tickets)).toEqual([3, 3, 3, 3]);
    });
  });
}
