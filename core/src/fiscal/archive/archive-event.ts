import { integer, literal, object, pattern, text, type Check } from '../../validation/shape';

/**
 * The till archived its own journal (JET 20, or 30 for a whole fiscal year): which period, how
 * many records, and the SHA-256 of the manifest it signed, so the archive handed to an inspector
 * is tied to the journal that says it was made. Sealed after the archive is written (it needs the
 * manifest's hash): the event is in the next archive, never in the one it describes.
 */
export type ArchiveExportPayload = {
  readonly type: 'archive.export';
  readonly archiveId: string;
  /** The period's dates, inclusive (the records' `sealedAt`, UTC), as in the manifest. */
  readonly from: string;
  readonly to: string;
  readonly jetCode: 20 | 30;
  readonly records: number;
  readonly manifestSha256: string;
  /** The till key that signed the manifest. */
  readonly keyId: string;
  /** Who asked (the signed-in manager). */
  readonly staffId: string;
};

const DATE = pattern(/^\d{4}-\d{2}-\d{2}$/, 10, 'a date YYYY-MM-DD');

/** Added to the event chain's shapes (record-shapes.ts); published in event-record.schema.json. */
export const ARCHIVE_EVENT_SHAPES: Readonly<Record<string, Check>> = {
  'archive.export': object({
    type: literal('archive.export'),
    archiveId: text(64, 1),
    from: DATE,
    to: DATE,
    jetCode: literal(20, 30),
    records: integer(0),
    manifestSha256: pattern(/^[0-9a-f]{64}$/, 64, '64 lowercase hex digits'),
    keyId: pattern(/^[0-9a-f]{16}$/, 16, '16 lowercase hex digits'),
    staffId: text(64, 1),
  }),
};
