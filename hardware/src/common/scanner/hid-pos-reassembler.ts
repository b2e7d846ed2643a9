import type { HidPosReport } from './hid-pos-report';

export type ReassembledScan = {
  readonly bytes: Uint8Array;
  readonly aim?: string;
  readonly vendorSymbologyId: number;
};

export type ReassemblyStep =
  | { readonly type: 'partial' }
  | { readonly type: 'complete'; readonly scan: ReassembledScan }
  | { readonly type: 'error'; readonly message: string };

/** 2D codes hold a few kilobytes at most (QR: 2953 bytes); more than this is a stuck "more" bit. */
export const DEFAULT_MAX_CODE_BYTES = 8192;

/**
 * Joins the chunks of a long code (2D codes over 56 bytes come in several reports, "more data
 * follows" set on all but the last). Pure: the caller passes timestamps, and asks `expire` from a
 * timer so a code whose last chunk never comes is dropped, never emitted half.
 */
export class HidPosReassembler {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private first: HidPosReport | undefined;
  private lastChunkAt = 0;

  constructor(private readonly maxCodeBytes: number = DEFAULT_MAX_CODE_BYTES) {}

  /** Bytes held of a code still waiting for its last chunk. */
  get pendingBytes(): number {
    return this.size;
  }

  get pending(): boolean {
    return this.first !== undefined;
  }

  push(report: HidPosReport, at: number): ReassemblyStep {
    this.first ??= report;
    this.lastChunkAt = at;
    this.chunks.push(report.data);
    this.size += report.data.length;
    if (this.size > this.maxCodeBytes) {
      this.drop();
      return { type: 'error', message: `The scanner sent a code longer than ${this.maxCodeBytes} bytes: it was dropped, scan again.` };
    }
    if (report.more) return { type: 'partial' };
    const bytes = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    // The first chunk names the symbology; every chunk repeats it.
    const { aim, vendorSymbologyId } = this.first;
    this.drop();
    return { type: 'complete', scan: aim === undefined ? { bytes, vendorSymbologyId } : { bytes, aim, vendorSymbologyId } };
  }

  /** Drops a code whose next chunk is `timeoutMs` overdue; true when one was dropped. */
  expire(at: number, timeoutMs: number): boolean {
    if (!this.first || at - this.lastChunkAt < timeoutMs) return false;
    this.drop();
    return true;
  }

  /** Forgets a partial code; returns how many bytes it held. */
  drop(): number {
    const dropped = this.size;
    this.chunks = [];
    this.size = 0;
    this.first = undefined;
    return dropped;
  }
}
