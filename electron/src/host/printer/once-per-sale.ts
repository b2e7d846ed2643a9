import path from 'node:path';
import type { PrintOutcome } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/**
 * printing: the original was sent to the printer (or about to be) and nobody knows if it came out;
 * issued: it printed, or may have (bytes left); not-printed: the printer was never reached, so
 * the original may still be printed.
 */
type OriginalState = 'printing' | 'issued' | 'not-printed';

type Line = { readonly saleId: string; readonly state: OriginalState; readonly at: string };

/** A failure before any byte reached a printer leaves the original unprinted; any other outcome issued it (or may have). */
export function originalStateAfter(outcome: PrintOutcome): OriginalState {
  return outcome.status === 'failed' && (outcome.reason === 'unreachable' || outcome.reason === 'no-printer') ? 'not-printed' : 'issued';
}

/**
 * An original receipt prints once (every later copy is a numbered DUPLICATA). Which originals
 * went to the printer is written here and fsynced before the bytes are sent, in
 * <dataDir>/receipts/originals.jsonl: a crash mid-print leaves "printing", and the receipt may
 * then only be reprinted as a duplicate.
 */
export class OriginalReceipts {
  private readonly states = new Map<string, OriginalState>();
  private log: JsonLinesLog<Line> | null = null;

  static async open(dataDir: string): Promise<OriginalReceipts> {
    const receipts = new OriginalReceipts();
    receipts.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'receipts', 'originals.jsonl'), (line) =>
      receipts.states.set(line.saleId, line.state),
    );
    return receipts;
  }

  /** The original may be printed now: never printed, or the printer was never reached. */
  mayPrint(saleId: string): boolean {
    const state = this.states.get(saleId);
    return state === undefined || state === 'not-printed';
  }

  async mark(saleId: string, state: OriginalState): Promise<void> {
    if (!this.log) throw new Error('The receipt log is closed');
    await this.log.append({ saleId, state, at: new Date().toISOString() });
    this.states.set(saleId, state);
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }
}
