import type { SealedRecord } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { customerInput } from '../customers/customer-input';
import { mergeCustomer } from '../customers/customer-merge';
import { putCustomer } from '../customers/customer-write';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

const HISTORY = (id: string, query = '') => `/api/v1/till/customers/${id}/history${query}`;
const at = (minute: number) => new Date(Date.parse('2026-11-22T09:00:00.000Z') + minute * 60_000).toISOString();

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`a customer's purchase history at the till on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const db = () => ctx().db;

    /** A sale sealed at `device` for `customerId` (none: no customer), verified and projected into the reports. */
    const sell = async (device: Device, saleId: string, minute: number, customerId?: string, quantity = 1): Promise<void> => {
      const payload = saleWithLines(device, saleId, [{ lineId: 'l1', productId: 'prd-1', quantity }], at(minute));
      const record: SealedRecord = device.chains.seal('sale', saleId, customerId ? { ...payload, customerId } : payload);
      for (const reply of await client(ctx().hub, device).pushRecords([record])) expect(reply).toEqual({ conflicts: [], errors: [] });
    };
    const history = async (device: Device | null, id: string, query = '') => {
      const res = await ctx().hub.app.inject({
        method: 'GET',
        url: HISTORY(id, query),
        headers: device ? { authorization: `Bearer ${device.token}` } : {},
      });
      return { status: res.statusCode, body: res.json() as { purchases: { receipt: string }[]; next: string | null; error?: string } };
    };
    const receipts = (answer: { body: { purchases: { receipt: string }[] } }) => answer.body.purchases.map((p) => p.receipt);

    it('lists the customer’s purchases of every store, newest first, a page at a time, with only what a receipt shows', async () => {
      const [a] = await enrolledTills(db(), 'S1', ['T1']);
      const [b] = await enrolledTills(db(), 'S2', ['T1']);
      for (const id of ['cus-1', 'cus-2']) await putCustomer(db(), id, customerInput({ lastName: `Nom ${id}` }), { storeId: 'S1' });
      await sell(a!, 'a1', 1, 'cus-1', 2);
      await sell(b!, 'b1', 2, 'cus-1');
      await sell(a!, 'a2', 3, 'cus-2');
      await sell(a!, 'a3', 4);
      await sell(b!, 'b2', 5, 'cus-1', 3);
      await ctx().hub.catchUp();

      const first = await history(a!, 'cus-1', '?limit=2');
      expect(first.status).toBe(200);
      expect(first.body.purchases).toEqual([
        { at: at(5), storeName: 'Store S2', receipt: expect.stringContaining('S2'), total: 300, items: 3 },
        { at: at(2), storeName: 'Store S2', receipt: expect.stringContaining('S2'), total: 100, items: 1 },
      ]);
      expect(first.body.next).toEqual(expect.any(String));
      const second = await history(a!, 'cus-1', `?limit=2&after=${first.body.next!}`);
      expect(second.body).toEqual({
        purchases: [{ at: at(1), storeName: 'Store S1', receipt: expect.stringContaining('S1'), total: 200, items: 2 }],
        next: null,
      });
      // Another customer's sales, and a sale without a customer, are never in it.
      expect(receipts(await history(b!, 'cus-2'))).toHaveLength(1);
      expect(new Set([...receipts(first), ...receipts(second)]).size).toBe(3);
    });

    it('a merged customer’s id reads the customer kept, with the sales of both', async () => {
      const [a] = await enrolledTills(db(), 'S1', ['T1']);
      for (const id of ['cus-a', 'cus-b']) await putCustomer(db(), id, customerInput({ lastName: 'Durand' }), { storeId: 'S1' });
      await sell(a!, 's1', 1, 'cus-a');
      await sell(a!, 's2', 2, 'cus-b');
      await mergeCustomer(db(), 'cus-b', 'cus-a');
      // A till that had not heard of the merge sells to the old id: hers too.
      await sell(a!, 's3', 3, 'cus-b');
      await ctx().hub.catchUp();
      for (const id of ['cus-a', 'cus-b'])
        expect((await history(a!, id)).body.purchases.map((p) => (p as unknown as { at: string }).at)).toEqual([at(3), at(2), at(1)]);
    });

    it('refuses an unknown customer, a forged cursor, a bad id and a till without a token', async () => {
      const [a] = await enrolledTills(db(), 'S1', ['T1']);
      await putCustomer(db(), 'cus-1', customerInput({ lastName: 'Durand' }), { storeId: 'S1' });
      expect(await history(a!, 'cus-none')).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await history(a!, 'cus-1', '?after=forged')).toMatchObject({ status: 400, body: { error: 'invalid_cursor' } });
      expect((await history(a!, 'cus-1', '?limit=51')).status).toBe(400);
      expect((await history(a!, 'bad id!')).status).toBe(400);
      expect((await history(null, 'cus-1')).status).toBe(401);
      expect(await history(a!, 'cus-1')).toEqual({ status: 200, body: { purchases: [], next: null } });
    });
  });
}
