import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyChain, type EventPayload, type SealedRecord } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalCorruptError, JournalStore } from './journal-store';
import { loadOrCreateTillKey } from './key-store';
import { Sealer } from './sealer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pos-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const start = (i: number): EventPayload => ({ type: 'till.start', appVersion: `0.0.${i}` });

async function openSealer(now?: () => Date) {
  const journal = await JournalStore.open(dir);
  const key = await loadOrCreateTillKey(dir);
  return { journal, key, sealer: new Sealer(journal, key, { storeId: 'S001', tillId: 'T01' }, now) };
}

describe('Sealer and JournalStore', () => {
  it('seals a gap-free, signed chain that core verifies', async () => {
    const { journal, key, sealer } = await openSealer();
    const records = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sealer.seal({ chain: 'event', id: `e${i}`, payload: start(i) })),
    );
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verifyChain(await journal.read('event', 0, 100), key.publicKeyHex)).toEqual([]);
    await journal.close();
  });

  it('returns the first seal for a retried id and refuses other content under the same id', async () => {
    const { journal, sealer } = await openSealer();
    const first = await sealer.seal({ chain: 'event', id: 'same', payload: start(1) });
    const again = await sealer.seal({ chain: 'event', id: 'same', payload: start(1) });
    expect(again).toEqual(first);
    await expect(sealer.seal({ chain: 'event', id: 'same', payload: start(2) })).rejects.toMatchObject({ code: 'SEAL_CONFLICT' });
    expect(journal.head('event')?.seq).toBe(1);
    await journal.close();
  });

  it('keeps separate sequences per chain and survives a restart with the same key', async () => {
    const a = await openSealer();
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: start(1) });
    await a.sealer.seal({ chain: 'event', id: 'e2', payload: start(2) });
    await a.journal.close();
    const b = await openSealer();
    expect(b.key.publicKeyHex).toBe(a.key.publicKeyHex);
    expect(b.journal.head('event')?.seq).toBe(2);
    expect(b.journal.head('sale')).toBeNull();
    const e3 = await b.sealer.seal({ chain: 'event', id: 'e3', payload: start(3) });
    expect(e3.seq).toBe(3);
    expect(verifyChain(await b.journal.read('event', 0, 10), b.key.publicKeyHex)).toEqual([]);
    expect((await b.journal.get('e2'))?.seq).toBe(2);
    await b.journal.close();
  });

  it('keeps the private key readable by the owner only', async () => {
    await loadOrCreateTillKey(dir);
    expect((await stat(path.join(dir, 'keys', 'till-ed25519.pem'))).mode & 0o777).toBe(0o600);
  });

  it('drops a torn last line left by a crash mid-append, and reports it', async () => {
    const a = await openSealer();
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: start(1) });
    await a.journal.close();
    const [segment] = await readdir(path.join(dir, 'journal'));
    await appendFile(path.join(dir, 'journal', segment!), '{"chain":"event","id":"e2","se');
    const b = await openSealer();
    expect(b.journal.repairs).toEqual([{ segment, droppedBytes: 30 }]);
    expect(b.journal.head('event')?.seq).toBe(1);
    expect((await b.sealer.seal({ chain: 'event', id: 'e2', payload: start(2) })).seq).toBe(2);
    expect((await readFile(path.join(dir, 'journal', segment!), 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
    await b.journal.close();
  });

  it('refuses to open a journal with a damaged line in the middle', async () => {
    const a = await openSealer();
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: start(1) });
    await a.journal.close();
    const [segment] = await readdir(path.join(dir, 'journal'));
    await appendFile(path.join(dir, 'journal', segment!), 'garbage\n');
    await expect(JournalStore.open(dir)).rejects.toBeInstanceOf(JournalCorruptError);
  });

  it('never appends to an older month when the clock goes back', async () => {
    let now = new Date('2026-12-01T00:00:10Z');
    const a = await openSealer(() => now);
    await a.sealer.seal({ chain: 'event', id: 'e1', payload: start(1) });
    now = new Date('2026-11-30T23:59:00Z');
    const back: SealedRecord = await a.sealer.seal({ chain: 'event', id: 'e2', payload: start(2) });
    await a.journal.close();
    expect(await readdir(path.join(dir, 'journal'))).toEqual(['2026-12.jsonl']);
    const b = await openSealer();
    expect((await b.journal.get('e2'))?.hash).toBe(back.hash);
    await b.journal.close();
  });

  it('counts reprints per sale from the journal', async () => {
    const a = await openSealer();
    for (const n of [1, 2]) {
      await a.sealer.seal({
        chain: 'event',
        id: `r${n}`,
        payload: { type: 'receipt.reprint', saleId: 's1', receiptSeq: 1, reprintNumber: n, staffId: 'x' },
      });
    }
    await a.journal.close();
    const b = await openSealer();
    expect(b.journal.reprintCount('s1')).toBe(2);
    expect(b.journal.reprintCount('s2')).toBe(0);
    await b.journal.close();
  });
});
