import { demoStoreProfile } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { adminHeaders, ean, headOffice, productBody } from '../test-support/head-office';
import { ledgerTillClient, minutesFromNow } from '../test-support/ledger-till-client';
import { promotionBody } from '../test-support/promotions';
import { testTargets } from '../test-support/test-databases';
import { enrolledTills, useTestHub } from '../test-support/test-hub';

const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');
const RESERVE = '/api/v1/till/coupons/reservations';
const reservation = (id: string) => `${RESERVE}/${id}`;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`coupons at the hub on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    let round = 0;

    /** Two stores' tills, head office, and a single-use promotion WELCOME with 5 codes and a shared SUMMER10. */
    async function setUp(summer: Record<string, unknown> = { kind: 'shared' }) {
      const { db, hub } = ctx();
      const [a] = await enrolledTills(db, 'S1', ['T1']);
      const [b] = await enrolledTills(db, 'S2', ['T1']);
      const ho = headOffice(hub, await adminHeaders(db));
      const welcome = promotionBody({ name: 'Bienvenue −20 %', couponCode: 'WELCOME', coupon: { kind: 'single-use' } });
      expect((await ho.call('PUT', '/api/v1/admin/promotions/welcome', welcome)).status).toBe(201);
      const shared = promotionBody({ name: 'Été −10 %', couponCode: 'SUMMER10', coupon: summer });
      // The hub compiles the rules once per catalog sequence, which truncating between tests restarts:
      // each test saves the rule a different number of times, so no test reads the last one's rules.
      round += 1;
      for (let i = 0; i < round; i += 1) expect((await ho.call('PUT', '/api/v1/admin/promotions/summer', shared)).status).toBeLessThan(300);
      const batch = await ho.call('POST', '/api/v1/admin/promotions/welcome/coupon-codes', { batchId: 'b1', count: 5 });
      expect(batch).toMatchObject({ status: 200, body: { promotionId: 'welcome', batchId: 'b1' } });
      const codes = batch.body.codes as string[];
      return { a: ledgerTillClient(hub, a!.token), b: ledgerTillClient(hub, b!.token), ho, codes };
    }

    const ask = (reservationId: string, code: string, extra: Record<string, unknown> = {}) => ({
      code,
      reservationId,
      until: minutesFromNow(15),
      ...extra,
    });

    it('two tills reserving one single-use code at once: exactly one wins; consumed once; the other may not spend it', async () => {
      const { a, b, codes } = await setUp();
      const code = codes[0]!;
      const [fromA, fromB] = await Promise.all([
        a.call('POST', RESERVE, ask('ra', code.toLowerCase())),
        b.call('POST', RESERVE, ask('rb', ` ${code} `)),
      ]);
      const statuses = [fromA.status, fromB.status].sort();
      expect(statuses).toEqual([200, 409]);
      const [winner, loser, winnerId] = fromA.status === 200 ? [a, b, 'ra'] : [b, a, 'rb'];
      expect(fromA.status === 200 ? fromA.body : fromB.body).toMatchObject({
        promotionId: 'welcome',
        version: 1,
        code,
        kind: 'single-use',
      });
      expect((fromA.status === 409 ? fromA : fromB).body).toMatchObject({ error: 'coupon_used' });

      // The loser cannot consume or release the winner's reservation.
      expect(
        (await loser.call('POST', `${reservation(winnerId)}/consume`, { promotionId: 'welcome', saleId: 's-x', amount: 100 })).status,
      ).toBe(403);
      const consumed = await winner.call('POST', `${reservation(winnerId)}/consume`, {
        promotionId: 'welcome',
        saleId: 'sale-1',
        amount: 240,
      });
      expect(consumed).toMatchObject({ status: 200, body: { reservationId: winnerId, saleId: 'sale-1', amount: 240 } });
      expect(consumed.body).not.toHaveProperty('incident');
      // Idempotent: the same sale again is the first answer; another sale is refused.
      const again = await winner.call('POST', `${reservation(winnerId)}/consume`, {
        promotionId: 'welcome',
        saleId: 'sale-1',
        amount: 240,
      });
      expect(again.body).toEqual(consumed.body);
      expect(
        await winner.call('POST', `${reservation(winnerId)}/consume`, { promotionId: 'welcome', saleId: 'sale-2', amount: 240 }),
      ).toMatchObject({
        status: 409,
        body: { error: 'coupon_not_open' },
      });
      // Used: nobody reserves it again; a released reservation never counted.
      expect(await loser.call('POST', RESERVE, ask('rc', code))).toMatchObject({ status: 409, body: { error: 'coupon_used' } });
      const [rows] = await ctx().db.query<{ n: number }>("SELECT count(*)::int AS n FROM coupon_uses WHERE state = 'consumed'");
      expect(rows!.n).toBe(1);
    });

    it('releases idempotently; an unknown code, the family code alone and a malformed code are refused in codes', async () => {
      const { a, b, codes } = await setUp();
      const body = ask('r1', codes[1]!);
      const first = await a.call('POST', RESERVE, body);
      expect(first.status).toBe(200);
      expect((await a.call('POST', RESERVE, body)).body).toEqual(first.body);
      expect(await a.call('POST', RESERVE, { ...body, code: codes[2] })).toMatchObject({
        status: 409,
        body: { error: 'coupon_reservation_conflict' },
      });
      expect(await b.call('POST', RESERVE, ask('r2', codes[1]!))).toMatchObject({ status: 409, body: { error: 'coupon_used' } });
      expect(await a.call('POST', `${reservation('r1')}/release`, { promotionId: 'welcome' })).toMatchObject({
        status: 200,
        body: { released: true },
      });
      expect((await a.call('POST', `${reservation('r1')}/release`, { promotionId: 'welcome' })).body).toEqual({
        reservationId: 'r1',
        released: false,
      });
      expect((await b.call('POST', RESERVE, ask('r2', codes[1]!))).status).toBe(200);
      expect(await a.call('POST', RESERVE, ask('r3', 'NOPE-NOPE'))).toMatchObject({ status: 404, body: { error: 'coupon_unknown' } });
      expect(await a.call('POST', RESERVE, ask('r4', 'welcome'))).toMatchObject({ status: 422, body: { error: 'coupon_single_use_only' } });
      expect(await a.call('POST', RESERVE, ask('r5', 'x'))).toMatchObject({ status: 404, body: { error: 'coupon_unknown' } });
      expect((await a.call('POST', RESERVE, ask('r6', 'SUMMER10', { until: minutesFromNow(60 * 25) }))).status).toBe(422);
    });

    it('a reservation run out and taken by another till is still consumed by its sealed sale, and flagged', async () => {
      const { a, b, codes } = await setUp();
      const code = codes[4]!;
      expect((await a.call('POST', RESERVE, ask('late', code))).status).toBe(200);
      // Run out (the sale took longer than its reservation): another till may take the code meanwhile.
      await ctx().db.query("UPDATE coupon_uses SET until = '2020-01-01T00:00:00.000Z' WHERE use_id = 'late'");
      expect((await b.call('POST', RESERVE, ask('early', code))).status).toBe(200);
      const consumed = await a.call('POST', `${reservation('late')}/consume`, { promotionId: 'welcome', saleId: 'sale-late', amount: 100 });
      expect(consumed).toMatchObject({ status: 200, body: { saleId: 'sale-late', incident: 'coupon_used_twice' } });
      const flagged = await ctx().db.query<{ kind: string; doc_id: string }>(
        "SELECT kind, doc_id FROM incidents WHERE collection = 'coupons'",
      );
      expect(flagged).toEqual([{ kind: 'coupon_used_twice', doc_id: 'sale-late' }]);
    });

    it('a shared code: its usage limit counts held and consumed uses; a run-out reservation frees its use', async () => {
      const { a, b } = await setUp({ kind: 'shared', usageLimit: 2 });
      expect((await a.call('POST', RESERVE, ask('u1', 'summer10'))).status).toBe(200);
      expect((await b.call('POST', RESERVE, ask('u2', 'SUMMER10'))).status).toBe(200);
      expect(await a.call('POST', RESERVE, ask('u3', 'SUMMER10'))).toMatchObject({
        status: 409,
        body: { error: 'coupon_limit_reached', values: { limit: 2 } },
      });
      await b.call('POST', `${reservation('u2')}/release`, { promotionId: 'summer' });
      expect((await a.call('POST', RESERVE, ask('u3', 'SUMMER10'))).status).toBe(200);
    });

    it('a shared code with a budget refuses once it is given; once per customer needs a customer and refuses a second use', async () => {
      const budgeted = await setUp({ kind: 'shared', budget: 500 });
      expect((await budgeted.a.call('POST', RESERVE, ask('g1', 'SUMMER10', { amount: 300 }))).status).toBe(200);
      expect(await budgeted.b.call('POST', RESERVE, ask('g2', 'SUMMER10', { amount: 300 }))).toMatchObject({
        status: 409,
        body: { error: 'coupon_budget_exhausted', values: { left: 200 } },
      });
      expect(
        (await budgeted.a.call('POST', `${reservation('g1')}/consume`, { promotionId: 'summer', saleId: 'sale-g1', amount: 500 })).body,
      ).toMatchObject({ amount: 500 });
      expect(await budgeted.b.call('POST', RESERVE, ask('g3', 'SUMMER10'))).toMatchObject({
        status: 409,
        body: { error: 'coupon_budget_exhausted', values: { left: 0 } },
      });

      const { ho } = budgeted;
      await ho.call(
        'PUT',
        '/api/v1/admin/promotions/summer',
        promotionBody({ couponCode: 'SUMMER10', coupon: { kind: 'shared', oncePerCustomer: true } }),
      );
      const { a, b } = budgeted;
      expect(await a.call('POST', RESERVE, ask('c0', 'SUMMER10'))).toMatchObject({ status: 422, body: { error: 'coupon_needs_customer' } });
      expect((await a.call('POST', RESERVE, ask('c1', 'SUMMER10', { customerId: 'cus-1' }))).status).toBe(200);
      expect(await b.call('POST', RESERVE, ask('c2', 'SUMMER10', { customerId: 'cus-1' }))).toMatchObject({
        status: 409,
        body: { error: 'coupon_once_per_customer' },
      });
      expect((await b.call('POST', RESERVE, ask('c3', 'SUMMER10', { customerId: 'cus-2' }))).status).toBe(200);
    });

    it('codes: a batch is idempotent and exported as CSV; a block goes to one till only; a code used twice offline is an incident', async () => {
      const { a, b, ho, codes } = await setUp();
      expect(codes).toHaveLength(5);
      expect(new Set(codes).size).toBe(5);
      for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
      expect((await ho.call('POST', '/api/v1/admin/promotions/welcome/coupon-codes', { batchId: 'b1', count: 5 })).body.codes).toEqual(
        codes,
      );
      expect(await ho.call('POST', '/api/v1/admin/promotions/summer/coupon-codes', { batchId: 'b1', count: 5 })).toMatchObject({
        status: 422,
        body: { error: 'coupon_not_single_use' },
      });
      const csv = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/promotions/welcome/coupon-codes?batchId=b1',
        headers: await adminHeaders(ctx().db),
      });
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body.split('\r\n')).toEqual(['code,batch,store,till,used', ...[...codes].sort().map((c) => `${c},b1,,,no`), '']);

      const block = await ho.call('POST', '/api/v1/admin/promotions/welcome/coupon-blocks', {
        blockId: 'blk-1',
        storeId: 'S1',
        tillId: 'T1',
        count: 2,
      });
      expect(block).toMatchObject({ status: 200, body: { blockId: 'blk-1' } });
      const blockCodes = block.body.codes as string[];
      expect(blockCodes).toHaveLength(2);
      expect(
        (
          await ho.call('POST', '/api/v1/admin/promotions/welcome/coupon-blocks', {
            blockId: 'blk-1',
            storeId: 'S1',
            tillId: 'T1',
            count: 2,
          })
        ).body.codes,
      ).toEqual(blockCodes);
      expect((await a.call('GET', '/api/v1/till/coupons/block')).body).toEqual({
        codes: blockCodes.map((code) => ({ code, promotionId: 'welcome' })),
      });
      expect((await b.call('GET', '/api/v1/till/coupons/block')).body).toEqual({ codes: [] });

      const sold = { promotionId: 'welcome', saleId: 'off-1', code: blockCodes[0], amount: 200 };
      const recorded = await a.call('POST', '/api/v1/till/coupons/redemptions', sold);
      expect(recorded).toMatchObject({ status: 200, body: { saleId: 'off-1', recorded: true } });
      expect(recorded.body).not.toHaveProperty('incident');
      expect((await a.call('POST', '/api/v1/till/coupons/redemptions', sold)).body).toEqual(recorded.body);
      // The same code at another till (by mistake): recorded, reported, nothing refused.
      const twice = await b.call('POST', '/api/v1/till/coupons/redemptions', { ...sold, saleId: 'off-2' });
      expect(twice).toMatchObject({ status: 200, body: { recorded: true, incident: 'coupon_used_twice' } });
      const incidents = await ctx().db.query<{ kind: string; doc_id: string; store_id: string }>(
        "SELECT kind, doc_id, store_id FROM incidents WHERE collection = 'coupons'",
      );
      expect(incidents).toEqual([{ kind: 'coupon_used_twice', doc_id: 'off-2', store_id: 'S2' }]);
      // The used code leaves the till's block; nobody reserves it online.
      expect((await a.call('GET', '/api/v1/till/coupons/block')).body).toEqual({
        codes: [{ code: blockCodes[1], promotionId: 'welcome' }],
      });
      expect(await b.call('POST', RESERVE, ask('after', blockCodes[0]!))).toMatchObject({ status: 409, body: { error: 'coupon_used' } });

      // The hub on demand: the till tops its block up to 20 unused codes (the 3 left unassigned here), once.
      expect(await b.call('POST', '/api/v1/till/coupons/block', { promotionId: 'welcome' })).toEqual({
        status: 200,
        body: { added: 3 },
        headers: expect.anything(),
      });
      expect(((await b.call('GET', '/api/v1/till/coupons/block')).body.codes as unknown[]).length).toBe(3);
      expect((await b.call('POST', '/api/v1/till/coupons/block', { promotionId: 'welcome' })).body).toEqual({ added: 0 });
      expect((await b.call('POST', '/api/v1/till/coupons/block', { promotionId: 'summer' })).status).toBe(422);
    });

    it('a web basket is priced with a single-use code as its promotion (nothing held); the family code alone gives nothing', async () => {
      const { ho, codes } = await setUp();
      expect(
        (await ho.putProduct('apple', productBody({ sku: 'a', name: 'Pomme', barcodes: [ean(1)], price: 250, category: 'fruits' }))).status,
      ).toBe(201);
      expect((await ho.call('PUT', '/api/v1/admin/stores/S1/settings', settings)).status).toBe(200);
      const price = (couponCodes: string[]) =>
        ho.call('POST', '/api/v1/baskets/price', { storeId: 'S1', lines: [{ productId: 'apple', quantity: 2 }], couponCodes });
      expect((await price([codes[3]!.toLowerCase()])).body).toMatchObject({
        total: 400,
        applied: [expect.objectContaining({ promotionId: 'welcome', source: 'coupon' })],
      });
      expect((await price(['WELCOME'])).body).toMatchObject({ total: 500, applied: [] });
      expect((await price(['SUMMER10'])).body).toMatchObject({ total: 400, applied: [expect.objectContaining({ promotionId: 'summer' })] });
      const [held] = await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM coupon_uses');
      expect(held!.n).toBe(0);
    });
  });
}
