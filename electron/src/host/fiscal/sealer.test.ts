import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { nobleCrypto, verifyChain, type SealedRecord, type SealRequest } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  editLine,
  flipVersionDigit,
  journalLines,
  makeTempDir,
  removeDir,
  onlySegment,
  openTill,
  sealEvents,
  startEvent,
} from './fiscal-test-kit';
import { nodeFiscalCrypto } from './node-fiscal-crypto';
import { SealedIndex } from './sealed-index';

let dir = '';
beforeEach(async () => void (dir = await makeTempDir()));
afterEach(() => removeDir(dir));

describe('Sealer and JournalStore', () => {
  it('seals a gap-free format 1 chain that core verifies, with Node’s crypto and with the pure one', async () => {
    const { journal, key, sealer } = await openTill(dir);
    const records = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sealer.seal({ chain: 'event', id: `e${i}`, payload: startEvent(i) })),
    );
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(records.every((r) => r.v === 1)).toBe(true);
    const stored = await journal.read('event', 0, 100);
    expect(verifyChain(stored, key.publicKeyHex, undefined, nodeFiscalCrypto)).toEqual([]);
    expect(verifyChain(stored, key.publicKeyHex, undefined, nobleCrypto)).toEqual([]);
    await journal.close();
  });

  it('refuses a record a verifier would refuse for its shape, and seals nothing', async () => {
    const { journal, sealer } = await openTill(dir);
    const sale = { chain: 'sale', id: 's1', payload: startEvent(1) } as unknown as SealRequest<'sale'>;
    await expect(sealer.seal(sale)).rejects.toMatchObject({ code: 'SEAL_REFUSED' });
    expect(journal.head('sale')).toBeNull();
    await journal.close();
  });

  it('returns the first seal for a retried id and refuses other content under the same id', async () => {
    const { journal, sealer } = await openTill(dir);
    const first = await sealer.seal({ chain: 'event', id: 'same', payload: startEvent(1) });
    const again = await sealer.seal({ chain: 'event', id: 'same', payload: startEvent(1) });
    expect(again).toEqual(first);
    await expect(sealer.seal({ chain: 'event', id: 'same', payload: startEvent(2) })).rejects.toMatchObject({ code: 'SEAL_CONFLICT' });
    expect(journal.head('event')?.seq).toBe(1);
    await journal.close();
  });

  it('keeps separate sequences per chain, gives every head, and survives a restart with the same key', async () => {
    const a = await openTill(dir);
    const e1 = await a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    const e2 = await a.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    const d1 = await a.sealer.seal({
      chain: 'duplicate',
      id: 'd1',
      payload: { type: 'duplicate', saleId: 's1', receiptSeq: 1, duplicateNumber: 1, staffId: 'x' },
    });
    expect(e1.seq).toBe(1);
    expect(a.journal.heads()).toEqual({ event: { seq: 2, hash: e2.hash }, duplicate: { seq: 1, hash: d1.hash } });
    await a.journal.close();
    const b = await openTill(dir);
    expect(b.key.publicKeyHex).toBe(a.key.publicKeyHex);
    expect(b.journal.status).toEqual({ state: 'ok' });
    expect(b.journal.heads()).toEqual({ event: { seq: 2, hash: e2.hash }, duplicate: { seq: 1, hash: d1.hash } });
    expect(b.journal.head('sale')).toBeNull();
    const e3 = await b.sealer.seal({ chain: 'event', id: 'e3', payload: startEvent(3) });
    expect(e3.seq).toBe(3);
    expect(verifyChain(await b.journal.read('event', 0, 10), b.key.publicKeyHex)).toEqual([]);
    expect((await b.journal.get('e2'))?.seq).toBe(2);
    await b.journal.close();
  });

  it('drops a torn last line left by a crash mid-append, and reports it', async () => {
    await sealEvents(dir, 1);
    const file = await onlySegment(dir);
    await appendFile(file, '{"chain":"event","id":"e2","se');
    const b = await openTill(dir);
    expect(b.journal.repairs).toEqual([{ segment: path.basename(file), droppedBytes: 30 }]);
    expect(b.journal.status).toEqual({ state: 'ok' });
    expect(b.journal.head('event')?.seq).toBe(1);
    expect((await b.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) })).seq).toBe(2);
    expect(await journalLines(file)).toHaveLength(2);
    await b.journal.close();
  });

  it('never appends to an older month when the clock goes back', async () => {
    let now = new Date('2026-12-01T00:00:10Z');
    const a = await openTill(dir, { now: () => now });
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    now = new Date('2026-11-30T23:59:00Z');
    const back: SealedRecord = await a.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    await a.journal.close();
    expect((await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.jsonl'))).toEqual(['2026-12.jsonl']);
    const b = await openTill(dir);
    expect(b.journal.status.state).toBe('ok');
    expect((await b.journal.get('e2'))?.hash).toBe(back.hash);
    await b.journal.close();
  });

  it('counts copies per sale from legacy reprint events and from the duplicate chain', async () => {
    const index = new SealedIndex();
    const a = await openTill(dir, { indexers: [index.add] });
    for (const n of [1, 2]) {
      await a.sealer.seal({
        chain: 'event',
        id: `r${n}`,
        payload: { type: 'receipt.reprint', saleId: 's1', receiptSeq: 1, reprintNumber: n, staffId: 'x' },
      });
    }
    await a.sealer.seal({
      chain: 'duplicate',
      id: 'd3',
      payload: { type: 'duplicate', saleId: 's1', receiptSeq: 1, duplicateNumber: 3, staffId: 'x' },
    });
    await a.sealer.seal({
      chain: 'duplicate',
      id: 'd-s2',
      payload: { type: 'duplicate', saleId: 's2', receiptSeq: 2, duplicateNumber: 1, staffId: 'x' },
    });
    expect(index.duplicateCount('s1')).toBe(3);
    await a.journal.close();
    const reopened = new SealedIndex();
    const b = await openTill(dir, { indexers: [reopened.add] });
    expect(reopened.duplicateCount('s1')).toBe(3);
    expect(reopened.duplicateCount('s2')).toBe(1);
    expect(reopened.duplicateCount('s3')).toBe(0);
    await b.journal.close();
  });
});

