import { withLoyaltyEarn, type SalePayloadV1, type SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { loyaltyBalanceAtHub } from '../ledgers/loyalty-balance-read';
import { putLoyaltyProgram } from '../loyalty/loyalty-program-writes';
import { loyaltyProgramBody } from '../test-support/loyalty-programs';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';
import { customerInput } from './customer-input';
import { mergeCustomer } from './customer-merge';
import { putCustomer } from './customer-write';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a merged member's sales at the hub's loyalty projection on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };

    it('a till that sells to the merged id after the merge earns to the customer kept, and a return takes back from it, once', async () => {
      // 1 point per euro, VAT included, never expiring: a sale of n pieces at 1.00 € earns n points.
      const { expiryMonths: _never, ...body } = loyaltyProgramBody({ earn: { kind: 'spend', points: 1, per: 100, tax: 'inclusive' } });
      const { program } = await putLoyaltyProgram(db(), 'club', body as never);
      for (const id of ['cus-a', 'cus-b']) await putCustomer(db(), id, customerInput({ lastName: 'Durand' }), { storeId: 'S1' });
      const [till] = await enrolledTills(db(), 'S1', ['T1']);
      const t = till!.chains;
      const sold = (saleId: string, customerId: string, pieces: number) => {
        const sale = {
          ...(saleWithLines(t, saleId, [{ lineId: 'l1', productId: 'prd-1', quantity: pieces }]) as SalePayloadV1),
          customerId,
        };
        return t.seal('sale', saleId, withLoyaltyEarn(sale, program));
      };
      const points = async (customerId: string) => (await loyaltyBalanceAtHub(db(), { customerId, programId: 'club' })).available;

      await push(till!, [t.start(), sold('s1', 'cus-a', 10), sold('s2', 'cus-b', 20)]);
      expect([await points('cus-a'), await points('cus-b')]).toEqual([10, 20]);
      await mergeCustomer(db(), 'cus-b', 'cus-a');
      expect(await points('cus-a')).toBe(30);

      // The till had B in its cache: a sale sealed for B, pushed twice, and a return of B's earlier sale.
      const s3 = sold('s3', 'cus-b', 5);
      const r2 = t.seal(
        'sale',
        'r2',
        saleWithLines(t, 'r2', [{ lineId: 'l1', productId: 'prd-1', quantity: 10 }], undefined, {
          returnOf: { saleId: 's2', receipt: 'R-s2', lines: [{ lineId: 'l1', quantity: 10 }] },
        }),
      );
      await push(till!, [s3, r2]);
      await push(till!, [s3]);
      expect(await points('cus-a')).toBe(30 + 5 - 10);
      expect(await db().query("SELECT entry_id FROM loyalty_entries WHERE customer_id = 'cus-b'")).toEqual([]);
      expect(await db().query("SELECT kind FROM incidents WHERE kind LIKE '%loyalty%'")).toEqual([]);
    });
  });
}
