import { createHash } from 'node:crypto';
import { demoStoreProfile, findSyncCollection, SYNC_LIMITS, type SyncCollection } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { adminHeaders, headOffice, sealedSaleDoc } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, saleDoc, syncHeaders, useTestHub, type Device } from '../test-support/test-hub';
import { pushDocuments } from './push-documents';
import { QUARANTINE_EXCERPT_CHARS } from './quarantine';

const SALES = findSyncCollection('sales') as SyncCollection;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `{"id":…,"storeId":…,"tillId":…,"deep":{"a":{"a":…1…}}}`, written as text: JSON.stringify itself would overflow the stack. */
function deepSaleText(device: Device, id: string, levels: number): string {
  return `{"id":"${id}","storeId":"${device.storeId}","tillId":"${device.tillId}","deep":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
}

/** A push body from row texts, each already JSON. */
const pushBody = (documents: readonly string[]) => `{"rows":[${documents.map((d) => `{"newDocumentState":${d}}`).join(',')}]}`;

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`push of hostile input on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    const rawPush = (device: Device, collection: string, body: string | Buffer) =>
      ctx().hub.app.inject({
        method: 'POST',
        url: `/sync/v1/${collection}/push`,
        headers: { ...syncHeaders(device.token, collection), 'content-type': 'application/json' },
        payload: body,
      });
    const stored = (storeId: string, collection = 'sales') =>
      ctx().db.query<{ id: string; doc: Record<string, unknown> }>(
        'SELECT id, doc FROM store_docs WHERE store_id = $1 AND collection = $2 ORDER BY seq',
        [storeId, collection],
      );
    const quarantined = (storeId: string) =>
      ctx().db.query<{ doc_id: string | null; reason: string; excerpt: string; doc_sha256: string; doc_bytes: number }>(
        'SELECT doc_id, reason, excerpt, doc_sha256, doc_bytes FROM quarantine WHERE store_id = $1 ORDER BY doc_id',
        [storeId],
      );

    it('a document nested 5,000 levels deep is refused alone: the good ones of the batch are written, and again on a retry', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const deep = deepSaleText(till!, 'deep', 5000);
      const body = pushBody([JSON.stringify(saleDoc(till!, 'good-1')), deep, JSON.stringify(saleDoc(till!, 'good-2'))]);
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await rawPush(till!, 'sales', body);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({
          conflicts: [],
          errors: [{ index: 1, id: 'deep', message: expect.stringMatching(/nested more than \d+ levels/) }],
        });
      }
      expect((await stored('S1')).map((r) => r.id)).toEqual(['good-1', 'good-2']);
      const [kept] = await quarantined('S1');
      expect(await quarantined('S1')).toHaveLength(1);
      expect(kept).toMatchObject({ doc_id: 'deep', doc_sha256: sha256(deep), doc_bytes: Buffer.byteLength(deep) });
      expect(kept!.excerpt).toBe(deep.slice(0, QUARANTINE_EXCERPT_CHARS));
    });

    it('a document with too many values or too long a text is refused alone, before anything walks it', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const reply = await client(ctx().hub, till!).push('sales', [
        { newDocumentState: saleDoc(till!, 'wide', { many: Array.from({ length: 60_000 }, () => 0) }) },
        { newDocumentState: saleDoc(till!, 'long', { note: 'x'.repeat(SYNC_LIMITS.maxTextLength + 1) }) },
        { newDocumentState: saleDoc(till!, 'long-key', { ['k'.repeat(SYNC_LIMITS.maxTextLength + 1)]: 1 }) },
        { newDocumentState: saleDoc(till!, 'fine') },
      ]);
      expect(reply.errors).toEqual([
        { index: 0, id: 'wide', message: expect.stringMatching(/more than [\d,]+ values/) },
        { index: 1, id: 'long', message: expect.stringMatching(/text longer than/) },
        { index: 2, id: 'long-key', message: expect.stringMatching(/text longer than/) },
      ]);
      expect((await stored('S1')).map((r) => r.id)).toEqual(['fine']);
    });

    it('numbers JSON cannot carry exactly (1e400, beyond 2^53) refuse their document only; the largest safe integer is kept exact', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const doc = (id: string, total: string) => `{"id":"${id}","storeId":"S1","tillId":"T1","total":${total}}`;
      // Till records: no bounds of their own on `total`, only those of every document.
      const res = await rawPush(
        till!,
        'till_records',
        pushBody([
          doc('inf', '1e400'),
          doc('minus-inf', '-1e400'),
          doc('above-2-53', '9007199254740993'),
          doc('float-beyond', '1.5e300'),
          doc('exact', '9007199254740991'),
          doc('cents', '12.5'),
        ]),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().errors).toEqual(
        ['inf', 'minus-inf', 'above-2-53', 'float-beyond'].map((id, index) => ({
          index,
          id,
          message: expect.stringMatching(/document\.total (is a number too large|is .* beyond the whole numbers JSON carries exactly)/),
        })),
      );
      expect((await stored('S1', 'till_records')).map((r) => [r.id, r.doc.total])).toEqual([
        ['exact', 9007199254740991],
        ['cents', 12.5],
      ]);
      const pulledBack = await ctx().db.query<{ t: string }>("SELECT doc->>'total' AS t FROM store_docs WHERE id = 'exact'");
      expect(pulledBack[0]!.t).toBe('9007199254740991');
    });

    it('a field named __proto__ (or constructor.prototype) refuses its document only, not the whole push', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const res = await rawPush(
        till!,
        'sales',
        pushBody([
          '{"id":"proto","storeId":"S1","tillId":"T1","__proto__":{"polluted":true}}',
          '{"id":"ctor","storeId":"S1","tillId":"T1","x":{"constructor":{"prototype":{"polluted":true}}}}',
          JSON.stringify(saleDoc(till!, 'good')),
        ]),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().errors).toEqual([
        { index: 0, id: 'proto', message: expect.stringMatching(/__proto__/) },
        { index: 1, id: 'ctor', message: expect.stringMatching(/constructor/) },
      ]);
      expect((await stored('S1')).map((r) => r.id)).toEqual(['good']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a body that is not UTF-8 is refused whole with 400, never stored with replacement characters', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const text = pushBody([JSON.stringify(saleDoc(till!, 'latin1', { note: 'caf#' }))]);
      const body = Buffer.from(text, 'utf8');
      body[body.indexOf('#')] = 0xe9; // "é" in Windows-1252: not UTF-8
      const res = await rawPush(till!, 'sales', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ error: 'invalid_encoding', message: expect.stringMatching(/UTF-8/) });
      expect(await stored('S1')).toEqual([]);
      // A byte order mark is no fault.
      const bom = await rawPush(till!, 'sales', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pushBody([]))]));
      expect(bom.statusCode, bom.body).toBe(200);
    });

    it('a sale whose quantities or amounts are out of core’s bounds is refused alone; the good sale is stored and moves stock', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      // Sealed first: the record after the refused ones would wait for them (a gap in the chain).
      const good = sealedSaleDoc(till!, 'good', [{ lineId: 'l1', productId: 'prd-1', quantity: 99_999, measure: 'weight' }]);
      const sale = (id: string, line: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
        const doc = sealedSaleDoc(till!, id, [{ lineId: 'l1', productId: 'prd-1', quantity: 1 }]);
        return {
          ...doc,
          ...extra,
          record: { ...doc.record, payload: { ...doc.record.payload, lines: [{ ...doc.record.payload.lines[0], ...line }] } },
        };
      };
      const many = sealedSaleDoc(
        till!,
        'too-many-lines',
        Array.from({ length: 501 }, (_, i) => ({ lineId: `l${i}`, productId: `prd-${i}`, quantity: 1 })),
      );
      const reply = await client(ctx().hub, till!).push('sales', [
        { newDocumentState: sale('huge-units', { quantity: 10_000 }) },
        { newDocumentState: sale('huge-grams', { quantity: 100_000, measure: 'weight' }) },
        { newDocumentState: sale('huge-return', { quantity: -10_000 }) },
        { newDocumentState: sale('safe-but-huge', { quantity: Number.MAX_SAFE_INTEGER }) },
        { newDocumentState: sale('long-line-id', { lineId: 'l'.repeat(65) }) },
        { newDocumentState: sale('fractional-cents', { unitPrice: 12.5 }) },
        { newDocumentState: sale('fractional-total', {}, { total: 0.5 }) },
        { newDocumentState: many },
        { newDocumentState: good },
      ]);
      expect(reply.errors.map((e) => [e.index, e.id])).toEqual([
        [0, 'huge-units'],
        [1, 'huge-grams'],
        [2, 'huge-return'],
        [3, 'safe-but-huge'],
        [4, 'long-line-id'],
        [5, 'fractional-cents'],
        [6, 'fractional-total'],
        [7, 'too-many-lines'],
      ]);
      expect(reply.errors[0]!.message).toMatch(/record\.payload\.lines\[0\]\.quantity.*9999/);
      expect(reply.errors[1]!.message).toMatch(/99999/);
      expect((await stored('S1')).map((r) => r.id)).toEqual(['good']);
      await ctx().hub.catchUp();
      const levels = await ctx().db.query<{ level: number }>("SELECT level FROM stock_levels WHERE store_id = 'S1'");
      expect(levels).toEqual([{ level: -99_999 }]);
    });

    it('a large refused document is kept as a bounded excerpt with the SHA-256 and size of the whole', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const big = saleDoc({ storeId: 'S2', tillId: 'T1' }, 'foreign', {
        notes: Array.from({ length: 12 }, (_, i) => `${i}`.repeat(16_000)),
      });
      const reply = await client(ctx().hub, till!).push('sales', [{ newDocumentState: big }]);
      expect(reply.errors).toEqual([{ index: 0, id: 'foreign', message: expect.stringMatching(/not for this till's store/) }]);
      const text = JSON.stringify(big);
      const [kept] = await quarantined('S1');
      expect(kept).toEqual({
        doc_id: 'foreign',
        reason: expect.stringMatching(/not for this till's store/),
        excerpt: text.slice(0, QUARANTINE_EXCERPT_CHARS),
        doc_sha256: sha256(text),
        doc_bytes: Buffer.byteLength(text),
      });
    });

    it('past the store’s quarantine quota, refusals are counted per reason without content, head office is told, the till gets every error', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const limits = { maxRowsPerStore: 3 };
      const foreign = (id: string) => ({ newDocumentState: saleDoc({ storeId: 'S2', tillId: 'T1' }, id) });
      const noId = (n: number) => ({ newDocumentState: { storeId: 'S1', tillId: 'T1', n } });
      const first = await pushDocuments(
        ctx().db,
        till!,
        SALES,
        [foreign('f1'), foreign('f2'), noId(1), foreign('f3'), { newDocumentState: saleDoc(till!, 'good') }],
        {},
        limits,
      );
      expect(first.errors.map((e) => [e.index, e.id])).toEqual([
        [0, 'f1'],
        [1, 'f2'],
        [2, ''],
        [3, 'f3'],
      ]);
      const second = await pushDocuments(ctx().db, till!, SALES, [noId(2), foreign('f4')], {}, limits);
      expect(second.errors).toHaveLength(2);
      expect((await stored('S1')).map((r) => r.id)).toEqual(['good']);
      expect((await quarantined('S1')).map((q) => q.doc_id)).toEqual(['f1', 'f2', null]);
      const overflow = await ctx().db.query<{ collection: string; code: string; refusals: number }>(
        'SELECT collection, code, refusals FROM quarantine_overflow WHERE store_id = $1 ORDER BY code',
        ['S1'],
      );
      expect(overflow).toEqual([
        { collection: 'sales', code: 'bad_id', refusals: 1 },
        { collection: 'sales', code: 'other_store', refusals: 2 },
      ]);
      const told = await ctx().db.query<{ details: { message: string } }>("SELECT details FROM incidents WHERE kind = 'quarantine_full'");
      expect(told).toEqual([{ details: expect.objectContaining({ message: expect.stringMatching(/counted per reason/) }) }]);
    });

    it('pull refuses any checkpoint or limit that is not a plain whole number in range with 400 bad_request, never 500', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const queries = [
        'checkpoint=1e400',
        'limit=1e400',
        'checkpoint=-1e400',
        'checkpoint=Infinity',
        'checkpoint=NaN',
        'checkpoint=9007199254740993',
        'checkpoint=99999999999999999999999',
        'checkpoint=1e3',
        'checkpoint=0x10',
        'checkpoint=%201',
        'checkpoint=',
        'checkpoint=1&checkpoint=2',
        'limit=1e2',
        'limit=10&limit=20',
        'limit=',
      ];
      for (const query of queries) {
        const res = await ctx().hub.app.inject({ url: `/sync/v1/customers/pull?${query}`, headers: syncHeaders(till!.token, 'customers') });
        expect(res.statusCode, query).toBe(400);
        expect(res.json(), query).toEqual({ error: 'bad_request', message: expect.stringMatching(/checkpoint|limit/) });
      }
      const fine = await ctx().hub.app.inject({
        url: '/sync/v1/customers/pull?checkpoint=9007199254740991&limit=1000',
        headers: syncHeaders(till!.token, 'customers'),
      });
      expect(fine.statusCode, fine.body).toBe(200);
    });

    it('head-office bodies go through the same parser: a rounded or infinite number, or bytes that are not UTF-8, are refused with 400', async () => {
      await enrolledTills(ctx().db, 'S1', []);
      const ho = headOffice(ctx().hub, await adminHeaders(ctx().db));
      const { storeId: _s, tillId: _t, ...settings } = demoStoreProfile('S1', 'T1');
      const text = JSON.stringify({ ...settings, quickCashAmounts: [500, 1000] });
      const put = (body: string | Buffer) =>
        ho.call('PUT', '/api/v1/admin/stores/S1/settings', body, { 'content-type': 'application/json' });
      for (const bad of ['9007199254740993', '1e400']) {
        const res = await put(text.replace('[500,1000]', `[500,${bad}]`));
        expect(res, bad).toEqual({ status: 400, body: { error: 'invalid_body', message: expect.stringMatching(/quickCashAmounts\[1\]/) } });
      }
      const notUtf8 = Buffer.from(text.replace(settings.name, `${settings.name}#`), 'utf8');
      notUtf8[notUtf8.indexOf('#')] = 0xff;
      expect(await put(notUtf8)).toEqual({ status: 400, body: { error: 'invalid_encoding', message: expect.any(String) } });
      const deep = await put(`{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
      expect(deep).toEqual({ status: 400, body: { error: 'invalid_body', message: expect.stringMatching(/nested/) } });
      const none = await ctx().db.query("SELECT 1 FROM store_docs WHERE store_id = 'S1' AND collection = 'store_settings'");
      expect(none).toEqual([]);
      expect((await put(text)).status).toBe(200);
    });
  });
}
