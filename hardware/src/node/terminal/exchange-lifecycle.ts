import type net from 'node:net';
import type { CardResult } from '@pos/core';
import type { ExchangeOutcome } from './attempt-book';

/**
 * The bookkeeping every exchange needs: the outcome is settled once, timers die with the
 * connection, and `finished` resolves when the socket is gone (so close() can wait for it).
 */
export class ExchangeLifecycle {
  readonly outcome: Promise<ExchangeOutcome>;
  readonly finished: Promise<void>;
  /** The request's bytes were handed to the socket: from here on, no answer means "unknown". */
  sent = false;
  private settledResult: CardResult | null = null;
  private socket: net.Socket | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private answerTimer: NodeJS.Timeout | null = null;
  private timedOut = false;
  private resolveOutcome: (outcome: ExchangeOutcome) => void = () => undefined;
  private resolveFinished: () => void = () => undefined;

  constructor() {
    this.outcome = new Promise((resolve) => (this.resolveOutcome = resolve));
    this.finished = new Promise((resolve) => (this.resolveFinished = resolve));
  }

  get settled(): boolean {
    return this.settledResult !== null;
  }

  /** Settles the outcome; false if it already was (the caller then has a late answer). */
  settle(result: CardResult): boolean {
    if (this.settledResult) return false;
    this.settledResult = result;
    this.resolveOutcome({ result, sent: this.sent });
    return true;
  }

  /**
   * Waits `timeoutMs` for the answer, then settles with what `onTimeout` makes of the silence and
   * listens on for `lateWindowMs`: a terminal may still answer, and that answer must be heard.
   */
  awaitAnswer(timeoutMs: number, lateWindowMs: number, onTimeout: () => CardResult): void {
    this.answerTimer = this.after(timeoutMs, () => {
      this.timedOut = true;
      if (this.settle(onTimeout())) this.hangUpAfter(lateWindowMs);
    });
  }

  /** Settles with the terminal's answer; once settled, hands it to `late`, marked: never a second charge. */
  answer(result: CardResult, duplicateWindowMs: number, late: (result: CardResult) => void): void {
    if (this.settle(result)) {
      this.cancel(this.answerTimer);
      this.hangUpAfter(duplicateWindowMs);
    } else {
      late(
        asLateAnswer(
          result,
          this.timedOut ? 'Late answer, received after the till stopped waiting' : 'Repeated answer to the same request',
        ),
      );
    }
  }

  attach(socket: net.Socket, onGone: (reason: string) => void): void {
    this.socket = socket;
    let reason = 'the connection closed';
    socket.on('error', (error: NodeJS.ErrnoException) => (reason = `connection error ${error.code ?? error.message}`));
    socket.on('close', () => {
      this.clearTimers();
      onGone(reason);
      this.resolveFinished();
    });
  }

  after(ms: number, task: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | null): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  write(bytes: Uint8Array): void {
    if (this.socket && !this.socket.destroyed) this.socket.write(bytes);
  }

  /** Keeps listening `ms` more for late or repeated answers, then hangs up. */
  hangUpAfter(ms: number): void {
    this.after(ms, () => this.hangUp());
  }

  hangUp(): void {
    this.clearTimers();
    if (this.socket) this.socket.destroy();
    else this.resolveFinished();
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Marks an answer that came after the outcome, so the journal shows why it is not a new charge. */
export function asLateAnswer(result: CardResult, why: string): CardResult {
  return { ...result, message: result.message ? `${why}; ${result.message}` : why };
}

/** "120 s", or "200 ms" below a second (tests, and terminals tuned short). */
export const formatWait = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
