/** Where the journal lives in the host's data directory, and how its files are named. */
export const JOURNAL_FOLDER = 'journal';

/** One file per month of the till's clock: journal/YYYY-MM.jsonl, one sealed record per line. */
export const SEGMENT_NAME = /^\d{4}-\d{2}\.jsonl$/;

/** The signed statement of the journal's files and chain heads (core's JournalCheckpoint). */
export const CHECKPOINT_FILE = 'checkpoint.json';

export function segmentOf(sealedAt: string): string {
  return `${sealedAt.slice(0, 7)}.jsonl`;
}
