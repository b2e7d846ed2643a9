import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { adminHeaders, headOffice, sealedSaleDoc } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

/** Writes a sale straight into store_docs with the store's next sequence, as no push would let it in. */
async function storeSaleDirectly(db: Database, device: Device, doc: ReturnType<typeof sealedSaleDoc>): Promise<number> {
  const { id, _deleted, ...content } = doc;
  const [row] = await db.query<{ seq: number }>(
    `WITH c AS (
       INSERT INTO store_counters AS c (store_id, seq) VALUES ($1, 1) ON CONFLICT (store_id) DO UPDATE SET seq = c.seq + 1 RETURNING c.seq
     )
     INSERT INTO store_docs (store_id, collection, id, seq, doc, deleted, till_id)
     SELECT $1, 'sales', $2, c.seq, $3::jsonb, false, $4 FROM c RETURNING seq`,
    [device.storeId, id, JSON.stringify(content), device.tillId],
  );
  return row!.seq;
}

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

    it('a stored sale with huge quantities (past the push checks) is flagged, and the store’s later sales are projected', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      // 1,100 lines of 2^53 − 1: their sum leaves int8 ("bigint out of range"); PGlite reads even one such level as a BigInt.
      const huge = sealedSaleDoc(
        till!,
        'sale-huge',
        Array.from({ length: 1100 }, (_, i) => ({ lineId: `l${i}`, productId: 'prd-1', quantity: Number.MAX_SAFE_INTEGER })),
      );
      await storeSaleDirectly(ctx().db, till!, huge);
      await ctx().hub.stock.catchUp();
      await client(ctx().hub, till!).push('sales', [
        { newDocumentState: sealedSaleDoc(till!, 'sale-after', [{ lineId: 'l1', productId: 'prd-1', quantity: 2 }]) },
      ]);
      await ctx().hub.stock.catchUp();
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
      await ctx().hub.stock.catchUp();
      // A level at the edge of what tills can read exactly (head office's count, say): one more unit leaves the range.
      await ctx().db.query("INSERT INTO stock_levels (store_id, product_id, level) VALUES ('S1', 'prd-1', 9007199254740991)");
      const stuck = sealedSaleDoc(till!, 'sale-2', [
        { lineId: 'l1', productId: 'prd-2', quantity: 1 },
        { lineId: 'l2', productId: 'prd-1', quantity: -1 },
      ]);
      await c.push('sales', [
        { newDocumentState: sealedSaleDoc(till!, 'sale-1b', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]) },
        { newDocumentState: stuck },
        { newDocumentState: sealedSaleDoc(till!, 'sale-3', [{ lineId: 'l1', productId: 'prd-2', quantity: 1 }]) },
      ]);
      // Projected apart: in one step, sale-4's −5 would have kept the sum in range.
      await ctx().hub.stock.catchUp();
      await c.push('sales', [{ newDocumentState: sealedSaleDoc(till!, 'sale-4', [{ lineId: 'l1', productId: 'prd-1', quantity: 5 }]) }]);
      await ctx().hub.stock.catchUp();
      // sale-2 moved nothing, not even its prd-2 line; every other sale did.
      expect(await levels(ctx().db, 'S1')).toEqual({ 'prd-1': 9007199254740986, 'prd-2': -3 });
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
      const [checkpoint] = await ctx().db.query<{ seq: number }>("SELECT seq FROM stock_projection WHERE store_id = 'S1'");
      expect(checkpoint!.seq).toBe(await seqOf('sale-4'));
      // Reported once, however often the projector runs.
      await ctx().hub.stock.catchUp();
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
