import { compilePromotions, type Promotion, type SealedRecord } from '@pos/core';
import { demoPromotions } from '@pos/core/test-support/promotion-cart';
import { cashSale } from '@pos/core/test-support/sample-sale';
import { describe, expect, it } from 'vitest';
import { putPromotion } from '../catalog/promotion-writes';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a sale naming a promotion version since replaced, on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };

    it('is priced again with that version as saved (the version history): right, it verifies; richer, it is an invalid_sale incident', async () => {
      const [, rayon] = demoPromotions();
      const { id, version: _v, ...body } = rayon!;
      await putPromotion(db(), id, body);
      await putPromotion(db(), id, { ...body, name: 'Rayon −25 %', benefit: { ...body.benefit, bp: 2_500 } as Promotion['benefit'] });
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const priced = (saleId: string, rule: Promotion) =>
        t.seal('sale', saleId, cashSale({ saleId, storeId: 'S1', tillId: 'T1', products: [205], promotions: compilePromotions([rule]) }));
      const v1 = { ...rayon!, version: 1 };
      // Priced by a page with version 1 made more generous: only its saved content tells.
      const richer = { ...v1, benefit: { ...v1.benefit, bp: 5_000 } as Promotion['benefit'] };
      await push(till!, [priced('v1-right', v1), priced('v1-richer', richer)]);
      const incidents = await db().query<{ doc_id: string; details: { problems: { message: string }[] } }>(
        "SELECT doc_id, details FROM incidents WHERE kind = 'invalid_sale' ORDER BY doc_id",
      );
      expect(incidents.map((i) => i.doc_id)).toEqual(['v1-richer']);
      expect(incidents[0]!.details.problems[0]!.message).toMatch(/^amount: rayon v1/);
    });
  });
}
