import { generateKeyPairSync, sign } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chainHash, GENESIS_HASH, nobleCrypto, type FiscalCrypto, type SealedRecord } from '@pos/core';
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
  trackedFs,
} from './fiscal-test-kit';
import { JournalStore } from './journal-store';
import { loadOrCreateTillKey } from './key-store';
import { nodeFiscalCrypto } from './node-fiscal-crypto';

let dir = '';
beforeEach(async () => void (dir = await makeTempDir()));
afterEach(() => removeDir(dir));

const checkpointFile = () => path.join(dir, 'journal', 'checkpoint.json');
const readCheckpointJson = async () => JSON.parse(await readFile(checkpointFile(), 'utf8')) as { heads: { event?: { seq: number } } };

/** Node's crypto, counting signature verifications. */
function countingCrypto(): FiscalCrypto & { verified: number } {
  const crypto = {
    verified: 0,
    sha256: nodeFiscalCrypto.sha256,
    verifyEd25519: (s: Uint8Array, m: Uint8Array, k: Uint8Array) => {
      crypto.verified += 1;
      return nodeFiscalCrypto.verifyEd25519(s, m, k);
    },
  };
  return crypto;
}

/** Seals `count` events with a checkpoint every `every`, and stops as a crash would (no close, no final checkpoint). */
async function sealWithoutClosing(count: number, every: number): Promise<void> {
  const files = trackedFs();
  const till = await openTill(dir, { checkpointEvery: every, fs: files.fs });
  for (let i = 1; i <= count; i++) await till.sealer.seal({ chain: 'event', id: `e${i}`, payload: startEvent(i) });
  await files.closeAll();
}

