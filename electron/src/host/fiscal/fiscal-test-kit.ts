import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventPayload, SealedRecord } from '@pos/core';
import { JournalStore, type JournalOpenOptions } from './journal-store';
import { loadOrCreateTillKey } from './key-store';
import { Sealer } from './sealer';
import type { FiscalFileHandle, FiscalFs } from './fiscal-fs';
import { nodeFiscalFs } from './fiscal-fs';

/** Test helpers for the fiscal folder: a till in a temp dir, and ways to damage its journal as an intruder or a failing disk would. */
export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'pos-fiscal-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export const startEvent = (i: number): EventPayload => ({ type: 'till.start', appVersion: `0.0.${i}` });

export async function openTill(dir: string, options: JournalOpenOptions & { readonly now?: () => Date } = {}) {
  const key = await loadOrCreateTillKey(dir);
  const journal = await JournalStore.open(dir, options);
  return { key, journal, sealer: new Sealer(journal, key, { storeId: 'S001', tillId: 'T01' }, options.now) };
}

/** Seals `count` events e1…eN and closes the journal (a checkpoint is written at close). */
export async function sealEvents(dir: string, count: number, options: JournalOpenOptions = {}): Promise<SealedRecord[]> {
  const till = await openTill(dir, options);
  const records: SealedRecord[] = [];
  for (let i = 1; i <= count; i++) records.push(await till.sealer.seal({ chain: 'event', id: `e${i}`, payload: startEvent(i) }));
  await till.journal.close();
  return records;
}

export async function onlySegment(dir: string): Promise<string> {
  const names = (await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.jsonl'));
  if (names.length !== 1) throw new Error(`expected one journal file, found ${names.join(', ')}`);
  return path.join(dir, 'journal', names[0]!);
}

export async function journalLines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
}

/** Rewrites the file with line `index` (0-based) replaced by `edit(line)`. */
export async function editLine(file: string, index: number, edit: (line: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  lines[index] = edit(lines[index]!);
  await writeFile(file, lines.join('\n'));
}

/** One changed byte inside a record's payload: `appVersion":"0.0.N"` becomes `0.0.N` with another digit. */
export const flipVersionDigit = (line: string): string =>
  line.replace(/"appVersion":"0\.0\.(\d)/, (_m, d: string) => `"appVersion":"0.0.${(Number(d) + 1) % 10}`);

/** A failure of one handle call: `fail` says whether this call fails; `afterCall` lets the real call run first (the bytes reach the file, then the call reports failure, as a disk whose flush fails does). */
export type HandleFault = { readonly fail: () => Error | null; readonly afterCall?: boolean };

export type HandleFaults = Partial<Record<'write' | 'datasync' | 'truncate' | 'sync', HandleFault>>;

/** The real file system, except that the append handles of journal files fail as `faults` decide. */
export function faultyFs(faults: HandleFaults): FiscalFs {
  return {
    ...nodeFiscalFs,
    open: async (file, flags, mode) => {
      const handle = await nodeFiscalFs.open(file, flags, mode);
      if (flags !== 'a' || !file.endsWith('.jsonl')) return handle;
      const wrap =
        <A extends unknown[], R>(name: keyof HandleFaults, call: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          const fault = faults[name];
          const before = fault && !fault.afterCall ? fault.fail() : null;
          if (before) throw before;
          const result = await call(...args);
          const after = fault?.afterCall ? fault.fail() : null;
          if (after) throw after;
          return result;
        };
      const faulty: FiscalFileHandle = {
        write: wrap('write', handle.write.bind(handle)),
        read: handle.read.bind(handle),
        datasync: wrap('datasync', handle.datasync.bind(handle)),
        sync: wrap('sync', handle.sync.bind(handle)),
        truncate: wrap('truncate', handle.truncate.bind(handle)),
        close: handle.close.bind(handle),
      };
      return faulty;
    },
  };
}

/** The real file system, keeping every handle it opens so a test can drop them as a crash would (no close of the journal). */
export function trackedFs(): { readonly fs: FiscalFs; closeAll(): Promise<void> } {
  const handles: FiscalFileHandle[] = [];
  return {
    fs: {
      ...nodeFiscalFs,
      open: async (file, flags, mode) => {
        const handle = await nodeFiscalFs.open(file, flags, mode);
        handles.push(handle);
        return handle;
      },
    },
    closeAll: async () => {
      await Promise.all(handles.splice(0).map((h) => h.close().catch(() => undefined)));
    },
  };
}
