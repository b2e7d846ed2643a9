import type { PrinterSensors } from './printer-sensors';
import { createReplyReader, type JunkReply, type ReplyReader, type ReplyStep } from './reply-splitter';
import { isStarAsbHeader, parseStarAsb, STAR_ASB_MIN_LENGTH, starAsbLength } from './star-status';

export type StarReply = { readonly kind: 'star-asb'; readonly bytes: readonly number[]; readonly sensors: PrinterSensors } | JunkReply;

export type StarReplyReader = ReplyReader<StarReply>;

/** Header 1 says how many bytes follow, so a status cut across chunks is held until it is whole. */
function step(buffer: readonly number[]): ReplyStep<StarReply> {
  const header = buffer[0]!;
  const length = starAsbLength(header);
  if (!isStarAsbHeader(header) || length < STAR_ASB_MIN_LENGTH) return 'junk';
  if (buffer.length < length) return 'wait';
  const bytes = buffer.slice(0, length);
  const parsed = parseStarAsb(bytes);
  return parsed.ok ? { reply: { kind: 'star-asb', bytes, sensors: parsed.sensors }, used: length } : 'junk';
}

/** A Star printer's automatic statuses. */
export function createStarReplyReader(): StarReplyReader {
  return createReplyReader({
    step,
    skippedNote: (count) => `Skipped ${count} byte(s) that start no Star status.`,
    cutShortNote: (buffer) => `The stream ended inside a Star status (${buffer.length} of ${starAsbLength(buffer[0]!)} bytes).`,
  });
}
