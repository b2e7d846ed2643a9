import type { SaleLine } from '@pos/core';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { feedSaleDirectly } from '../test-support/direct-feed';
import { adminHeaders, headOffice, sealedSaleDoc } from '../test-support/head-office';
import { TestChains, saleDocOf } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';
import { newTillKey } from '../test-support/till-keys';

async function levels(db: Database, storeId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ product_id: string; level: number }>(
    'SELECT product_id, level FROM stock_levels WHERE store_id = $1 ORDER BY product_id',
    [storeId],
  );
  return Object.fromEntries(rows.map((r) => [r.product_id, Number(r.level)]));
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`stock projector faced with sales it cannot apply, on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const incidents = (kind: string) =>
      ctx().db.query<{ doc_id: string; till_id: string; details: Record<string, unknown> }>(
        'SELECT doc_id, till_id, details FROM incidents WHERE kind = $1 ORDER BY doc_id',
        [kind],
      );

    it('a sale in the feed with huge quantities (past the push checks and the verifier) is flagged, and the store’s later sales are projected', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      // 1,100 lines of 2^53 − 1: their sum leaves int8 ("bigint out of range"); PGlite reads even one such level as a BigInt.
      const base = saleDocOf(new TestChains('S1', 'T1', newTillKey()).sale('sale-huge'));
      const line = base.record.payload.lines[0]!;
      const lines: SaleLine[] = Array.from({ length: 1100 }, (_, i) => ({ ...line, lineId: `l${i}`, quantity: Number.MAX_SAFE_INTEGER }));
      await feedSaleDirectly(ctx().db, 'S1', 'T1', { ...base, record: { ...base.record, payload: { ...base.record.payload, lines } } });
      await ctx().hub.catchUp();
      await client(ctx().hub, till!).push('sales', [
        { newDocumentState: sealedSaleDoc(till!, 'sale-after', [{ lineId: 'l1', productId: 'prd-1', quantity: 2 }]) },
      ]);
      await ctx().hub.catchUp();
      expect(await levels(ctx().db, 'S1')).toEqual({ 'prd-1': -2 });
      const flagged = await incidents('unreadable_sale_line');
      expect(flagged).toHaveLength(1100);
      expect(flagged[0]).toMatchObject({
        doc_id: 'sale-huge',
        details: { message: expect.stringMatching(/quantity 9007199254740991 is beyond the 9999 a line may hold/) },
      });
    });

    it('a sale that still cannot be applied is skipped and reported with its exact lines; the sales before and after it are projected', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const c = client(ctx().hub, till!);
      await c.push('sales', [{ newDocumentState: sealedSaleDoc(till!, 'sale-1', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]) }]);
      await ctx().hub.catchUp();
      // A level at the edge of what tills can read exactly (head office's count, say): one more unit sold leaves the range.
      await ctx().db.query("INSERT INTO stock_levels (store_id, product_id, level) VALUES ('S1', 'prd-1', -9007199254740991)");
      const stuck = sealedSaleDoc(till!, 'sale-2', [
        { lineId: 'l1', productId: 'prd-2', quantity: 1 },
        { lineId: 'l2', productId: 'prd-1', quantity: 1 },
      ]);
      const sale1b = sealedSaleDoc(till!, 'sale-1b', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]);
      const sale3 = sealedSaleDoc(till!, 'sale-3', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]);
      await c.push('sales', [{ newDocumentState: sale1b }, { newDocumentState: stuck }, { newDocumentState: sale3 }]);
      await ctx().hub.catchUp();
      await c.push('sales', [{ newDocumentState: sealedSaleDoc(till!, 'sale-4', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]) }]);
      await ctx().hub.catchUp();
      // sale-2 moved nothing, not even its prd-2 line; every other sale did.
      expect(await levels(ctx().db, 'S1')).toEqual({ 'prd-1': -9007199254740991, 'prd-2': -4 });
      const seqOf = async (id: string) =>
        (await ctx().db.query<{ seq: number }>("SELECT seq FROM store_docs WHERE collection = 'sales' AND id = $1", [id]))[0]!.seq;
      const [skipped, ...more] = await incidents('unprojectable_sale');
      expect(more).toEqual([]);
      expect(skipped).toEqual({
        doc_id: 'sale-2',
        till_id: 'T1',
        details: {
          seq: await seqOf('sale-2'),
          message: expect.stringMatching(/could not be projected.*skipped/),
          lines: stuck.record.payload.lines,
        },
      });
      // The checkpoint is the verified feed's: five sales, all verified.
      const [checkpoint] = await ctx().db.query<{ seq: number }>("SELECT seq FROM stock_projection WHERE store_id = 'S1'");
      expect(checkpoint!.seq).toBe(5);
      // Reported once, however often the projector runs.
      await ctx().hub.catchUp();
      expect(await incidents('unprojectable_sale')).toHaveLength(1);
    });

    it('head office’s movements cannot take a level out of the range tills read exactly: 422, nothing recorded', async () => {
      await enrolledTills(ctx().db, 'S1', []);
      const ho = headOffice(ctx().hub, await adminHeaders(ctx().db));
      await ho.putProduct('prd-1');
      const big = (movementId: string) => ({ movementId, productId: 'prd-1', kind: 'receipt', quantity: Number.MAX_SAFE_INTEGER });
      expect(await ho.movements('S1', [big('a')])).toMatchObject({ status: 200, body: { recorded: 1 } });
      const refused = await ho.movements('S1', [big('b'), big('c')]);
      expect(refused).toMatchObject({ status: 422, body: { error: 'invalid_movements' } });
      expect(await levels(ctx().db, 'S1')).toEqual({ 'prd-1': Number.MAX_SAFE_INTEGER });
    });
  });
}
