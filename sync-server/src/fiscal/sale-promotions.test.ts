import { compilePromotions, type Promotion, type SealedRecord } from '@pos/core';
import { demoPromotions } from '@pos/core/test-support/promotion-cart';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { putPromotion } from '../catalog/promotion-writes';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

/** Head office saves a rule: the hub gives it its next version. */
async function save(db: Parameters<typeof putPromotion>[0], rule: Promotion): Promise<void> {
  const { id, version: _v, ...body } = rule;
  await putPromotion(db, id, body);
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a sale's promotions at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
    };
    const incidents = async () =>
      db().query<{ doc_id: string; details: { problems: { code: string; message: string }[] } }>(
        "SELECT doc_id, details FROM incidents WHERE kind = 'invalid_sale' ORDER BY doc_id",
      );
    const fed = async () =>
      (await db().query<{ doc_id: string }>('SELECT doc_id FROM chain_records WHERE feed_seq IS NOT NULL ORDER BY feed_seq')).map(
        (r) => r.doc_id,
      );

    it('a promotion version the hub never saved, or a discount its rule does not give, is an invalid_sale incident; the chain goes on', async () => {
      // The hub holds version 1 of each rule (its first save); the 3 pour 2 of the demo set is version 2.
      const [oignons, rayon] = demoPromotions();
      await save(db(), oignons!);
      await save(db(), rayon!);
      const held = [{ ...oignons!, version: 1 }, rayon!];
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const priced = (saleId: string, rules: readonly Promotion[]) =>
        t.seal(
          'sale',
          saleId,
          cashSale({ saleId, storeId: 'S1', tillId: 'T1', products: [100, 100, 100, 205], promotions: compilePromotions(rules) }),
        );
      const good = priced('good', held);
      const unknownVersion = priced('unknown-version', [oignons!, rayon!]);
      const richer = priced('richer', [held[0]!, { ...rayon!, benefit: { ...rayon!.benefit, bp: 5_000 } as Promotion['benefit'] }]);
      const after = priced('after', held);
      await push(till!, [good, unknownVersion, richer, after]);
      await ctx().hub.catchUp();

      const found = await incidents();
      expect(found.map((i) => i.doc_id)).toEqual(['richer', 'unknown-version']);
      expect(found[0]!.details.problems).toEqual([
        expect.objectContaining({ code: 'promotion', message: expect.stringMatching(/^amount: rayon v1/) }),
      ]);
      expect(found[1]!.details.problems).toEqual([
        expect.objectContaining({ code: 'promotion', message: expect.stringMatching(/unknown-promotion: oignons-3-pour-2 v2/) }),
      ]);
      // Never blocking the chain: the sales around them are verified and fed.
      expect(await fed()).toEqual(['good', 'after']);
    });

    it('a version since replaced at head office is known: the sale stands on its figures', async () => {
      const [, rayon] = demoPromotions();
      await save(db(), rayon!);
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const sale = t.seal(
        'sale',
        'v1-sale',
        cashSale({ saleId: 'v1-sale', storeId: 'S1', tillId: 'T1', products: [205], promotions: compilePromotions([rayon!]) }),
      );
      await save(db(), { ...rayon!, name: 'Rayon −25 %', benefit: { ...rayon!.benefit, bp: 2_500 } as Promotion['benefit'] });
      await push(till!, [sale]);
      await ctx().hub.catchUp();
      expect(await incidents()).toEqual([]);
      expect(await fed()).toEqual(['v1-sale']);
    });
  });
}
