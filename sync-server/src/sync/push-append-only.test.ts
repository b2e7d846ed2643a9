import { SYNC_LIMITS } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../auth/secrets';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, saleDoc, syncHeaders, useTestHub } from '../test-support/test-hub';

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`append-only push on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });

    async function storeRows(storeId: string) {
      return ctx().db.query<{ id: string; seq: number; doc: Record<string, unknown> }>(
        "SELECT id, seq, doc FROM store_docs WHERE store_id = $1 AND collection = 'sales' ORDER BY seq",
        [storeId],
      );
    }
    const counter = async (storeId: string) =>
      (await ctx().db.query<{ seq: number }>('SELECT seq FROM store_counters WHERE store_id = $1', [storeId]))[0]?.seq ?? 0;
    const quarantined = (storeId: string) =>
      ctx().db.query<{ doc_id: string | null; reason: string; till_id: string; excerpt: string }>(
        'SELECT doc_id, reason, till_id, excerpt FROM quarantine WHERE store_id = $1 ORDER BY doc_id',
        [storeId],
      );

    it('writes new documents with the next sequences and serves them back as pushed', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const c = client(ctx().hub, till!);
      const a = saleDoc(till!, 'a');
      expect(await c.push('sales', [{ newDocumentState: a }, { newDocumentState: saleDoc(till!, 'b') }])).toEqual({
        conflicts: [],
        errors: [],
      });
      expect((await storeRows('S1')).map((r) => [r.id, r.seq])).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      // What the hub keeps in columns (id, deletion, till, sequence) is not inside the document.
      const { id: _id, _deleted: _d, ...content } = a;
      expect((await storeRows('S1'))[0]!.doc).toEqual(content);
      expect(content).toMatchObject({ storeId: 'S1', tillId: 'T1', seq: 1, record: { id: 'a', seq: 1 } });
    });

    it('a retried push (lost reply) changes nothing: one row, no conflict, same sequence', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const c = client(ctx().hub, till!);
      const sale = saleDoc(till!, 'sale-1');
      await c.push('sales', [{ newDocumentState: sale }]);
      const first = await storeRows('S1');
      // Same content, other key order, plus RxDB's own bookkeeping fields: still the same document.
      const reordered = Object.fromEntries(Object.entries(sale).reverse());
      expect(await c.push('sales', [{ newDocumentState: { ...reordered, _rev: '2-abc', _meta: { lwt: 1 } } }])).toEqual({
        conflicts: [],
        errors: [],
      });
      expect(await c.push('sales', [{ newDocumentState: sale }, { newDocumentState: sale }])).toEqual({ conflicts: [], errors: [] });
      expect(await storeRows('S1')).toEqual(first);
      expect(await counter('S1')).toBe(1);
      expect(await ctx().db.query('SELECT * FROM incidents')).toEqual([]);
    });

    it('same id, other content: the original stays, comes back as the conflict, and is flagged once', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const c = client(ctx().hub, till!);
      const original = saleDoc(till!, 'sale-1');
      await c.push('sales', [{ newDocumentState: original }]);
      const changed = saleDoc(till!, 'sale-1', { total: 9999 });
      const reply = await c.push('sales', [{ newDocumentState: changed }]);
      expect(reply).toEqual({ conflicts: [original], errors: [] });
      await c.push('sales', [{ newDocumentState: changed }]);
      expect((await storeRows('S1')).map((r) => r.doc.total)).toEqual([original.total]);
      const incidents = await ctx().db.query<{ kind: string; doc_id: string; till_id: string; details: Record<string, unknown> }>(
        'SELECT kind, doc_id, till_id, details FROM incidents WHERE store_id = $1',
        ['S1'],
      );
      expect(incidents).toHaveLength(1);
      // What was received is kept bounded, like a quarantined document: an excerpt, its hash and size.
      const { id: _id, _deleted: _d, ...receivedContent } = changed;
      const receivedText = JSON.stringify(receivedContent);
      expect(incidents[0]).toMatchObject({
        kind: 'conflict',
        doc_id: 'sale-1',
        till_id: 'T1',
        details: { receivedExcerpt: receivedText, receivedSha256: sha256Hex(receivedText), receivedBytes: receivedText.length },
      });
    });

    it('one bad document in a batch: a clear error for it, quarantined, the others written, no sequence skipped', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const c = client(ctx().hub, till!);
      const rows = [
        { newDocumentState: saleDoc(till!, 'good-1') },
        { newDocumentState: { storeId: 'S1', tillId: 'T1', total: 1 } },
        { newDocumentState: saleDoc(till!, 'good-2') },
        { newDocumentState: 'not an object' },
        { newDocumentState: saleDoc(till!, 'x'.repeat(SYNC_LIMITS.maxIdLength + 1)) },
        {
          newDocumentState: saleDoc(till!, 'huge', {
            blobs: Array.from({ length: 5 }, () => 'x'.repeat(SYNC_LIMITS.maxDocumentBytes / 4)),
          }),
        },
        { newDocumentState: saleDoc(till!, 'nul', { note: 'a\u0000b' }) },
        { newDocumentState: saleDoc(till!, 'deleted', { _deleted: true }) },
        { newDocumentState: saleDoc({ storeId: 'S1', tillId: 'T9' }, 'other-till') },
        { newDocumentState: saleDoc(till!, 'good-3') },
      ];
      const reply = await c.push('sales', rows);
      expect(reply.conflicts).toEqual([]);
      expect(reply.errors.map((e) => [e.index, e.id])).toEqual([
        [1, ''],
        [3, ''],
        [4, ''],
        [5, 'huge'],
        [6, 'nul'],
        [7, 'deleted'],
        [8, 'other-till'],
      ]);
      expect(reply.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/no id/),
        expect.stringMatching(/not a JSON object/),
        expect.stringMatching(/id is 129 characters/),
        expect.stringMatching(/bytes; at most/),
        expect.stringMatching(/NUL/),
        expect.stringMatching(/never deleted/),
        expect.stringMatching(/not from this till/),
      ]);
      // The good ones are written with consecutive sequences: a pull's checkpoint cannot pass a hole.
      expect((await storeRows('S1')).map((r) => [r.id, r.seq])).toEqual([
        ['good-1', 1],
        ['good-2', 2],
        ['good-3', 3],
      ]);
      expect(await counter('S1')).toBe(3);
      const kept = await quarantined('S1');
      expect(kept).toHaveLength(7);
      expect(kept.every((q) => q.till_id === 'T1' && q.reason.length > 10)).toBe(true);
      expect(kept.find((q) => q.doc_id === 'nul')!.excerpt).toEqual(expect.stringContaining('"note":"a\\u0000b"'));
      // Retrying the same batch quarantines nothing twice and writes nothing more.
      await c.push('sales', rows);
      expect(await quarantined('S1')).toHaveLength(7);
      expect(await counter('S1')).toBe(3);
    });

    it('another store’s document: nothing written, nothing leaked, quarantined', async () => {
      const { db, hub } = ctx();
      const [mine] = await enrolledTills(db, 'S1', ['T1']);
      const [theirs] = await enrolledTills(db, 'S2', ['T1']);
      const existing = saleDoc(theirs!, 'their-sale', { total: 4242 });
      await client(hub, theirs!).push('sales', [{ newDocumentState: existing }]);
      const s2Before = await storeRows('S2');

      const attempt = (id: string) =>
        client(hub, mine!).push('sales', [{ newDocumentState: saleDoc({ storeId: 'S2', tillId: 'T1' }, id, { total: 1 }) }]);
      const onExisting = await attempt('their-sale');
      const onMissing = await attempt('no-such-sale');
      // The reply says the same thing whether or not the id exists in the other store.
      expect(onExisting.conflicts).toEqual([]);
      expect(onExisting.errors).toEqual([{ index: 0, id: 'their-sale', message: expect.stringContaining('not for this till') }]);
      expect(onMissing.errors).toEqual([{ ...onExisting.errors[0], id: 'no-such-sale' }]);
      expect(JSON.stringify(onExisting)).not.toContain('4242');
      expect(await storeRows('S2')).toEqual(s2Before);
      expect(await storeRows('S1')).toEqual([]);
      expect(await counter('S2')).toBe(1);
      expect((await quarantined('S1')).map((q) => q.doc_id)).toEqual(['no-such-sale', 'their-sale']);
      expect(await quarantined('S2')).toEqual([]);
    });

    it('pull-only collections refuse pushes with 405 and say why', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      for (const name of ['products', 'stock_levels', 'store_settings']) {
        const res = await ctx().hub.app.inject({
          method: 'POST',
          url: `/sync/v1/${name}/push`,
          headers: syncHeaders(till!.token, name),
          payload: { rows: [] },
        });
        expect(res.statusCode, name).toBe(405);
        expect(res.json()).toEqual({ error: 'method_not_allowed', message: expect.stringContaining('cannot push') });
      }
    });

    it('limits: too many rows 413, too large a body 413, a malformed request 400', async () => {
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const push = (payload: unknown, headers: Record<string, string> = {}) =>
        ctx().hub.app.inject({
          method: 'POST',
          url: '/sync/v1/sales/push',
          headers: { ...syncHeaders(till!.token, 'sales'), ...headers },
          payload: payload as string,
        });
      const many = await push({
        rows: Array.from({ length: SYNC_LIMITS.maxPushRows + 1 }, (_, i) => ({ newDocumentState: saleDoc(till!, `s${i}`) })),
      });
      expect(many.statusCode).toBe(413);
      expect(many.json()).toMatchObject({ error: 'too_many_rows', message: expect.stringContaining(String(SYNC_LIMITS.maxPushRows)) });
      const big = await push({ rows: [{ newDocumentState: saleDoc(till!, 'big', { blob: 'x'.repeat(SYNC_LIMITS.maxBodyBytes) }) }] });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ error: 'body_too_large' });
      for (const bad of [{ rows: 'nope' }, { documents: [] }, { rows: [{ assumedMasterState: null }] }]) {
        const res = await push(bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
        expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
      }
      const notJson = await push('{"rows": [', { 'content-type': 'application/json' });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json()).toMatchObject({ error: 'bad_request' });
      expect(await ctx().db.query('SELECT id FROM store_docs')).toEqual([]);
    });
  });
}
