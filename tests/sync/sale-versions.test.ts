import { demoProduct, saleDocFromRecord, saleReceiptNumber, type SaleContext, type SalePayload, type SealedRecord } from '@pos/core';
import { cashSale, saleAsVersion0 } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useDemoHubTill } from './demo-hub-till';
import { eventually } from './till-peer';

const pate = demoProduct(100);

/**
 * Sale documents of version 0 and 1 sealed by a real till host, stored in the renderer's RxDB and
 * pushed by its replication: the hub verifies both, puts a return's goods back in stock, and
 * keeps a training sale out of stock.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`sale documents of version 0 and 1 at the hub (${target.name})`, () => {
    const env = useDemoHubTill(target);

    /** Sealed by the till host and stored locally, as the till does after each sale. */
    const sell = async (payload: SalePayload): Promise<SealedRecord<'sale'>> => {
      const { peer } = env();
      const record = (await peer.bridge.invoke('fiscal.seal', { chain: 'sale', id: payload.saleId, payload })) as SealedRecord<'sale'>;
      await peer.docs.sales.insert(saleDocFromRecord(record));
      return record;
    };
    const sale = (saleId: string, products: readonly number[], extra: Pick<SaleContext, 'returnOf' | 'training'> = {}) =>
      cashSale({ saleId, staffId: 'staff-sophie', products, completedAt: new Date().toISOString(), ...extra });
    const level = async () =>
      Number(
        (
          await env().database.db.query<{ level: number }>("SELECT level FROM stock_levels WHERE store_id = 'S001' AND product_id = $1", [
            pate.id,
          ])
        )[0]?.level ?? 0,
      );

    // A training sale is sealed on the training chain, never the sale chain: its hub side is tested with training mode.
    it('verifies both versions and counts a return’s quantities back in', async () => {
      const { database, hub, peer } = env();
      const old = await sell(saleAsVersion0(sale('v0-sale', [100, 100, 100])));
      expect(old.payload.v).toBeUndefined();
      const sold = await sell(sale('v1-sale', [100, 100, 205]));
      expect(sold.payload).toMatchObject({ v: 1, kind: 'sale', channel: 'store' });
      const back = await sell(
        sale('v1-return', [100], {
          returnOf: { saleId: sold.id, receipt: saleReceiptNumber(sold), lines: [{ lineId: 'l0', quantity: 1 }] },
        }),
      );
      expect(back.payload).toMatchObject({ kind: 'return', returnOf: { receipt: 'S001-T01-000002' } });

      await peer.startReplication();
      await eventually(
        async () =>
          Number(
            (
              await database.db.query<{ n: number }>(
                "SELECT count(*)::int8 AS n FROM store_docs WHERE store_id = 'S001' AND collection = 'sales'",
              )
            )[0]?.n ?? 0,
          ),
        (n) => n === 3,
        30_000,
      );
      await hub.catchUp();

      expect(await database.db.query("SELECT code, problem FROM chain_breaks WHERE store_id = 'S001'")).toEqual([]);
      expect(await database.db.query("SELECT kind, doc_id FROM incidents WHERE store_id = 'S001' AND kind = 'invalid_sale'")).toEqual([]);
      const verified = await database.db.query<{ doc_id: string }>(
        "SELECT doc_id FROM chain_records WHERE store_id = 'S001' AND collection = 'sales' AND feed_seq IS NOT NULL ORDER BY feed_seq",
      );
      expect(verified.map((r) => r.doc_id)).toEqual(['v0-sale', 'v1-sale', 'v1-return']);
      // The stored documents carry the copies of a version 1 sale's kind and date; a version 0 one none.
      const docs = await database.db.query<{ id: string; kind: string | null; training: boolean | null }>(
        "SELECT id, doc ->> 'kind' AS kind, (doc ->> 'training')::boolean AS training FROM store_docs WHERE store_id = 'S001' AND collection = 'sales' ORDER BY id",
      );
      expect(docs).toEqual([
        { id: 'v0-sale', kind: null, training: null },
        { id: 'v1-return', kind: 'return', training: null },
        { id: 'v1-sale', kind: 'sale', training: null },
      ]);

      // 3 sold (version 0), 2 sold (version 1), 1 back: −4.
      expect(await level()).toBe(-4);
      const movements = await database.db.query<{ source_id: string; quantity_delta: number; kind: string }>(
        "SELECT source_id, quantity_delta::int AS quantity_delta, kind FROM stock_movements WHERE store_id = 'S001' AND product_id = $1 ORDER BY source_id",
        [pate.id],
      );
      expect(movements).toEqual([
        { source_id: 'v0-sale', quantity_delta: -3, kind: 'sale' },
        { source_id: 'v1-return', quantity_delta: 1, kind: 'return' },
        { source_id: 'v1-sale', quantity_delta: -2, kind: 'sale' },
      ]);
    });
  });
}
