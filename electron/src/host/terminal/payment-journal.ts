import path from 'node:path';
import type { CardResult } from '@pos/core';
import { JsonLinesLog } from '../storage/json-lines-log';

export type AttemptKind = 'payment' | 'refund';

/**
 * requested: written before the terminal is asked; approved / declined / unknown: its answer (or
 * the lack of one); reconciled: an unknown attempt whose real outcome was learnt afterwards (a
 * status enquiry, a late answer from the terminal, or a manager who checked the terminal's
 * journal).
 */
export type AttemptState = 'requested' | 'approved' | 'declined' | 'unknown' | 'reconciled';

export type ReconciledBy = 'status-enquiry' | 'late-answer' | { readonly staffId: string };

export type Reconciliation = {
  readonly outcome: 'approved' | 'declined';
  readonly by: ReconciledBy;
  readonly at: string;
  readonly result?: CardResult;
};

export type PaymentAttempt = {
  readonly attemptKey: string;
  readonly kind: AttemptKind;
  readonly amount: number;
  readonly currency: string;
  readonly requestedAt: string;
  /** What pay()/refund() answered. */
  readonly result?: CardResult;
  /** Answers that came after the first one (late after a timeout, or the same answer twice). */
  readonly lateAnswers: readonly CardResult[];
  readonly reconciled?: Reconciliation;
};

export function stateOf(attempt: PaymentAttempt): AttemptState {
  if (attempt.reconciled) return 'reconciled';
  return attempt.result?.status ?? 'requested';
}

/** Nobody knows yet what the attempt came to: a late answer, a status enquiry or a person may settle it. */
export function isUnsettled(attempt: PaymentAttempt): boolean {
  const state = stateOf(attempt);
  return state === 'unknown' || state === 'requested';
}

/** What the attempt really came to, as far as the till knows. */
export function outcomeOf(attempt: PaymentAttempt): 'approved' | 'declined' | 'unknown' | 'requested' {
  if (attempt.reconciled) return attempt.reconciled.outcome;
  return attempt.result?.status ?? 'requested';
}

type Line =
  | {
      readonly t: 'requested';
      readonly attemptKey: string;
      readonly kind?: AttemptKind;
      readonly amount: number;
      readonly currency: string;
      readonly at: string;
    }
  | { readonly t: 'result'; readonly attemptKey: string; readonly result: CardResult; readonly at: string }
  | { readonly t: 'late'; readonly attemptKey: string; readonly result: CardResult; readonly at: string }
  | {
      readonly t: 'reconciled';
      readonly attemptKey: string;
      readonly outcome: 'approved' | 'declined';
      readonly by: ReconciledBy;
      readonly result?: CardResult;
      readonly at: string;
    };

/**
 * Every card attempt, written (and fsynced) before the terminal is asked and again at each answer,
 * in <dataDir>/payments/attempts.jsonl. After a crash or restart the host knows which keys were
 * already sent to the terminal, so the same key is never charged twice, and which outcomes are
 * still unknown.
 */
export class PaymentJournal {
  private readonly attempts = new Map<string, PaymentAttempt>();
  private log: JsonLinesLog<Line> | null = null;

  static async open(dataDir: string): Promise<PaymentJournal> {
    const journal = new PaymentJournal();
    journal.log = await JsonLinesLog.open<Line>(path.join(dataDir, 'payments', 'attempts.jsonl'), (line) => journal.apply(line));
    return journal;
  }

  get(attemptKey: string): PaymentAttempt | undefined {
    return this.attempts.get(attemptKey);
  }

  async requested(attemptKey: string, amount: number, currency: string, kind: AttemptKind = 'payment'): Promise<void> {
    await this.append({ t: 'requested', attemptKey, kind, amount, currency, at: new Date().toISOString() });
  }

  async answered(attemptKey: string, result: CardResult): Promise<void> {
    await this.append({ t: 'result', attemptKey, result, at: new Date().toISOString() });
  }

  async late(attemptKey: string, result: CardResult): Promise<void> {
    await this.append({ t: 'late', attemptKey, result, at: new Date().toISOString() });
  }

  async reconcile(attemptKey: string, outcome: 'approved' | 'declined', by: ReconciledBy, result?: CardResult): Promise<void> {
    await this.append({ t: 'reconciled', attemptKey, outcome, by, ...(result ? { result } : {}), at: new Date().toISOString() });
  }

  /**
   * Offline approvals the bank has not seen yet: those after the terminal's last online approval
   * (a terminal forwards its store-and-forward queue as soon as it is back online), not reconciled.
   */
  offlineExposure(): { readonly count: number; readonly total: number } {
    let count = 0;
    let total = 0;
    for (const attempt of this.attempts.values()) {
      if (attempt.kind !== 'payment' || outcomeOf(attempt) !== 'approved') continue;
      const result = attempt.reconciled?.result ?? attempt.result;
      if (result?.offline) {
        count += 1;
        total += attempt.amount;
      } else {
        count = 0;
        total = 0;
      }
    }
    return { count, total };
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = null;
  }

  private async append(line: Line): Promise<void> {
    if (!this.log) throw new Error('The payment journal is closed');
    await this.log.append(line);
    this.apply(line);
  }

  private apply(line: Line): void {
    if (line.t === 'requested') {
      this.attempts.set(line.attemptKey, {
        attemptKey: line.attemptKey,
        kind: line.kind ?? 'payment',
        amount: line.amount,
        currency: line.currency,
        requestedAt: line.at,
        lateAnswers: [],
      });
      return;
    }
    const attempt = this.attempts.get(line.attemptKey);
    if (!attempt) return;
    if (line.t === 'result') this.attempts.set(line.attemptKey, { ...attempt, result: line.result });
    else if (line.t === 'late') this.attempts.set(line.attemptKey, { ...attempt, lateAnswers: [...attempt.lateAnswers, line.result] });
    else
      this.attempts.set(line.attemptKey, {
        ...attempt,
        reconciled: { outcome: line.outcome, by: line.by, at: line.at, ...(line.result ? { result: line.result } : {}) },
      });
  }
}
