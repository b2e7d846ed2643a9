import { isAsbFirstByte, isAsbFollowingByte, isDleEotReplyByte, parseAsb } from './esc-pos-status';
import type { PrinterSensors } from './printer-sensors';
import { createReplyReader, type JunkReply, type ReplyReader, type ReplyStep } from './reply-splitter';

/** One thing an ESC/POS printer sent back, told apart by the fixed bits of its first byte (see esc-pos-status.ts). */
export type EscPosReply =
  /** The answer to one DLE EOT n; which n is known only to whoever asked, in order. */
  | { readonly kind: 'status-byte'; readonly byte: number }
  | { readonly kind: 'asb'; readonly bytes: readonly number[]; readonly sensors: PrinterSensors }
  /** GS ( H fn 48: everything sent before the request with this ID has been processed (printed). */
  | { readonly kind: 'process-id'; readonly id: string }
  /** Any other "header to NUL" response (GS I, GS ( E …), passed on unread. */
  | { readonly kind: 'block'; readonly bytes: readonly number[] }
  /** XON / XOFF from a serial printer's software flow control. */
  | { readonly kind: 'flow-control'; readonly byte: number }
  | JunkReply;

export type EscPosReplyReader = ReplyReader<EscPosReply>;

const XON = 0x11;
const XOFF = 0x13;
const HEADER_RESPONSE = 0x37;
const HEADER_INFO = 0x5f;
const PROCESS_ID = 0x22;
const NUL = 0x00;
/** Longest "header to NUL" block we wait for; a real one (GS I model name, firmware) is far shorter. */
const MAX_BLOCK = 80;

const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Looks at the bytes from the start of `buf`: a whole reply, a reply still arriving, or a byte that starts nothing. */
function step(buf: readonly number[]): ReplyStep<EscPosReply> {
  const first = buf[0]!;
  if (first === XON || first === XOFF) return { reply: { kind: 'flow-control', byte: first }, used: 1 };
  if (isDleEotReplyByte(first)) return { reply: { kind: 'status-byte', byte: first }, used: 1 };
  if (isAsbFirstByte(first)) {
    const rest = buf.slice(1, 4);
    if (!rest.every(isAsbFollowingByte)) return 'junk';
    if (buf.length < 4) return 'wait';
    const parsed = parseAsb(buf.slice(0, 4));
    return parsed.ok ? { reply: { kind: 'asb', bytes: buf.slice(0, 4), sensors: parsed.sensors }, used: 4 } : 'junk';
  }
  if (first === HEADER_RESPONSE && buf.length >= 2 && buf[1] === PROCESS_ID) {
    const id = buf.slice(2, 6);
    if (!id.every(isPrintable)) return 'junk';
    if (buf.length < 7) return 'wait';
    if (buf[6] !== NUL) return 'junk';
    return { reply: { kind: 'process-id', id: String.fromCharCode(...id) }, used: 7 };
  }
  if (first === HEADER_RESPONSE || first === HEADER_INFO) {
    const end = buf.indexOf(NUL, 1);
    if (end > 0 && end < MAX_BLOCK) return { reply: { kind: 'block', bytes: buf.slice(0, end + 1) }, used: end + 1 };
    return buf.length < MAX_BLOCK ? 'wait' : 'junk';
  }
  return 'junk';
}

/** ESC/POS replies, told apart by the fixed bits of their first byte. */
export function createEscPosReplyReader(): EscPosReplyReader {
  return createReplyReader({
    step,
    skippedNote: (count) => `Skipped ${count} byte(s) that start no printer reply.`,
    cutShortNote: (buffer) => `The stream ended inside a reply (${buffer.length} byte(s)).`,
  });
}
