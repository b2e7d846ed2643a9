import { readFile } from 'node:fs/promises';
import { verifyChain, type FiscalStatus, type SealedRecord } from '@pos/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultyFs, journalLines, makeTempDir, removeDir, onlySegment, openTill, startEvent } from './fiscal-test-kit';
import { JournalStore } from './journal-store';

let dir = '';
beforeEach(async () => void (dir = await makeTempDir()));
afterEach(() => removeDir(dir));

const seqsOf = (lines: string[]) => lines.map((line) => (JSON.parse(line) as SealedRecord).seq);

describe('JournalStore when a write fails', () => {
  it('cuts back a record whose flush failed, so the next seal takes its sequence and nothing repeats', async () => {
    let flushFails = false;
    const fail = () => (flushFails ? ((flushFails = false), new Error('EIO: i/o error')) : null);
    const till = await openTill(dir, { fs: faultyFs({ datasync: { fail, afterCall: true } }) });
    await till.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    const file = await onlySegment(dir);
    const before = await readFile(file);

    flushFails = true;
    await expect(till.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) })).rejects.toThrow('EIO');
    expect(await readFile(file)).toEqual(before);
    expect(till.journal.status).toEqual({ state: 'ok' });

    const retried = await till.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) });
    expect(retried.seq).toBe(2);
    await till.journal.close();

    expect(seqsOf(await journalLines(file))).toEqual([1, 2]);
    const reopened = await JournalStore.open(dir);
    expect(reopened.status).toEqual({ state: 'ok' });
    expect(verifyChain(await reopened.read('event', 0, 10), till.key.publicKeyHex)).toEqual([]);
    await reopened.close();
  });

  it('cuts back a record whose write failed after its bytes reached the file', async () => {
    let failNext = false;
    const till = await openTill(dir, {
      fs: faultyFs({
        write: { fail: () => (failNext ? ((failNext = false), new Error('ENOSPC: no space left on device')) : null), afterCall: true },
      }),
    });
    await till.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    failNext = true;
    await expect(till.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) })).rejects.toThrow('ENOSPC');
    expect((await till.sealer.seal({ chain: 'event', id: 'e3', payload: startEvent(3) })).seq).toBe(2);
    await till.journal.close();
    expect(seqsOf(await journalLines(await onlySegment(dir)))).toEqual([1, 2]);
    const reopened = await JournalStore.open(dir);
    expect(reopened.status).toEqual({ state: 'ok' });
    await reopened.close();
  });

  it('stops, never repeating a sequence, when the file cannot be cut back either', async () => {
    let broken = false;
    const fault = () => (broken ? new Error('EIO: i/o error') : null);
    const statuses: FiscalStatus[] = [];
    const till = await openTill(dir, {
      fs: faultyFs({ datasync: { fail: fault, afterCall: true }, truncate: { fail: fault } }),
      onStatus: (status) => statuses.push(status),
    });
    await till.sealer.seal({ chain: 'event', id: 'e1', payload: startEvent(1) });
    broken = true;
    await expect(till.sealer.seal({ chain: 'event', id: 'e2', payload: startEvent(2) })).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    broken = false;
    expect(till.journal.status).toMatchObject({
      state: 'stopped',
      reason: 'write-failed',
      problems: [{ chain: 'event', seq: 2, id: 'e2', code: 'write-failed' }],
    });
    expect(statuses).toEqual([till.journal.status]);
    await expect(till.sealer.seal({ chain: 'event', id: 'e3', payload: startEvent(3) })).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    await expect(till.sealer.sealIntegrityEvent()).rejects.toMatchObject({ code: 'SEALING_STOPPED' });
    await till.journal.close();

    // The record that reached the disk is a sound record: the next start goes on after it.
    const file = await onlySegment(dir);
    expect(seqsOf(await journalLines(file))).toEqual([1, 2]);
    const next = await openTill(dir);
    expect(next.journal.status).toEqual({ state: 'ok' });
    expect((await next.sealer.seal({ chain: 'event', id: 'e3', payload: startEvent(3) })).seq).toBe(3);
    await next.journal.close();
    expect(seqsOf(await journalLines(file))).toEqual([1, 2, 3]);
  });
});
