import type { TillArchives } from '../archive/till-archives';
import type { HandlerGroup } from './handler-registry';
import { integer, record, text } from './request-guards';

/** Dates as written in a period; the period itself (order, twelve months) is checked by core with a coded refusal. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An archive's name as the host makes it (archiveFileName): no folder, no dot first, so nothing outside archives/ is served. */
const ARCHIVE_FILE = /^archive-[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}\.zip$/;
/** Well past any zip without ZIP64 (its files are at most 4 GiB each). */
const MAX_OFFSET = 2 ** 40;

/** The till's archive of its own journal: make one for a period, download it in pieces (issue 12). */
export function archiveHandlers(archives: TillArchives): HandlerGroup {
  return {
    'archive.create': {
      parse: (raw) => {
        const req = record(raw, 'archive.create request');
        return { from: text(req, 'from', { max: 10, pattern: DATE }), to: text(req, 'to', { max: 10, pattern: DATE }) };
      },
      run: (period) => archives.create(period),
    },
    'archive.download': {
      parse: (raw) => {
        const req = record(raw, 'archive.download request');
        return { file: text(req, 'file', { max: 160, pattern: ARCHIVE_FILE }), offset: integer(req, 'offset', 0, MAX_OFFSET) };
      },
      run: ({ file, offset }) => archives.chunk(file, offset),
    },
  };
}
