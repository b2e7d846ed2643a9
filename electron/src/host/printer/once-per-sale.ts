import path from 'node:path';
import type { PrintOutcome } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

/**
 * printing: the bytes were sent to the printer (or about to be) and nobody knows if they did
 * their job; issued: they did, or may have (bytes left); not-printed: the printer was never
 * reached, so it may be tried again.
 */
type OnceState = 'printing' | 'issued' | 'not-printed';

type Line = { readonly saleId: string; readonly state: OnceState; readonly at: string };

/** A failure before any byte reached a printer leaves it undone; any other outcome did it (or may have). */
export function onceStateAfter(outcome: PrintOutcome): OnceState {
  return outcome.status === 'failed' && (outcome.reason === 'unreachable' || outcome.reason === 'no-printer') ? 'not-printed' : 'issued';
}

/**
 * What the printer does at most once per sale: the original receipt (every later copy is a
 * numbered DUPLICATA), the drawer kick of a cash sale. Each try is written here and fsynced
 * before the bytes are sent, in <dataDir>/receipts/<name>.jsonl: a crash mid-send leaves
 * "printing", and it is then never sent again.
 */
export class OncePerSale {
  private readonly states = new Map<string, OnceState>();
  private log: JsonLinesLog<Line> | null = null;

  /** `originals`: the original receipts; `drawer-kicks`: the cash sales' drawer kicks. */
  static async open(dataDir: string, name: 'originals' | 'drawer-kicks'): Promise<OncePerSale> {
    const once = new OncePerSale();
    once.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'receipts', `${name}.jsonl`), (line) =>
      once.states.set(line.saleId, line.state),
    );
    return once;
  }

  /** It may be done now: never tried, or the printer was never reached. */
  mayGo(saleId: string): boolean {
    const state = this.states.get(saleId);
    return state === undefined || state === 'not-printed';
  }

  async mark(saleId: string, state: OnceState): Promise<void> {
    if (!this.log) throw new Error('The receipt log is closed');
    await this.log.append({ saleId, state, at: new Date().toISOString() });
    this.states.set(saleId, state);
  }

  /** Marked before the bytes go, marked again with what became of them. */
  async run(saleId: string, send: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    await this.mark(saleId, 'printing');
    const outcome = await send();
    await this.mark(saleId, onceStateAfter(outcome));
    return outcome;
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }
}
