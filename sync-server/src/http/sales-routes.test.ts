import type { SalePayloadV1, SealedRecord } from '@pos/core';
import type { SaleDetail, SaleRow } from '@pos/core/sync/head-office-api';
import { describe, expect, it } from 'vitest';
import { createStore } from '../admin/stores';
import { adminHeaders, headOffice } from '../test-support/head-office';
import { OfficeBrowser, readyUser } from '../test-support/office-users';
import { saleWithLines } from '../test-support/sealed-records';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub, type Device } from '../test-support/test-hub';

type Page = { rows: SaleRow[]; next: string | null };

/** A sale of `pieces` pieces completed at `at`, by `staffId`, paid in cash or by card, its first line credited to `salesperson`. */
function sale(
  till: Device,
  id: string,
  at: string,
  pieces: number,
  extra: Partial<SalePayloadV1> & { card?: boolean; salesperson?: string } = {},
) {
  const { card, salesperson, ...rest } = extra;
  const base = saleWithLines(till, id, [{ lineId: 'l1', productId: 'prd-1', quantity: pieces }], at, {
    ...(rest.returnOf ? { returnOf: rest.returnOf } : {}),
  }) as SalePayloadV1;
  const tenders = card
    ? [{ id: 'card-1', method: 'card' as const, amount: base.total, status: 'approved' as const, attemptKey: `a-${id}` }]
    : base.tenders;
  const lines = salesperson ? base.lines.map((l) => ({ ...l, salespersonId: salesperson })) : base.lines;
  return till.chains.seal('sale', id, { ...base, ...rest, tenders, lines, change: card ? 0 : base.change } as SalePayloadV1);
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`the Sales page’s routes on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const push = async (device: Device, records: readonly SealedRecord[]) => {
      for (const reply of await client(ctx().hub, device).pushRecords(records)) expect(reply).toEqual({ conflicts: [], errors: [] });
      await ctx().hub.catchUp();
    };
    const get = async (url: string) => headOffice(ctx().hub, await adminHeaders(ctx().db)).call('GET', url);
    const ids = (answer: { body: Record<string, unknown> }) => (answer.body as Page).rows.map((r) => r.saleId);
    const list = async (query = '') => ids(await get(`/api/v1/admin/stores/S1/sales${query}`));

    /** T1: s1 (day 1), s2 and r1 (a return of s1) on day 2; T2: s3 by card, with a salesperson, by another cashier. */
    async function seed() {
      const [t1, t2] = await enrolledTills(ctx().db, 'S1', ['T1', 'T2']);
      const returnOf = { saleId: 's1', receipt: 'S1-T1-000001', lines: [{ lineId: 'l1', quantity: 1 }] };
      await push(t1!, [
        t1!.chains.start(),
        sale(t1!, 's1', '2026-11-22T09:01:00.000Z', 2),
        sale(t1!, 's2', '2026-11-23T10:00:00.000Z', 5),
        sale(t1!, 'r1', '2026-11-23T11:00:00.000Z', 1, { returnOf }),
      ]);
      await push(t2!, [
        t2!.chains.start(),
        sale(t2!, 's3', '2026-11-23T12:00:00.000Z', 3, { card: true, staffId: 'lou', salesperson: 'sp-1' }),
      ]);
      expect(await ctx().db.query('SELECT code FROM chain_breaks')).toEqual([]);
      return { t1: t1!, t2: t2! };
    }

    it('lists the store’s sales newest first from the reports, each filter narrowing it, a page at a time', async () => {
      await seed();
      const all = await get('/api/v1/admin/stores/S1/sales');
      expect(ids(all)).toEqual(['s3', 'r1', 's2', 's1']);
      expect((all.body as Page).rows[1]).toEqual({
        saleId: 'r1',
        tillId: 'T1',
        businessDate: '2026-11-23',
        completedAt: '2026-11-23T11:00:00.000Z',
        receipt: 'S1-T1-000003',
        kind: 'return',
        total: -100,
        items: -1,
        tenders: { cash: -100 },
        staffId: 'staff-camille',
        cashierName: null,
        returnOf: 's1',
        status: 'verified',
      });
      expect(await list('?from=2026-11-22&to=2026-11-22')).toEqual(['s1']);
      expect(await list('?from=2026-11-23')).toEqual(['s3', 'r1', 's2']);
      expect(await list('?tillId=T2')).toEqual(['s3']);
      expect(await list('?receipt=S1-T1-000002')).toEqual(['s2']);
      expect(await list('?receipt=t1-000002')).toEqual(['s2']);
      expect(await list('?receipt=S9-T1-000002')).toEqual([]);
      expect(await list('?receipt=s3')).toEqual(['s3']);
      expect(await list('?minAmount=150&maxAmount=300')).toEqual(['s3', 's1']);
      expect(await list('?minAmount=100&maxAmount=100')).toEqual(['r1']);
      expect(await list('?tender=card')).toEqual(['s3']);
      expect(await list('?cashier=lou')).toEqual(['s3']);
      expect(await list('?salesperson=sp-1')).toEqual(['s3']);
      expect(await list('?kind=return')).toEqual(['r1']);
      expect(await list('?kind=sale&tillId=T1')).toEqual(['s2', 's1']);

      const first = (await get('/api/v1/admin/stores/S1/sales?limit=3')).body as Page;
      expect(first.rows.map((r) => r.saleId)).toEqual(['s3', 'r1', 's2']);
      const second = (await get(`/api/v1/admin/stores/S1/sales?limit=3&cursor=${first.next}`)).body as Page;
      expect(second).toMatchObject({ rows: [{ saleId: 's1' }], next: null });

      const file = await ctx().hub.app.inject({
        method: 'GET',
        url: '/api/v1/admin/stores/S1/sales?format=csv&lang=en&tillId=T1',
        headers: await adminHeaders(ctx().db),
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers['x-total-rows']).toBe('3');
      const csv = file.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(csv[0]).toBe(
        'Date,Time,Till,Receipt,Kind,Amount incl. VAT,Cash,Card,Gift card,Store credit,Items,Cashier,Return of,Fiscal status,Sale id',
      );
      expect(csv.slice(1).map((line) => line.split(',').slice(3, 6))).toEqual([
        ['S1-T1-000003', 'Return', '-1.00'],
        ['S1-T1-000002', 'Sale', '5.00'],
        ['S1-T1-000001', 'Sale', '2.00'],
      ]);
    });

    it('refuses bad input with its code, an unknown store or sale with 404, another store’s user with 403', async () => {
      await seed();
      const refused = async (query: string) => (await get(`/api/v1/admin/stores/S1/sales${query}`)).body.error;
      expect(await refused('?from=2026-11-31')).toBe('invalid_sales_range');
      expect(await refused('?from=2026-11-23&to=2026-11-22')).toBe('invalid_sales_range');
      expect(await refused('?from=2025-01-01&to=2026-11-22')).toBe('invalid_sales_range');
      expect(await refused('?minAmount=5&maxAmount=1')).toBe('invalid_amount_range');
      expect(await refused('?receipt=%3F%3F')).toBe('invalid_receipt');
      expect(await refused('?cursor=bm90LWEtY3Vyc29y')).toBe('invalid_cursor');
      expect(await refused('?limit=201')).toBe('bad_request');
      expect(await refused('?kind=void')).toBe('bad_request');
      expect(await refused('?from=22/11/2026')).toBe('bad_request');
      expect(await refused(`?receipt=${'x'.repeat(101)}`)).toBe('bad_request');
      expect(await get('/api/v1/admin/stores/S9/sales')).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await get('/api/v1/admin/stores/S1/sales/nope')).toMatchObject({ status: 404, body: { error: 'not_found' } });

      await createStore(ctx().db, { storeId: 'S2', name: 'Store S2' });
      await readyUser(ctx().db, { email: 'sm@example.com', role: 'store-manager', stores: ['S2'] });
      const browser = new OfficeBrowser(ctx().hub);
      expect((await browser.signIn('sm@example.com')).status).toBe(200);
      expect(await browser.call('GET', '/api/v1/admin/stores/S1/sales')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      expect(await browser.call('GET', '/api/v1/admin/stores/S1/sales/s1')).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    });

    it('gives one sale with its receipt as printed, its returns and its fiscal status: verified, break, pending', async () => {
      const { t1 } = await seed();
      const detail = async (id: string) => (await get(`/api/v1/admin/stores/S1/sales/${id}`)).body as unknown as SaleDetail;
      const s1 = await detail('s1');
      expect(s1).toMatchObject({
        saleId: 's1',
        kind: 'sale',
        receipt: 'S1-T1-000001',
        businessDate: '2026-11-22',
        total: 200,
        lines: [{ lineId: 'l1', productId: 'prd-1', quantity: 2, net: 200 }],
        tenders: [{ method: 'cash', amount: 200, status: null }],
        vat: [{ rateBp: 550, inclusive: 200 }],
        returns: [{ saleId: 'r1', receipt: 'S1-T1-000003', total: -100 }],
        original: null,
        fiscal: { status: 'verified', journal: 1, seq: 1, verifiedSeq: 3, breaks: [] },
      });
      const printed = s1.receiptText!.lines.filter((l) => l.kind === 'text').map((l) => l.text);
      expect(s1.receiptText!.width).toBe(42);
      expect(printed.some((line) => line.includes('S1-T1-000001'))).toBe(true);
      expect(printed.some((line) => line.length > 42)).toBe(false);
      expect(await detail('r1')).toMatchObject({ kind: 'return', original: { saleId: 's1', receipt: 'S1-T1-000001', total: 200 } });

      await ctx().db.query(
        `INSERT INTO chain_breaks (store_id, break_id, till_id, chain, epoch, seq, collection, doc_id, code, problem, details)
         VALUES ('S1', 'b1', 'T1', 'sale', 1, 2, 'sales', 's2', 'fork', 'A second record at sequence 2', '{}')`,
      );
      expect((await detail('s2')).fiscal).toMatchObject({ status: 'break', breaks: [{ code: 'fork' }] });
      expect(((await get('/api/v1/admin/stores/S1/sales?tillId=T1')).body as Page).rows.map((r) => r.status)).toEqual([
        'verified',
        'break',
        'verified',
      ]);

      sale(t1, 'lost', '2026-11-24T09:00:00.000Z', 1);
      await push(t1, [sale(t1, 's5', '2026-11-24T09:05:00.000Z', 1)]);
      expect((await detail('s5')).fiscal).toMatchObject({ status: 'pending', journal: null, seq: 5, verifiedSeq: 3 });
      expect(await list('?from=2026-11-24')).toEqual([]);
    });

    it('refuses a date off the calendar (month 13, day 0, year 0000) with invalid_sales_range, never a failure', async () => {
      await createStore(ctx().db, { storeId: 'S1', name: 'Store S1' });
      for (const query of ['from=2026-13-45', 'to=0000-00-00', 'from=1969-12-31', 'from=2026-11-00&to=2026-11-22']) {
        const refused = await get(`/api/v1/admin/stores/S1/sales?${query}`);
        expect([query, refused.status, refused.body.error]).toEqual([query, 400, 'invalid_sales_range']);
      }
      const cursor = Buffer.from(JSON.stringify(['2026-13-45', '2026-11-22T10:00:00Z', 's1'])).toString('base64url');
      expect((await get(`/api/v1/admin/stores/S1/sales?cursor=${cursor}`)).body.error).toBe('invalid_cursor');
    });
  });
}
