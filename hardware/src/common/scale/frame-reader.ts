import { CR, STX } from './mettler-8217';

export type Mettler8217FrameEvent =
  /** A whole `STX … CR` frame, to be parsed. */
  | { readonly kind: 'frame'; readonly frame: Uint8Array }
  /** A frame cut short (a new STX, or far too long): its answer is lost. */
  | { readonly kind: 'broken'; readonly message: string }
  /** Bytes outside any frame: line noise, or a scale speaking another protocol. */
  | { readonly kind: 'noise'; readonly count: number };

const STATUS_MARK = 0x3f;
/** The longest frame a scale sends is about 10 bytes; past this, CR was lost. */
const MAX_FRAME = 16;

/**
 * Cuts the byte stream into frames, whatever the chunking, and re-synchronises on the next STX after
 * noise or a broken frame. The byte after `STX ?` is taken as the status byte whatever its value:
 * some scales send the bare bits (0x02 = over capacity), which would otherwise look like an STX.
 */
export class Mettler8217FrameReader {
  private frame: number[] | null = null;
  private noise = 0;

  push(bytes: Uint8Array): Mettler8217FrameEvent[] {
    const events: Mettler8217FrameEvent[] = [];
    for (const byte of bytes) this.take(byte, events);
    this.flushNoise(events);
    return events;
  }

  /** True while a frame has started and its CR has not come yet. */
  get inFrame(): boolean {
    return this.frame !== null;
  }

  /** Forgets any partial frame: called before each request, so a stale half answer cannot end up in the next one. */
  reset(): void {
    this.frame = null;
    this.noise = 0;
  }

  private take(byte: number, events: Mettler8217FrameEvent[]): void {
    const frame = this.frame;
    if (frame === null) {
      if (byte === STX) {
        this.flushNoise(events);
        this.frame = [STX];
      } else if (byte !== CR && byte !== 0x0a) {
        // A stray CR/LF after a frame is harmless; anything else is noise.
        this.noise += 1;
      }
      return;
    }
    const isStatusByte = frame.length === 2 && frame[1] === STATUS_MARK;
    if (byte === STX && !isStatusByte) {
      events.push({ kind: 'broken', message: 'The scale sent an incomplete answer (no CR before the next STX).' });
      this.frame = [STX];
      return;
    }
    frame.push(byte);
    if (byte === CR && !isStatusByte) {
      events.push({ kind: 'frame', frame: Uint8Array.from(frame) });
      this.frame = null;
    } else if (frame.length >= MAX_FRAME) {
      events.push({ kind: 'broken', message: `The scale sent an answer longer than ${MAX_FRAME} bytes without a CR.` });
      this.frame = null;
    }
  }

  private flushNoise(events: Mettler8217FrameEvent[]): void {
    if (this.noise === 0) return;
    events.push({ kind: 'noise', count: this.noise });
    this.noise = 0;
  }
}
