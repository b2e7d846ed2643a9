import { readTlvField, type TlvField } from './tlv';

/**
 * Cuts a Caisse-AP byte stream into messages. The protocol has no length header nor end marker;
 * what it does guarantee is that CZ (protocol version) is the first field of every message. So a
 * message ends when the next CZ begins, when the peer closes the connection, or, for a message
 * already complete on a field boundary, when the line stays quiet (the caller's settle timer:
 * the OCA Odoo module does the same with a short drain timeout).
 */
export type FrameReaderEvent =
  { readonly kind: 'frame'; readonly fields: readonly TlvField[] } | { readonly kind: 'error'; readonly error: string };

/** Beyond this a peer is sending garbage that happens to parse; stop reading it. */
const MAX_BUFFERED_BYTES = 64 * 1024;
const CR = 0x0d;
const LF = 0x0a;

export class CaisseApFrameReader {
  private buffer = new Uint8Array(0);
  private current: TlvField[] = [];
  private failure: string | null = null;

  /** The error that stopped this reader, if any: a broken stream is never resynchronised. */
  get error(): string | null {
    return this.failure;
  }

  push(chunk: Uint8Array): FrameReaderEvent[] {
    if (this.failure) return [];
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const events: FrameReaderEvent[] = [];
    let offset = 0;
    while (offset < this.buffer.length) {
      // Some terminals end a message with CR/LF (HiPay's troubleshooting notes): skip it between fields.
      const byte = this.buffer[offset];
      if (byte === CR || byte === LF) {
        offset++;
        continue;
      }
      const read = readTlvField(this.buffer, offset);
      if (read.kind === 'incomplete') break;
      if (read.kind === 'error') return this.fail(events, read.error);
      const { tag } = read.field;
      if (tag === 'CZ' && this.current.length > 0) {
        events.push({ kind: 'frame', fields: this.current });
        this.current = [];
      }
      if (this.current.length === 0 && tag !== 'CZ')
        return this.fail(events, `a message must start with CZ (protocol version), not ${tag}`);
      this.current.push(read.field);
      offset = read.next;
    }
    this.buffer = this.buffer.slice(offset);
    if (this.buffer.length > MAX_BUFFERED_BYTES) return this.fail(events, `more than ${MAX_BUFFERED_BYTES} bytes without a complete field`);
    return events;
  }

  /** The message read so far ends on a field boundary and holds every tag in `tags`. */
  hasCompleteMessage(...tags: string[]): boolean {
    if (this.failure || this.buffer.length > 0 || this.current.length === 0) return false;
    return tags.every((tag) => this.current.some((field) => field.tag === tag));
  }

  /** Takes the message read so far (call when the line went quiet after hasCompleteMessage()). */
  takeMessage(): readonly TlvField[] | null {
    if (this.failure || this.buffer.length > 0 || this.current.length === 0) return null;
    const fields = this.current;
    this.current = [];
    return fields;
  }

  /** The peer closed the connection: what is left is a whole message, nothing, or a truncated one. */
  finish(): FrameReaderEvent[] {
    if (this.failure) return [];
    if (this.buffer.length > 0) {
      return this.fail([], `the connection closed in the middle of a field (${this.buffer.length} bytes of a truncated field)`);
    }
    const fields = this.takeMessage();
    return fields ? [{ kind: 'frame', fields }] : [];
  }

  private fail(events: FrameReaderEvent[], error: string): FrameReaderEvent[] {
    this.failure = error;
    this.buffer = new Uint8Array(0);
    this.current = [];
    events.push({ kind: 'error', error });
    return events;
  }
}
