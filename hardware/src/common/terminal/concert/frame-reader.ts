import { CONTROL_NAMES, ETX, STX, isControlByte, parseFrame, type ControlByte, type FrameError } from './frame';

/** What arrives on a Concert line, byte stream cut into meaning. */
export type LineEvent =
  | { readonly kind: 'control'; readonly byte: ControlByte; readonly name: 'ENQ' | 'ACK' | 'NAK' | 'EOT' }
  | { readonly kind: 'frame'; readonly data: Uint8Array }
  | { readonly kind: 'bad-frame'; readonly error: FrameError }
  /** A byte outside any frame that means nothing in the protocol: reported, never silently dropped. */
  | { readonly kind: 'noise'; readonly byte: number };

/** PayXpert's specification caps a frame at 512 data bytes; longer means we lost the ETX. */
export const MAX_FRAME_DATA = 512;

/**
 * Cuts a byte stream into control bytes and frames. Serial reads arrive in arbitrary chunks, so
 * state is kept between pushes. A damaged frame is still read up to its LRC, so one bad frame
 * yields one `bad-frame` (one NAK), not a burst of noise.
 */
export class FrameReader {
  private frame: number[] | null = null;
  private awaitingLrc = false;

  push(chunk: Uint8Array): LineEvent[] {
    const events: LineEvent[] = [];
    for (const byte of chunk) {
      const event = this.pushByte(byte);
      if (event) events.push(event);
    }
    return events;
  }

  /** True while a frame has started and not ended: the caller's inter-byte timer runs. */
  get inFrame(): boolean {
    return this.frame !== null;
  }

  /** The line went quiet mid-frame: report what we hold as truncated and start afresh. */
  abandon(): LineEvent | null {
    if (!this.frame) return null;
    const length = this.frame.length;
    this.reset();
    return {
      kind: 'bad-frame',
      error: { ok: false, reason: 'truncated', message: `The frame stopped after ${length} bytes: it was cut short.` },
    };
  }

  reset(): void {
    this.frame = null;
    this.awaitingLrc = false;
  }

  private pushByte(byte: number): LineEvent | null {
    const frame = this.frame;
    if (!frame) {
      if (byte === STX) {
        this.frame = [STX];
        return null;
      }
      if (isControlByte(byte)) return { kind: 'control', byte, name: CONTROL_NAMES[byte] };
      return { kind: 'noise', byte };
    }
    frame.push(byte);
    if (this.awaitingLrc) {
      this.reset();
      const parsed = parseFrame(Uint8Array.from(frame));
      return parsed.ok ? { kind: 'frame', data: parsed.data } : { kind: 'bad-frame', error: parsed };
    }
    if (byte === ETX) {
      this.awaitingLrc = true;
      return null;
    }
    if (frame.length > MAX_FRAME_DATA + 1) {
      this.reset();
      return {
        kind: 'bad-frame',
        error: { ok: false, reason: 'missing-etx', message: `No ETX within ${MAX_FRAME_DATA} bytes: the frame's end was lost.` },
      };
    }
    // A stray control byte inside a frame is line damage: keep reading to the LRC, parseFrame reports it.
    return null;
  }
}
