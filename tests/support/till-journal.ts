import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A sealed record of the till's journal, as much of it as the tests read. */
export type JournalRecord = {
  readonly chain: string;
  readonly id: string;
  readonly seq: number;
  readonly payload: { readonly type: string; readonly kind?: string } & Record<string, unknown>;
};

/** Every record the till host sealed in its journal files (`<dataDir>/journal/*.jsonl`), chain by chain in sequence order. */
export async function journalRecords(dataDir: string): Promise<JournalRecord[]> {
  const dir = path.join(dataDir, 'journal');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JournalRecord)
    .sort((a, b) => a.chain.localeCompare(b.chain) || a.seq - b.seq);
}

/**
 * How many records of each kind the journal holds (sales and returns by their kind, the others by
 * their payload type), and the ids sealed twice: what "nothing lost, nothing doubled" compares.
 */
export async function journalCounts(dataDir: string): Promise<{ counts: Record<string, number>; doubled: string[] }> {
  const records = await journalRecords(dataDir);
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  const doubled: string[] = [];
  for (const r of records) {
    const what = r.chain === 'sale' ? (r.payload.kind ?? 'sale') : r.payload.type;
    counts[what] = (counts[what] ?? 0) + 1;
    const key = `${r.chain}/${r.id}`;
    if (seen.has(key)) doubled.push(key);
    seen.add(key);
  }
  return { counts, doubled };
}