describe('Sealer on a stopped journal', () => {
  it('refuses every seal, seals the one integrity event naming the damage, and does not add another after a restart', async () => {
    await sealEvents(dir, 5);
    await editLine(await onlySegment(dir), 2, flipVersionDigit);

    const a = await openTill(dir);
    expect(a.journal.status).toMatchObject({ state: 'stopped', reason: 'journal-damaged' });
    await expect(a.sealer.seal({ chain: 'event', id: 'e6', payload: startEvent(6) })).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    await expect(a.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) })).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    const integrity = await a.sealer.sealIntegrityEvent();
    expect(integrity).toMatchObject({ chain: 'event', seq: 6, v: 1 });
    expect(integrity?.payload).toEqual({
      type: 'journal.integrity',
      problemCount: 1,
      problems: [{ chain: 'event', seq: 3, id: 'e3', code: 'hash', problem: 'content does not match its hash' }],
    });
    expect(await a.sealer.sealIntegrityEvent()).toEqual(integrity);
    expect(await a.sealer.sealIntegrityEvent(a.journal.status.state === 'stopped' ? a.journal.status.problems : [])).toEqual(integrity);
    await expect(a.sealer.seal({ chain: 'event', id: 'e7', payload: startEvent(7) })).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    await a.journal.close();

    const b = await openTill(dir);
    // Still stopped: no checkpoint was written over the damage, so it is found again, and only there.
    expect(b.journal.status).toMatchObject({ state: 'stopped', problems: [{ seq: 3, id: 'e3', code: 'hash' }] });
    expect(await b.sealer.sealIntegrityEvent()).toEqual(integrity);
    expect(await journalLines(await onlySegment(dir))).toHaveLength(6);
    await b.journal.close();
  });

  it('seals nothing on a sound journal’s behalf', async () => {
    const { journal, sealer } = await openTill(dir);
    expect(await sealer.sealIntegrityEvent()).toBeNull();
    expect(journal.head('event')).toBeNull();
    await journal.close();
  });

  it('keeps reads working on a damaged journal, for support', async () => {
    await sealEvents(dir, 4);
    await editLine(await onlySegment(dir), 1, flipVersionDigit);
    const { journal } = await openTill(dir);
    expect(journal.status.state).toBe('stopped');
    expect((await journal.read('event', 0, 10)).map((r) => r.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(journal.heads().event?.seq).toBe(4);
    expect(JSON.parse(await readFile(path.join(dir, 'journal', 'checkpoint.json'), 'utf8'))).toMatchObject({
      heads: { event: { seq: 4 } },
    });
    await journal.close();
  });
});
