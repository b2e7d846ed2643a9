import type { SealedRecord } from '../fiscal/chain';
import type { DownloadFile } from './cash-contract';

/**
 * The till's archive of its own journal (issue 12, docs/fiscal.md §12.4): the hub's format,
 * signed by the till's key, written to the host's data directory and served in pieces.
 */

/** The period's two dates, inclusive, of the records' `sealedAt` (UTC): at most twelve months. */
export type ArchiveCreateRequest = { readonly from: string; readonly to: string };

export type ArchiveResult = {
  readonly archiveId: string;
  /** The zip's name in the host's `archives/` folder: what `archive.download` takes. */
  readonly file: string;
  readonly bytes: number;
  readonly period: ArchiveCreateRequest;
  readonly records: number;
  readonly jetCode: 20 | 30;
  readonly manifestSha256: string;
  /** The till key that signed the manifest (pin it: `verify-archive --archive-key`). */
  readonly keyId: string;
  /** The `archive.export` event sealed once the archive was written. */
  readonly event: SealedRecord<'event'>;
};

/**
 * While an archive is written: records of the journal read so far, of `total`; the last one carries
 * the archive made (`done`), for a page whose call gave up waiting (the browser bridge's 30 s).
 */
export type ArchiveProgress = { readonly records: number; readonly total: number; readonly done?: ArchiveResult };

/** One piece of an archive (base64), from `offset`, of a file of `total` bytes. */
export type ArchiveChunk = DownloadFile & { readonly offset: number; readonly total: number };

export type ArchiveContract = {
  /** A manager (cash.report) archives a period of this till's journal; seals archive.export. */
  'archive.create': { readonly req: ArchiveCreateRequest; readonly res: ArchiveResult };
  /** A piece of an archive made here (at most 1 MiB); the page joins them into one file. */
  'archive.download': { readonly req: { readonly file: string; readonly offset: number }; readonly res: ArchiveChunk };
};
