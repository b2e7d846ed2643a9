import { formatAmount, PosError, type CardResult, type TerminalProgress } from '@pos/core';
import type { CardPaymentRequest, CardPromptEvent, CardTerminal } from '@pos/hardware/common';
import { isUnsettled, type AttemptKind, type PaymentJournal } from './payment-journal';

/**
 * late-approval / late-decline: the terminal settled an attempt the till had recorded as unknown;
 * duplicate-answer: a second answer to an attempt already settled (counted once, never charged
 * again); offline-over-cap: the terminal approved offline beyond the store's caps.
 */
export type TerminalAlert = {
  readonly kind: 'late-approval' | 'late-decline' | 'duplicate-answer' | 'unknown-attempt' | 'offline-over-cap';
  readonly attemptKey: string;
  readonly message: string;
  readonly result: CardResult;
};

/** Offline (store-and-forward) card payments the store accepts, in minor units. */
export type OfflineCaps = { readonly maxPerPayment: number; readonly maxTotal: number };

export type JournaledTerminalOptions = {
  readonly onAlert?: (alert: TerminalAlert) => void;
  /** Each attempt while the terminal works on it: started, what it asks the customer, finished. */
  readonly onProgress?: (progress: TerminalProgress) => void;
  /** How long the terminal's driver waits for its answer now (the settings may change): told with `started`. */
  readonly answerWithinMs?: () => number | undefined;
  readonly offlineCaps?: OfflineCaps;
  /** For amounts in messages. */
  readonly locale?: 'fr' | 'en';
  readonly currency?: string;
};

type TerminalEventSource = {
  on(event: 'late-answer', listener: (result: CardResult) => void): () => void;
  on(event: 'prompt', listener: (prompt: CardPromptEvent) => void): () => void;
};

function hasEvents(terminal: CardTerminal): terminal is CardTerminal & TerminalEventSource {
  return typeof (terminal as Partial<TerminalEventSource>).on === 'function';
}

/** The journaled terminal as the host uses it. */
export type JournaledTerminal = CardTerminal & {
  readonly journal: PaymentJournal;
  /** The terminal is still working on this attempt: its outcome is not known yet, nor unknown. */
  inProgress(attemptKey: string): boolean;
};

/**
 * Puts the payment journal in front of a terminal: an attempt key already sent is never sent
 * again — its known outcome is returned, or, if the outcome is unknown, the terminal is asked for
 * its status. A terminal that throws or goes silent gives "unknown", never "declined". Answers
 * the terminal sends late or twice are journaled and raised as alerts, never charged again.
 * While pay() or refund() waits for the terminal, the attempt is in progress (not "unknown"):
 * the terminal may still charge the card, so nobody settles it by hand until it answered or its
 * time-out passed.
 */
