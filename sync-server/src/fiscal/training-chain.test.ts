import type { SealedRecord, TrainingPayload } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

/**
 * Training mode's sales reach the hub on the training chain (with the till's other records): the
 * chain verifier verifies them like any chain, and no projection ever counts them.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the training chain at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };

    it('verifies a pushed training record, never projects it into stock or sales, and leaves the sale chain alone', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const start = t.start();
      const sale = t.sale('s1', [{ lineId: 'l1', productId: 'prd-1', quantity: 2 }]);
      const on = t.event('training-on', { type: 'training.start', staffId: 'staff-camille', approvedBy: 'staff-sophie' });
      const fictitious = t.seal(
        'training',
        'train-1',
        saleWithLines(till!, 'train-1', [{ lineId: 'l1', productId: 'prd-1', quantity: 5 }], undefined, {
          training: true,
        }) as TrainingPayload,
      );
      const off = t.event('training-off', { type: 'training.stop', staffId: 'staff-sophie', approvedBy: 'staff-sophie' });
      await push(till!, [start, sale, on, fictitious, off]);

      expect(await db().query('SELECT chain, code FROM chain_breaks')).toEqual([]);
      const heads = await db().query<{ chain: string; seq: number }>('SELECT chain, seq FROM chain_heads ORDER BY chain');
      expect(heads.map((h) => [h.chain, Number(h.seq)])).toEqual([
        ['event', 3],
        ['sale', 1],
        ['training', 1],
      ]);
      const [placed] = await db().query<{ status: string; collection: string }>(
        `SELECT status, collection FROM chain_records WHERE doc_id = 'train-1'`,
      );
      expect(placed).toEqual({ status: 'verified', collection: 'till_records' });
      // Stock: only the real sale's two units.
      const movements = await db().query<{ source_id: string; quantity_delta: number }>(
        `SELECT source_id, quantity_delta FROM stock_movements WHERE store_id = 'S1'`,
      );
      expect(movements.map((m) => [m.source_id, Number(m.quantity_delta)])).toEqual([['s1', -2]]);
      // Never a document of the sales collection, which every head-office figure reads.
      const sales = await db().query<{ id: string }>(`SELECT id FROM store_docs WHERE store_id = 'S1' AND collection = 'sales'`);
      expect(sales.map((s) => s.id)).toEqual(['s1']);
    });

    it('breaks on a training record that is not a training sale (its schema requires training: true)', async () => {
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const unmarked = till!.chains.seal(
        'training',
        'train-x',
        saleWithLines(till!, 'train-x', [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }]) as TrainingPayload,
      );
      await push(till!, [unmarked]);
      const breaks = await db().query<{ chain: string; code: string }>('SELECT chain, code FROM chain_breaks');
      expect(breaks).toEqual([{ chain: 'training', code: 'schema' }]);
    });
  });
}
