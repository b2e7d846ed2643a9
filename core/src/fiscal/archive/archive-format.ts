import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { array, check, integer, literal, object, pattern, text } from '../../validation/shape';
import { HEX_64 } from '../record-shapes';

/**
 * The signed fiscal archive (docs/fiscal.md §12): a zip holding, per till and chain, the sealed
 * records as JSON lines (`records/<tillId>/<chain>.jsonl`), the sales flat as CSV
 * (`records/<tillId>/sale.csv`), the tills' public keys and rotation records (`keys.json`), a
 * manifest (`manifest.json`) naming every file with its SHA-256, and the manifest's detached
 * Ed25519 signature (`manifest.sig`) by the hub's archive key.
 */
export const ARCHIVE_FORMAT = 'pos-fiscal-archive/1';
export const ARCHIVE_SIGNATURE_DOMAIN = 'POS-FISCAL-ARCHIVE-V1';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const KEYS_FILE = 'keys.json';

/** Longest period one archive may cover (the law: at most a year, or a fiscal year). */
export const MAX_PERIOD_MONTHS = 12;

export type ArchiveFileEntry = {
  readonly name: string;
  /** SHA-256 of the file's bytes, lowercase hex. */
  readonly sha256: string;
  readonly bytes: number;
  /** Records (JSON lines) or rows (CSV, without its header) it holds. */
  readonly records?: number;
};

/**
 * Where one chain of one till stands in the archive: before its first record (`start`: the
 * sequence and hash it continues from, 0 and the genesis hash for a chain's beginning) and at its
 * last (`last`: the chain's head at export within the period). A file cut short no longer reaches
 * `last`.
 */
export type ArchiveChainEntry = {
  readonly tillId: string;
  readonly chain: string;
  readonly file: string;
  readonly records: number;
  readonly start: { readonly seq: number; readonly hash: string };
  readonly last: { readonly seq: number; readonly hash: string };
};

export type ArchiveManifest = {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly storeId: string;
  readonly tillIds: readonly string[];
  /** Calendar dates, inclusive, of the records' `sealedAt` (UTC). */
  readonly period: { readonly from: string; readonly to: string };
  readonly createdAt: string;
  /** The hub key that signs `manifest.sig`: its id and public key (hex). */
  readonly archiveKey: { readonly keyId: string; readonly publicKey: string };
  readonly files: readonly ArchiveFileEntry[];
  readonly chains: readonly ArchiveChainEntry[];
};

/** A till's keys as the hub registered them at enrollment (rotations are proved by their records). */
export type ArchiveTillKeys = {
  readonly tillId: string;
  readonly keys: readonly { readonly keyId: string; readonly publicKey: string; readonly source: string; readonly registeredAt: string }[];
  /** Every `key.rotate` record the till sealed up to the end of the period, whole, in sequence order. */
  readonly rotations: readonly unknown[];
};

export type ArchiveKeys = { readonly storeId: string; readonly tills: readonly ArchiveTillKeys[] };

/** Chain files of a till are written and read events first (rotations, anchors), then closings, then the rest. */
export const CHAIN_ORDER = (chain: string) => (chain === 'event' ? 0 : chain === 'closing' ? 1 : 2);

export const recordsFileName = (tillId: string, chain: string) => `records/${tillId}/${chain}.jsonl`;
export const salesCsvName = (tillId: string) => `records/${tillId}/sale.csv`;

/** The bytes the archive key signs: the domain, a zero byte, then the manifest file's bytes as they are. */
export function manifestSignatureMessage(manifestBytes: Uint8Array): Uint8Array {
  return concatBytes(utf8ToBytes(`${ARCHIVE_SIGNATURE_DOMAIN}\u0000`), manifestBytes);
}

const DATE = pattern(/^\d{4}-\d{2}-\d{2}$/, 10, 'a date YYYY-MM-DD');
const ID = pattern(/^[A-Za-z0-9._-]{1,64}$/, 64, 'an id of letters, digits, dot, dash or underscore');
const head = object({ seq: integer(0), hash: HEX_64 });
const MAX_FILES = 10_000;

const MANIFEST_SHAPE = object({
  format: literal(ARCHIVE_FORMAT),
  storeId: ID,
  tillIds: array(ID, 1000),
  period: object({ from: DATE, to: DATE }),
  createdAt: text(40, 1),
  archiveKey: object({ keyId: pattern(/^[0-9a-f]{16}$/, 16, '16 lowercase hex digits'), publicKey: HEX_64 }),
  files: array(object({ name: text(200, 1), sha256: HEX_64, bytes: integer(0) }, { records: integer(0) }), MAX_FILES),
  chains: array(object({ tillId: ID, chain: text(16, 1), file: text(200, 1), records: integer(0), start: head, last: head }), MAX_FILES),
});

export function manifestShapeProblems(value: unknown): string[] {
  return check(MANIFEST_SHAPE, value, 'manifest');
}

function parseDate(date: string): Date | null {
  const d = new Date(`${date}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date ? null : d;
}

/**
 * Why a period cannot be archived, or null: dates YYYY-MM-DD, `from` not after `to`, and at most
 * twelve months (2026-01-01 to 2026-12-31 is; 2026-01-01 to 2027-01-01 is not).
 */
export function archivePeriodProblem(from: string, to: string): string | null {
  const start = parseDate(from);
  const end = parseDate(to);
  if (!start || !end) return 'the period needs two dates written YYYY-MM-DD';
  if (start > end) return `the period starts (${from}) after it ends (${to})`;
  const limit = new Date(start);
  limit.setUTCMonth(limit.getUTCMonth() + MAX_PERIOD_MONTHS);
  if (end >= limit) return `the period ${from} to ${to} is longer than ${MAX_PERIOD_MONTHS} months: archive at most a year at a time`;
  return null;
}

/** True when a record's `sealedAt` (UTC) falls on a date of the period. */
export function inPeriod(sealedAt: string, period: { readonly from: string; readonly to: string }): boolean {
  const date = sealedAt.slice(0, 10);
  return date >= period.from && date <= period.to;
}

/**
 * The JET code of an archive (NF525, shared/FISCAL.md A.4): 30 for a whole fiscal year (from the
 * first of `fiscalYearStartMonth` to the day before the same date a year later; the calendar year
 * when it starts in January), 20 for any other period.
 */
export function archiveJetCode(period: { readonly from: string; readonly to: string }, fiscalYearStartMonth = 1): 20 | 30 {
  const start = parseDate(period.from);
  if (!start || start.getUTCDate() !== 1 || start.getUTCMonth() + 1 !== fiscalYearStartMonth) return 20;
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  const last = new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
  return period.to === last ? 30 : 20;
}
