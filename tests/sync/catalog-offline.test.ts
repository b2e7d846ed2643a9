import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CatalogDb } from '../../renderer/src/db/catalog-db';
import { catalogImportState, importCatalog } from '../../renderer/src/db/catalog-import';
import { createHub, type Hub } from '../../sync-server/src/server';
import { adminHeaders, ean, headOffice, productBody } from '../../sync-server/src/test-support/head-office';
import { testTargets, type TestDatabase } from '../../sync-server/src/test-support/test-databases';
import { startFaultProxy, type FaultProxy } from '../rigs/fault-proxy';
import { startTillPeer, type TillPeer } from './till-peer';

/**
 * The till's catalog (the renderer's Dexie store and import code, on fake-indexeddb) pulled from
 * the hub through the till host, while head office deletes, changes and adds products and the
 * till is cut off.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the catalog of a till that was offline (${target.name})`, () => {
    let database: TestDatabase;
    let hub: Hub;
    let proxy: FaultProxy;
    let peer: TillPeer;
    let catalog: CatalogDb;
    let count = 0;
    const office = async () => headOffice(hub, await adminHeaders(database.db));
    const pull = (checkpoint: string | null, limit: number) => peer.bridge.invoke('catalog.pull', { checkpoint, limit });

    beforeAll(async () => {
      database = await target.open();
      hub = await createHub({ database: database.db, port: 0 });
      const url = new URL(await hub.listen());
      proxy = await startFaultProxy({ host: url.hostname, port: Number(url.port) });
    });
    afterEach(async () => {
      await peer?.close();
      catalog?.close();
      proxy.setPlan({ kind: 'pass' });
      await database.truncate();
    });
    afterAll(async () => {
      await proxy?.close();
      await hub?.close();
      await database?.close();
    });

    it('gets the deletions (tombstones), changes and new products it missed, and sells from what it had meanwhile', async () => {
      const ho = await office();
      for (let i = 1; i <= 5; i++) expect((await ho.putProduct(`prd-${i}`, productBody({ sku: `sku-${i}`, name: `Produit ${i}`, barcodes: [ean(i)], price: 100 * i }))).status).toBe(201);
      peer = await startTillPeer({ hubUrl: proxy.url, hubDb: database.db, storeId: 'S001', tillId: 'T01' });
      catalog = new CatalogDb(`catalog-offline-${target.name}-${count++}`);
      expect((await importCatalog(catalog, pull)).imported).toBe(5);

      // The till goes offline; head office works on.
      proxy.setPlan({ kind: 'refuse' });
      expect((await ho.deleteProduct('prd-2')).status).toBe(200);
      expect((await ho.deleteProduct('prd-4')).status).toBe(200);
      expect((await ho.changePrice('prd-3', 333)).status).toBe(200);
      expect((await ho.putProduct('prd-6', productBody({ sku: 'sku-6', name: 'Produit 6', barcodes: [ean(6)], price: 600 }))).status).toBe(201);
      // A barcode freed by a deletion goes to another product: the till must not find the old one by it.
      expect((await ho.putProduct('prd-7', productBody({ sku: 'sku-7', name: 'Produit 7', barcodes: [ean(2)], price: 700 }))).status).toBe(201);

      await expect(importCatalog(catalog, pull)).rejects.toMatchObject({ code: 'HUB_UNREACHABLE' });
      // Meanwhile it sells from what it has: the deleted product is still there, nothing is half-applied.
      expect((await catalog.products.get('prd-2'))?.price).toBe(200);
      expect(await catalog.products.count()).toBe(5);

      proxy.setPlan({ kind: 'pass' });
      const state = await importCatalog(catalog, pull);
      expect(state.done).toBe(true);
      expect((await catalog.products.toArray()).map((p) => [p.id, p.price]).sort()).toEqual([
        ['prd-1', 100],
        ['prd-3', 333],
        ['prd-5', 500],
        ['prd-6', 600],
        ['prd-7', 700],
      ]);
      expect((await catalog.products.where('barcodes').equals(ean(2)).toArray()).map((p) => p.id)).toEqual(['prd-7']);
      expect((await catalogImportState(catalog))?.checkpoint).toBe(state.checkpoint);
    });
  });
}
