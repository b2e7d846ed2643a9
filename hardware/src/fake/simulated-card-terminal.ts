import type { CardFailure, CardResult } from '@pos/core';
import type { CardPaymentRequest, CardPromptEvent, CardTerminal } from '../common/card-terminal';

export type SimulatedBehaviour = 'approve' | 'decline' | 'timeout';

export type SimulatedCardTerminalOptions = {
  readonly label?: string;
  /** What happens to amounts without a magic ending. Default 'approve'. */
  readonly behaviour?: SimulatedBehaviour;
  /** Time the "customer" takes to present the card before an approval or a decline. Default 1500 ms. */
  readonly processingMs?: number;
  /** Time before an attempt that gets no answer comes back 'unknown'. Default 5000 ms. */
  readonly timeoutMs?: number;
  /**
   * What the terminal really did with an attempt that timed out, as a status enquiry reveals it.
   * Default 'approved': the customer was charged although the till heard nothing, the case the
   * till must never mistake for a decline.
   */
  readonly lateOutcome?: 'approved' | 'declined';
  readonly card?: { readonly maskedPan: string; readonly scheme: string };
};

/**
 * Amounts (in minor units) whose last two digits choose the outcome, so a demo user can pick it at
 * the till: 12,51 € is declined, 12,52 € gets no answer (outcome unknown). Others follow `behaviour`.
 */
export const MAGIC_CENTS = { decline: 51, timeout: 52 } as const;

export function behaviourForAmount(amount: number, fallback: SimulatedBehaviour): SimulatedBehaviour {
  const cents = Math.abs(amount) % 100;
  if (cents === MAGIC_CENTS.decline) return 'decline';
  if (cents === MAGIC_CENTS.timeout) return 'timeout';
  return fallback;
}

/** What the terminal really did, once it has done it: the status enquiry's answer. */
type Outcome = { actual?: CardResult };

type Attempt = {
  readonly request: CardPaymentRequest;
  /** What pay() answers, for this call and every repeat with the same key. */
  readonly answer: Promise<CardResult>;
  readonly outcome: Outcome;
};

/**
 * A card terminal in memory, for demos and tests. Attempts are remembered by their idempotency
 * key: paying again with a key returns the first result and charges nothing more.
 */
export type SimulatedCardTerminal = CardTerminal & {
  /** What the "terminal" asks the customer: insert the card, then wait for the bank (as ZVT tells). */
  onPrompt(listener: (event: CardPromptEvent) => void): () => void;
};

export function createSimulatedCardTerminal(options: SimulatedCardTerminalOptions = {}): SimulatedCardTerminal {
  const behaviour = options.behaviour ?? 'approve';
  const processingMs = options.processingMs ?? 1500;
  const timeoutMs = options.timeoutMs ?? 5000;
  const lateOutcome = options.lateOutcome ?? 'approved';
  const card = options.card ?? { maskedPan: '**** 4242', scheme: 'CB' };
  const attempts = new Map<string, Attempt>();
  const pending = new Map<NodeJS.Timeout, () => void>();
  const promptListeners = new Set<(event: CardPromptEvent) => void>();
  const promptTimers = new Set<NodeJS.Timeout>();
  const prompt = (event: CardPromptEvent) => {
    for (const listener of [...promptListeners]) listener(event);
  };
  /** The customer's side of a real payment: the card first, then the wait for the bank, halfway. */
  const showPrompts = (attemptKey: string) => {
    prompt({ attemptKey, prompt: 'insert-card' });
    const timer = setTimeout(() => {
      promptTimers.delete(timer);
      prompt({ attemptKey, prompt: 'waiting-bank' });
    }, processingMs / 2);
    promptTimers.add(timer);
  };
  let closed = false;

  const approved = (request: CardPaymentRequest): CardResult => ({
    attemptKey: request.attemptKey,
    status: 'approved',
    amount: request.amount,
    authorizationCode: authorizationCode(request.attemptKey),
    maskedPan: card.maskedPan,
    scheme: card.scheme,
  });
  const declined = (request: CardPaymentRequest, message: string, failure: CardFailure = 'refused'): CardResult => ({
    attemptKey: request.attemptKey,
    status: 'declined',
    amount: request.amount,
    message,
    failure,
  });

  /** Answers after `ms`, unless the terminal is closed first (then: unknown, nothing known). */
  const after = (ms: number, request: CardPaymentRequest, answer: () => CardResult) =>
    new Promise<CardResult>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(timer);
        resolve(answer());
      }, ms);
      pending.set(timer, () =>
        resolve({
          attemptKey: request.attemptKey,
          status: 'unknown',
          amount: request.amount,
          message: 'The terminal was closed during the payment.',
          failure: 'connection-lost',
        }),
      );
    });

  const run = (request: CardPaymentRequest, attempt: Outcome): Promise<CardResult> => {
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      // Refused before any card was read: a certain decline, nothing charged.
      const result = declined(
        request,
        `The terminal refuses the amount ${request.amount}: it must be a whole positive number of cents.`,
        'not-sent',
      );
      attempt.actual = result;
      return Promise.resolve(result);
    }
    switch (behaviourForAmount(request.amount, behaviour)) {
      case 'approve':
        return after(processingMs, request, () => (attempt.actual = approved(request)));
      case 'decline':
        return after(processingMs, request, () => (attempt.actual = declined(request, 'Declined by the card issuer (simulated).')));
      case 'timeout':
        return after(timeoutMs, request, () => {
          attempt.actual = lateOutcome === 'approved' ? approved(request) : declined(request, 'Declined by the card issuer (simulated).');
          return {
            attemptKey: request.attemptKey,
            status: 'unknown',
            amount: request.amount,
            message: `No answer from the terminal within ${timeoutMs / 1000} s: the customer may have been charged. Ask the terminal for the status of this payment.`,
            failure: 'timeout',
          };
        });
    }
  };

  // A refund is a payment the other way: the same card, the same outcomes, its own attempt key.
  const attempt = (request: CardPaymentRequest): Promise<CardResult> => {
    const known = attempts.get(request.attemptKey);
    if (known) return known.answer;
    if (closed) return Promise.resolve(declined(request, 'The terminal is closed: nothing was charged.', 'not-connected'));
    const outcome: Outcome = {};
    const answer = run({ ...request }, outcome);
    showPrompts(request.attemptKey);
    attempts.set(request.attemptKey, { request: { ...request }, answer, outcome });
    return answer;
  };

  return {
    label: options.label ?? 'Simulated card terminal',
    onPrompt(listener) {
      promptListeners.add(listener);
      return () => promptListeners.delete(listener);
    },
    pay: attempt,
    refund: attempt,
    async status(attemptKey) {
      const attempt = attempts.get(attemptKey);
      if (!attempt) {
        // A terminal that restarted has forgotten too: "no record" is not proof of no charge.
        return { attemptKey, status: 'unknown', amount: 0, message: 'The terminal has no record of this payment.' };
      }
      return (
        attempt.outcome.actual ?? {
          attemptKey,
          status: 'unknown',
          amount: attempt.request.amount,
          message: 'The payment is still in progress on the terminal.',
        }
      );
    },
    async close() {
      closed = true;
      for (const timer of promptTimers) clearTimeout(timer);
      promptTimers.clear();
      for (const [timer, cancel] of pending) {
        clearTimeout(timer);
        cancel();
      }
      pending.clear();
    },
  };
}

/** A six-character code that looks like an authorisation number and is the same for the same key. */
function authorizationCode(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).toUpperCase().padStart(6, '0').slice(-6);
}
