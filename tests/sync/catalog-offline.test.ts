import 'fake-indexeddb/auto';
import { compilePromotions } from '@pos/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogDb } from '../../renderer/src/db/catalog-db';
import { catalogImportState, importCatalog } from '../../renderer/src/db/catalog-import';
import { withListPrice } from '../../renderer/src/db/catalog-search';
import { activePromotions } from '../../renderer/src/db/active-promotions';
import { adminHeaders, ean, headOffice, productBody } from '../../sync-server/src/test-support/head-office';
import { promotionBody } from '../../sync-server/src/test-support/promotions';
import { testTargets } from '../../sync-server/src/test-support/test-databases';
import { useHubBehindProxy } from './hub-behind-proxy';
import { startTillPeer, type TillPeer } from './till-peer';

/**
 * The till's catalog (the renderer's Dexie store and import code, on fake-indexeddb) pulled from
 * the hub through the till host, while head office deletes, changes and adds products and the
 * till is cut off.
 */
for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the catalog of a till that was offline (${target.name})`, () => {
    const env = useHubBehindProxy(target);
    let peer: TillPeer;
    let catalog: CatalogDb;
    let count = 0;
    const office = async () => headOffice(env().hub, await adminHeaders(env().database.db));
    const pull = (checkpoint: string | null, limit: number) => peer.bridge.invoke('catalog.pull', { checkpoint, limit });

    afterEach(async () => {
      await peer?.close();
      catalog?.close();
      env().proxy.setPlan({ kind: 'pass' });
      await env().database.truncate();
    });

    it('gets the deletions (tombstones), changes and new products it missed, and sells from what it had meanwhile', async () => {
      const ho = await office();
      for (let i = 1; i <= 5; i++)
        expect(
          (await ho.putProduct(`prd-${i}`, productBody({ sku: `sku-${i}`, name: `Produit ${i}`, barcodes: [ean(i)], price: 100 * i })))
            .status,
        ).toBe(201);
      peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId: 'T01' });
      catalog = new CatalogDb(`catalog-offline-${target.name}-${count++}`);
      expect((await importCatalog(catalog, pull)).imported).toBe(5);

      // The till goes offline; head office works on.
      env().proxy.setPlan({ kind: 'refuse' });
      expect((await ho.deleteProduct('prd-2')).status).toBe(200);
      expect((await ho.deleteProduct('prd-4')).status).toBe(200);
      expect((await ho.changePrice('prd-3', 333)).status).toBe(200);
      expect((await ho.putProduct('prd-6', productBody({ sku: 'sku-6', name: 'Produit 6', barcodes: [ean(6)], price: 600 }))).status).toBe(
        201,
      );
      // A barcode freed by a deletion goes to another product: the till must not find the old one by it.
      expect((await ho.putProduct('prd-7', productBody({ sku: 'sku-7', name: 'Produit 7', barcodes: [ean(2)], price: 700 }))).status).toBe(
        201,
      );

      await expect(importCatalog(catalog, pull)).rejects.toMatchObject({ code: 'HUB_UNREACHABLE' });
      // Meanwhile it sells from what it has: the deleted product is still there, nothing is half-applied.
      expect((await catalog.products.get('prd-2'))?.price).toBe(200);
      expect(await catalog.products.count()).toBe(5);

      env().proxy.setPlan({ kind: 'pass' });
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

    it('gets the price lists head office writes after the products, and drops a deleted list’s prices', async () => {
      const ho = await office();
      for (const i of [1, 2])
        await ho.putProduct(`prd-${i}`, productBody({ sku: `sku-${i}`, name: `Produit ${i}`, barcodes: [ean(i)], price: 100 * i }));
      const list = { name: 'Grossistes', entries: [{ productId: 'prd-1', price: 75 }] };
      expect((await ho.call('PUT', '/api/v1/admin/price-lists/pl-gros', list)).status).toBe(201);
      peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId: 'T01' });
      catalog = new CatalogDb(`catalog-offline-${target.name}-${count++}`);
      expect(await importCatalog(catalog, pull)).toMatchObject({ imported: 2, done: true });
      const [p1, p2] = [(await catalog.products.get('prd-1'))!, (await catalog.products.get('prd-2'))!];
      expect((await withListPrice(catalog, p1, 'pl-gros')).price).toBe(75);
      expect((await withListPrice(catalog, p2, 'pl-gros')).price).toBe(200);

      expect((await ho.call('DELETE', '/api/v1/admin/price-lists/pl-gros')).status).toBe(200);
      expect(await importCatalog(catalog, pull)).toMatchObject({ done: true });
      expect(await catalog.priceLists.count()).toBe(0);
      expect((await withListPrice(catalog, p1, 'pl-gros')).price).toBe(100);
    });

    it('gets the promotions head office saves, in their newest version, and drops a deleted one', async () => {
      const ho = await office();
      await ho.putProduct('prd-1', productBody({ sku: 'sku-1', name: 'Produit 1', barcodes: [ean(1)], price: 100 }));
      const body = promotionBody({ schedule: { from: '2026-01-01T00:00:00Z' } });
      expect((await ho.call('PUT', '/api/v1/admin/promotions/fruits', body)).status).toBe(201);
      expect((await ho.call('PUT', '/api/v1/admin/promotions/fruits', { ...body, name: 'Fruits −30 %' })).status).toBe(200);
      expect(
        (await ho.call('PUT', '/api/v1/admin/promotions/later', promotionBody({ schedule: { from: '2099-01-01T00:00:00Z' } }))).status,
      ).toBe(201);
      peer = await startTillPeer({ hubUrl: env().proxy.url, hubDb: env().database.db, storeId: 'S001', tillId: 'T01' });
      catalog = new CatalogDb(`catalog-offline-${target.name}-${count++}`);
      expect(await importCatalog(catalog, pull)).toMatchObject({ imported: 1, done: true });
      const active = await activePromotions(catalog, '2026-06-01T10:00:00Z');
      expect(active.map((p) => [p.id, p.version, p.name])).toEqual([['fruits', 2, 'Fruits −30 %']]);
      expect(compilePromotions(active).refused).toEqual([]);

      expect((await ho.call('DELETE', '/api/v1/admin/promotions/fruits')).status).toBe(200);
      expect(await importCatalog(catalog, pull)).toMatchObject({ done: true });
      expect((await catalog.promotions.toArray()).map((p) => p.id)).toEqual(['later']);
    });
  });
}
