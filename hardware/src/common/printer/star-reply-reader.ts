import type { PrinterSensors } from './printer-sensors';
import { isStarAsbHeader, parseStarAsb, STAR_ASB_MIN_LENGTH, starAsbLength } from './star-status';

export type StarReply =
  | { readonly kind: 'star-asb'; readonly bytes: readonly number[]; readonly sensors: PrinterSensors }
  | { readonly kind: 'junk'; readonly bytes: readonly number[]; readonly note: string };

export type StarReplyReader = {
  push(chunk: ArrayLike<number>): StarReply[];
  flush(): StarReply[];
  readonly pending: number;
};

/**
 * Splits what a Star printer sends into automatic statuses: header 1 says how many bytes follow,
 * so a status cut across chunks is held until it is whole. A byte that cannot be a header is
 * skipped and reported as junk.
 */
export function createStarReplyReader(): StarReplyReader {
  let buffer: number[] = [];

  const drain = (final: boolean): StarReply[] => {
    const replies: StarReply[] = [];
    let skipped: number[] = [];
    const flushSkipped = () => {
      if (skipped.length > 0) replies.push({ kind: 'junk', bytes: skipped, note: `Skipped ${skipped.length} byte(s) that start no Star status.` });
      skipped = [];
    };
    while (buffer.length > 0) {
      const header = buffer[0]!;
      const length = starAsbLength(header);
      if (!isStarAsbHeader(header) || length < STAR_ASB_MIN_LENGTH) {
        skipped.push(buffer.shift()!);
        continue;
      }
      if (buffer.length < length) {
        if (!final) break;
        flushSkipped();
        replies.push({ kind: 'junk', bytes: buffer, note: `The stream ended inside a Star status (${buffer.length} of ${length} bytes).` });
        buffer = [];
        break;
      }
      const bytes = buffer.slice(0, length);
      const parsed = parseStarAsb(bytes);
      if (!parsed.ok) {
        skipped.push(buffer.shift()!);
        continue;
      }
      flushSkipped();
      replies.push({ kind: 'star-asb', bytes, sensors: parsed.sensors });
      buffer = buffer.slice(length);
    }
    flushSkipped();
    return replies;
  };

  return {
    push(chunk) {
      for (let i = 0; i < (chunk?.length ?? 0); i++) buffer.push(Number(chunk[i]) & 0xff);
      return drain(false);
    },
    flush: () => drain(true),
    get pending() {
      return buffer.length;
    },
  };
}