describe('JournalStore.open verifies the journal', () => {
  it('opens a sound journal with its signed checkpoint, verifying one by one only the records after it', async () => {
    await sealWithoutClosing(10, 4);
    expect((await readCheckpointJson()).heads.event?.seq).toBe(9);
    const crypto = countingCrypto();
    const journal = await JournalStore.open(dir, { crypto });
    expect(journal.status).toEqual({ state: 'ok' });
    // The checkpoint's signature, then record 10.
    expect(crypto.verified).toBe(2);
    await journal.close();
  });

  it('verifies every record when the checkpoint is removed', async () => {
    await sealEvents(dir, 6);
    await rm(checkpointFile());
    const crypto = countingCrypto();
    const journal = await JournalStore.open(dir, { crypto });
    expect(journal.status).toEqual({ state: 'ok' });
    expect(crypto.verified).toBe(6);
    await journal.close();
  });

  it('writes a checkpoint at close with the key it was opened with, even when nothing was appended', async () => {
    await sealEvents(dir, 3);
    await rm(checkpointFile());
    const key = await loadOrCreateTillKey(dir);
    await (await JournalStore.open(dir, { key })).close();
    expect((await readCheckpointJson()).heads.event?.seq).toBe(3);
    const crypto = countingCrypto();
    await (await JournalStore.open(dir, { crypto })).close();
    expect(crypto.verified).toBe(1);
  });

  it('names the record when one byte changed before the checkpoint', async () => {
    await sealEvents(dir, 6);
    await editLine(await onlySegment(dir), 3, flipVersionDigit);
    const journal = await JournalStore.open(dir);
    expect(journal.status).toEqual({
      state: 'stopped',
      reason: 'journal-damaged',
      problems: [{ chain: 'event', seq: 4, id: 'e4', code: 'hash', problem: 'content does not match its hash' }],
    });
    await journal.close();
  });

  it('names the record when one byte changed after the checkpoint', async () => {
    await sealWithoutClosing(10, 4);
    await editLine(await onlySegment(dir), 9, flipVersionDigit);
    const journal = await JournalStore.open(dir);
    expect(journal.status).toMatchObject({ state: 'stopped', problems: [{ chain: 'event', seq: 10, id: 'e10', code: 'hash' }] });
    await journal.close();
  });

  it('names the record when the checkpoint was removed to hide an edit', async () => {
    await sealEvents(dir, 6);
    await editLine(await onlySegment(dir), 1, flipVersionDigit);
    await rm(checkpointFile());
    const journal = await JournalStore.open(dir);
    expect(journal.status).toMatchObject({ state: 'stopped', problems: [{ seq: 2, id: 'e2', code: 'hash' }] });
    await journal.close();
  });

  it('verifies everything when the checkpoint was rewritten to match an edit (its signature fails)', async () => {
    await sealEvents(dir, 6);
    const file = await onlySegment(dir);
    await editLine(file, 1, flipVersionDigit);
    const bytes = await readFile(file);
    const checkpoint = JSON.parse(await readFile(checkpointFile(), 'utf8')) as { segments: { bytes: number; sha256: string }[] };
    checkpoint.segments[0] = { bytes: bytes.length, sha256: Buffer.from(nodeFiscalCrypto.sha256(bytes)).toString('hex') };
    await writeFile(checkpointFile(), JSON.stringify(checkpoint));
    const journal = await JournalStore.open(dir);
    expect(journal.status).toMatchObject({ state: 'stopped', problems: [{ seq: 2, id: 'e2', code: 'hash' }] });
    await journal.close();
  });

  it('catches the last record dropped before a checkpoint', async () => {
    await sealEvents(dir, 5);
    const file = await onlySegment(dir);
    const lines = await journalLines(file);
    await writeFile(file, `${lines.slice(0, 4).join('\n')}\n`);
    const journal = await JournalStore.open(dir);
    expect(journal.status.state).toBe('stopped');
    expect(journal.status.state === 'stopped' && journal.status.problems.map((p) => [p.chain, p.seq, p.code])).toEqual([
      ['', 0, 'segment'],
      ['event', 5, 'missing'],
    ]);
    await journal.close();
  });

  it('catches a month file removed', async () => {
    let now = new Date('2026-11-30T12:00:00Z');
    const till = await openTill(dir, { now: () => now });
    await till.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    now = new Date('2026-12-01T12:00:00Z');
    await till.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    await till.journal.close();
    await rm(path.join(dir, 'journal', '2026-11.jsonl'));
    const journal = await JournalStore.open(dir);
    expect(journal.status.state === 'stopped' && journal.status.problems.map((p) => [p.id, p.code])).toEqual(
      expect.arrayContaining([
        ['e2', 'sequence'],
        ['2026-11.jsonl', 'segment'],
      ]),
    );
    await journal.close();
  });

  it('names a record whose signature is not the till’s', async () => {
    await sealEvents(dir, 4);
    const forger = generateKeyPairSync('ed25519').privateKey;
    await editLine(await onlySegment(dir), 2, (line) => {
      const record = JSON.parse(line) as SealedRecord;
      return JSON.stringify({ ...record, signature: sign(null, Buffer.from(record.hash, 'hex'), forger).toString('hex') });
    });
    await rm(checkpointFile());
    const journal = await JournalStore.open(dir);
    expect(journal.status).toMatchObject({ state: 'stopped', problems: [{ seq: 3, id: 'e3', code: 'signature' }] });
    await journal.close();
  });

  it('names an unparseable line in the middle and the record after it', async () => {
    await sealEvents(dir, 4);
    const file = await onlySegment(dir);
    await editLine(file, 1, () => 'garbage');
    const journal = await JournalStore.open(dir);
    const name = path.basename(file);
    expect(journal.status.state === 'stopped' && journal.status.problems.map((p) => [p.id, p.seq, p.code])).toEqual([
      [`${name}:2`, 0, 'unparseable'],
      ['e3', 3, 'sequence'],
      ['e3', 3, 'link'],
    ]);
    await journal.close();
  });

  it('names a repeated sequence number', async () => {
    await sealEvents(dir, 3);
    const file = await onlySegment(dir);
    const lines = await journalLines(file);
    const e2 = JSON.parse(lines[1]!) as SealedRecord;
    const key = await loadOrCreateTillKey(dir);
    const fields = { ...e2, id: 'e2-again', payload: startEvent(9) };
    const { prevHash: _p, hash: _h, signature: _s, ...sealed } = fields;
    const hash = chainHash(e2.prevHash, sealed, nodeFiscalCrypto);
    const repeat = { ...sealed, prevHash: e2.prevHash, hash, signature: key.sign(Buffer.from(hash, 'hex')) };
    await writeFile(file, `${[...lines, JSON.stringify(repeat)].join('\n')}\n`);
    const journal = await JournalStore.open(dir);
    expect(journal.status.state === 'stopped' && journal.status.problems.map((p) => [p.id, p.seq, p.code])).toEqual([
      ['e2-again', 2, 'sequence'],
      ['e2-again', 2, 'link'],
    ]);
    await journal.close();
  });

  it('never cuts a line the checkpoint signed, even without its newline', async () => {
    await sealEvents(dir, 3);
    const file = await onlySegment(dir);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 1));
    const journal = await JournalStore.open(dir);
    expect(journal.repairs).toEqual([]);
    expect(journal.status.state).toBe('stopped');
    expect((await readFile(file)).length).toBe(bytes.length - 1);
    await journal.close();
  });

  it('reads a journal of format 0 records (sealed before format 1) and chains format 1 after them', async () => {
    const key = await loadOrCreateTillKey(dir);
    let prevHash = GENESIS_HASH;
    const lines: string[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const fields = {
        chain: 'event' as const,
        id: `old${seq}`,
        seq,
        storeId: 'S001',
        tillId: 'T01',
        sealedAt: '2026-10-01T10:00:00.000Z',
        keyId: key.keyId,
        payload: startEvent(seq),
      };
      const hash = chainHash(prevHash, fields, nobleCrypto);
      lines.push(JSON.stringify({ ...fields, prevHash, hash, signature: key.sign(Buffer.from(hash, 'hex')) }));
      prevHash = hash;
    }
    await loadOrCreateTillKey(dir);
    await JournalStore.open(dir).then((j) => j.close());
    await writeFile(path.join(dir, 'journal', '2026-10.jsonl'), `${lines.join('\n')}\n`);
    const a = await openTill(dir);
    expect(a.journal.status).toEqual({ state: 'ok' });
    expect((await a.sealer.seal({ chain: 'event', id: 'new4', payload: startEvent(4) })).prevHash).toBe(prevHash);
    await a.journal.close();
    const b = await JournalStore.open(dir);
    expect(b.status).toEqual({ state: 'ok' });
    await b.close();
  });
});

describe('JournalStore indexers', () => {
  it('are fed every record at open in journal order, then each append, once', async () => {
    await sealEvents(dir, 3);
    const seen: string[] = [];
    const till = await openTill(dir, { indexers: [(r) => seen.push(`${r.chain}:${r.seq}`)] });
    expect(seen).toEqual(['event:1', 'event:2', 'event:3']);
    await till.sealer.seal({
      chain: 'duplicate',
      id: 'd1',
      payload: { type: 'duplicate', saleId: 's1', receiptSeq: 1, duplicateNumber: 1, staffId: 'x' },
    });
    await till.sealer.seal({ chain: 'event', id: 'e4', payload: startEvent(4) });
    expect(seen.slice(3)).toEqual(['duplicate:1', 'event:4']);
    await till.journal.close();
  });
});
