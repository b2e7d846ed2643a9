import { findSyncCollection, type SyncCollection } from '@pos/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow, hasUnstorableText, jsonHasUnstorableText } from './document-checks';
import { appendOnlyBatch } from './append-only-push';
import { batchJson } from './document-table';

// Strings from every UTF-16 code unit, so lone surrogates and NULs turn up, plus the tricky spellings.
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', '\ud800', '\udc00', '\ud83d\ude00', '\\u0000', '\\\\u0000', '\\ud800', 'a\\\u0000', '\\\ud800x'),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(text, tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('the quick test of a document for text PostgreSQL cannot store', () => {
  it('says what the walk through every string says, for any document', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonHasUnstorableText(JSON.stringify(v), v)).toBe(hasUnstorableText(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('is not fooled by an escaped backslash before "u0000" or by a well-formed pair', () => {
    expect(jsonHasUnstorableText(JSON.stringify({ a: '\\u0000' }), { a: '\\u0000' })).toBe(false);
    expect(jsonHasUnstorableText(JSON.stringify({ a: '😀' }), { a: '😀' })).toBe(false);
    expect(jsonHasUnstorableText(JSON.stringify({ a: '\\\u0000' }), { a: '\\\u0000' })).toBe(true);
    expect(jsonHasUnstorableText(JSON.stringify({ '\ud800': 1 }), { '\ud800': 1 })).toBe(true);
  });
});

describe('a checked row', () => {
  const device = { storeId: 'S001', tillId: 'T01' };
  const sales = findSyncCollection('sales') as SyncCollection;

  it('carries its content (RxDB fields dropped) and that content as the JSON text written', () => {
    const checked = checkRow(
      { newDocumentState: { id: 's1', storeId: 'S001', tillId: 'T01', total: 120, _deleted: false, _rev: '1-a', _meta: { lwt: 1 } } },
      0,
      sales,
      device,
    );
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.content).toEqual({ storeId: 'S001', tillId: 'T01', total: 120 });
    expect(JSON.parse(checked.contentJson)).toEqual(checked.content);
  });

  it('still refuses an id PostgreSQL cannot store, though the id is not in the content text', () => {
    const checked = checkRow({ newDocumentState: { id: 'a\ud800', storeId: 'S001', tillId: 'T01' } }, 0, sales, device);
    expect(checked).toMatchObject({ ok: false, id: '', reason: expect.stringMatching(/cannot be stored/) });
  });
});

describe('the batch text of a write', () => {
  const row = fc.record({
    id: text,
    seq: fc.nat(),
    doc: fc.dictionary(text, value, { maxKeys: 4 }),
    deleted: fc.boolean(),
    tillId: fc.option(text, { nil: null }),
    withJson: fc.boolean(),
  });

  it('is the JSON of the rows, whether a row brings its text or not', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const writes = rows.map(({ withJson, ...r }) => (withJson ? { ...r, docJson: JSON.stringify(r.doc) } : r));
        const expected = rows.map((r) => ({ id: r.id, seq: r.seq, doc: r.doc, deleted: r.deleted, till_id: r.tillId }));
        expect(JSON.parse(batchJson(writes))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the batch text of an append-only push', () => {
  it('numbers the rows in push order and carries each checked text as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: text, content: fc.dictionary(text, value, { maxKeys: 4 }) }), { maxLength: 5 }), (rows) => {
        const accepted = rows.map((r, index) => ({
          index,
          id: r.id,
          content: r.content,
          contentJson: JSON.stringify(r.content),
          deleted: false,
          assumed: null,
        }));
        const expected = rows.map((r, n) => ({ n, id: r.id, doc: r.content }));
        expect(JSON.parse(appendOnlyBatch(accepted))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 500 },
    );
  });
});