export function journaledTerminal(
  terminal: CardTerminal,
  journal: PaymentJournal,
  options: JournaledTerminalOptions = {},
): JournaledTerminal {
  const money = (cents: number) => formatAmount(cents, options.currency ?? 'EUR', options.locale ?? 'fr');
  const alert = (a: TerminalAlert) => options.onAlert?.(a);
  const progress = (p: TerminalProgress) => options.onProgress?.(p);
  /** Attempts pay()/refund() is waiting on; in memory only: after a restart none is in progress. */
  const inFlight = new Set<string>();
  const unknown = (request: Pick<CardPaymentRequest, 'attemptKey' | 'amount'>, message: string): CardResult => ({
    attemptKey: request.attemptKey,
    amount: request.amount,
    status: 'unknown',
    message,
    failure: 'terminal-error',
  });

  /** The current outcome of a known attempt, as a CardResult. */
  const knownResult = (attemptKey: string): CardResult | null => {
    const attempt = journal.get(attemptKey);
    if (!attempt) return null;
    if (attempt.reconciled)
      return {
        ...(attempt.reconciled.result ?? attempt.result ?? { attemptKey, amount: attempt.amount }),
        attemptKey,
        amount: attempt.amount,
        status: attempt.reconciled.outcome,
      };
    return attempt.result ?? null;
  };

  const settleLate = async (result: CardResult): Promise<void> => {
    const attempt = journal.get(result.attemptKey);
    if (!attempt) {
      alert({
        kind: 'unknown-attempt',
        attemptKey: result.attemptKey,
        result,
        message: `The terminal answered an attempt this till has no record of (${result.attemptKey}): check the terminal's journal.`,
      });
      return;
    }
    await journal.late(result.attemptKey, result);
    if (result.status === 'unknown') return;
    if (isUnsettled(attempt)) {
      await journal.reconcile(result.attemptKey, result.status, 'late-answer', result);
      const approved = result.status === 'approved';
      alert({
        kind: approved ? 'late-approval' : 'late-decline',
        attemptKey: result.attemptKey,
        result,
        message: approved
          ? `The terminal approved the card payment of ${money(attempt.amount)} after the till stopped waiting: the customer WAS charged. Do not take the payment again.`
          : `The terminal declined the card payment of ${money(attempt.amount)} after the till stopped waiting: nothing was charged.`,
      });
      return;
    }
    alert({
      kind: 'duplicate-answer',
      attemptKey: result.attemptKey,
      result,
      message: `The terminal answered the card payment of ${money(attempt.amount)} a second time; it is counted once and nothing more was charged.`,
    });
  };
  if (hasEvents(terminal)) {
    terminal.on('late-answer', (result) => {
      void settleLate(result).catch(() => undefined);
    });
    terminal.on('prompt', ({ attemptKey, prompt }) => {
      if (inFlight.has(attemptKey)) progress({ attemptKey, phase: 'prompt', prompt });
    });
  }

  const status = async (attemptKey: string): Promise<CardResult> => {
    const attempt = journal.get(attemptKey);
    if (attempt?.reconciled) return knownResult(attemptKey)!;
    const result = await terminal
      .status(attemptKey)
      .catch((error: unknown) => unknown({ attemptKey, amount: attempt?.amount ?? 0 }, String(error)));
    if (attempt && result.status !== 'unknown' && isUnsettled(attempt))
      await journal.reconcile(attemptKey, result.status, 'status-enquiry', result);
    return result;
  };

  const checkOfflineCaps = (request: CardPaymentRequest): void => {
    const caps = options.offlineCaps;
    if (!caps) return;
    const exposure = journal.offlineExposure();
    // Only while the terminal is known to be working offline (its last approval was offline).
    if (exposure.count === 0) return;
    if (request.amount > caps.maxPerPayment) {
      throw new PosError(
        'CARD_OFFLINE_LIMIT',
        `The card terminal is working offline: card payments above ${money(caps.maxPerPayment)} cannot be taken now. Ask for another means of payment.`,
        // The page says it in the cashier's language from these amounts (minor units).
        { limit: caps.maxPerPayment },
      );
    }
    if (exposure.total + request.amount > caps.maxTotal) {
      throw new PosError(
        'CARD_OFFLINE_LIMIT',
        `The card terminal is working offline and already holds ${money(exposure.total)} of offline payments (limit ${money(caps.maxTotal)}). Ask for another means of payment.`,
        { limit: caps.maxTotal, held: exposure.total },
      );
    }
  };

  const warnIfOverCap = (request: CardPaymentRequest, result: CardResult): void => {
    const caps = options.offlineCaps;
    if (!caps || !result.offline || result.status !== 'approved') return;
    const exposure = journal.offlineExposure();
    if (request.amount > caps.maxPerPayment || exposure.total > caps.maxTotal) {
      alert({
        kind: 'offline-over-cap',
        attemptKey: request.attemptKey,
        result,
        message: `The terminal approved ${money(request.amount)} offline, beyond the store's offline limits: the bank will only see it when the terminal is back online.`,
      });
    }
  };

  const attempt =
    (kind: AttemptKind, send: (request: CardPaymentRequest) => Promise<CardResult>) =>
    async (request: CardPaymentRequest): Promise<CardResult> => {
      const known = journal.get(request.attemptKey);
      if (known) {
        if (known.amount !== request.amount || known.currency !== request.currency || known.kind !== kind) {
          const what = known.kind !== kind ? `another operation (a ${known.kind})` : 'another amount';
          throw new PosError('INVALID_REQUEST', `Attempt ${request.attemptKey} was for ${what}: use a new attempt key`);
        }
        const result = knownResult(request.attemptKey);
        if (result && result.status !== 'unknown') return result;
        return status(request.attemptKey);
      }
      if (kind === 'payment') checkOfflineCaps(request);
      await journal.requested(request.attemptKey, request.amount, request.currency, kind);
      inFlight.add(request.attemptKey);
      const within = options.answerWithinMs?.();
      progress({ attemptKey: request.attemptKey, phase: 'started', ...(within ? { timeoutMs: within } : {}) });
      let result: CardResult;
      try {
        result = await send(request).catch((error: unknown) => unknown(request, `The terminal did not answer: ${String(error)}`));
        await journal.answered(request.attemptKey, result);
      } finally {
        inFlight.delete(request.attemptKey);
        progress({ attemptKey: request.attemptKey, phase: 'finished' });
      }
      if (kind === 'payment') warnIfOverCap(request, result);
      return result;
    };

  return {
    label: terminal.label,
    journal,
    inProgress: (attemptKey) => inFlight.has(attemptKey),
    pay: attempt('payment', (request) => terminal.pay(request)),
    refund: attempt('refund', (request) => terminal.refund(request)),
    status,
    async close() {
      await terminal.close();
      await journal.close();
    },
  };
}
