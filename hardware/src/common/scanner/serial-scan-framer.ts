import { splitAimPrefix, type Symbology } from '@pos/core';
import { decodeScanBytes } from './decode-scan-bytes';

/** What the scanner sends after each code (its "suffix" setting). */
export type ScanSuffix = 'CR' | 'LF' | 'CRLF';

export type SerialFramerOptions = {
  readonly suffix: ScanSuffix;
  /** The scanner prefixes each code with its AIM identifier ("]E0…"). */
  readonly aimPrefix: boolean;
  /** A frame this long without a suffix is garbage (wrong baud rate, wrong suffix setting). */
  readonly maxFrameBytes: number;
};

export type SerialFrame =
  | { readonly ok: true; readonly code: string; readonly aim?: string; readonly symbology?: Symbology }
  | { readonly ok: false; readonly reason: 'oversized' | 'non-printable'; readonly message: string };

const CR = 0x0d;
const LF = 0x0a;
/** GS, RS and EOT separate GS1 fields and ISO/IEC 15434 records inside 2D codes: they belong to the data. */
const DATA_CONTROLS: ReadonlySet<number> = new Set([0x1d, 0x1e, 0x04]);

function isGarbage(byte: number): boolean {
  return (byte < 0x20 && !DATA_CONTROLS.has(byte)) || byte === 0x7f;
}

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/**
 * Cuts the byte stream of a serial (or USB-CDC) scanner into codes. Pure: bytes in, frames out,
 * never throws. Tolerant where scanners are commonly set up a little differently from the till:
 * with suffix CR, an LF right after it is skipped; with LF or CRLF, a CR before the LF is removed.
 */
export class SerialScanFramer {
  private buffer: number[] = [];
  /** After an oversized frame: drop bytes up to the next suffix, then start afresh. */
  private discarding = false;

  constructor(private readonly options: SerialFramerOptions) {}

  push(chunk: Uint8Array): SerialFrame[] {
    const frames: SerialFrame[] = [];
    const endByte = this.options.suffix === 'CR' ? CR : LF;
    for (const byte of chunk) {
      if (byte === endByte) {
        const frame = this.endFrame();
        if (frame) frames.push(frame);
        continue;
      }
      if (this.discarding) continue;
      if (byte === LF && endByte === CR && this.buffer.length === 0) continue;
      this.buffer.push(byte);
      if (this.buffer.length > this.options.maxFrameBytes) {
        this.buffer = [];
        this.discarding = true;
        frames.push({
          ok: false,
          reason: 'oversized',
          message: `The scanner sent more than ${this.options.maxFrameBytes} bytes without a ${this.options.suffix} suffix: check that its suffix is set to ${this.options.suffix} and its baud rate matches the till's. Scan again.`,
        });
      }
    }
    return frames;
  }

  /** Bytes of a code not yet ended by its suffix. */
  get pendingBytes(): number {
    return this.discarding ? 0 : this.buffer.length;
  }

  reset(): void {
    this.buffer = [];
    this.discarding = false;
  }

  private endFrame(): SerialFrame | undefined {
    const bytes = this.buffer;
    this.buffer = [];
    if (this.discarding) {
      this.discarding = false;
      return undefined;
    }
    if (this.options.suffix !== 'CR' && bytes.at(-1) === CR) bytes.pop();
    // A bare suffix (the trigger pulled on nothing, on some models) carries no code.
    if (bytes.length === 0) return undefined;
    const garbageAt = bytes.findIndex(isGarbage);
    if (garbageAt !== -1) {
      return {
        ok: false,
        reason: 'non-printable',
        message: `The scanner sent unreadable bytes (${hex(bytes[garbageAt]!)} at position ${garbageAt + 1}): check that its baud rate and suffix (${this.options.suffix}) match the till's settings. Scan again.`,
      };
    }
    const text = decodeScanBytes(Uint8Array.from(bytes));
    if (!this.options.aimPrefix) return { ok: true, code: text };
    const { aim, data } = splitAimPrefix(text);
    return aim ? { ok: true, code: data, aim: aim.aim, symbology: aim.symbology } : { ok: true, code: text };
  }
}
