/**
 * What the card terminal shows the customer during a payment, where its protocol says so (ZVT's
 * intermediate status; Caisse-AP and Concert answer only at the end). A code, never the
 * terminal's own text: the till translates it.
 */
export const TERMINAL_PROMPTS = [
  'working',
  'confirm-amount',
  'watch-pin-pad',
  'insert-card',
  'remove-card',
  'please-wait',
  'waiting-bank',
  'select-application',
  'card-not-readable',
  'card-not-accepted',
  'pin-wrong',
  'pin-blocked',
  'approved',
  'terminal-error',
] as const;

export type TerminalPrompt = (typeof TERMINAL_PROMPTS)[number];

/**
 * A card attempt while the terminal works on it: `started` (with the wait after which no answer
 * means "unknown", when the driver has one), each `prompt`, then `finished` once pay() answered.
 * Until `finished` nobody may settle the attempt by hand: the terminal may still charge the card.
 */
export type TerminalProgress =
  | { readonly attemptKey: string; readonly phase: 'started'; readonly timeoutMs?: number }
  | { readonly attemptKey: string; readonly phase: 'prompt'; readonly prompt: TerminalPrompt }
  | { readonly attemptKey: string; readonly phase: 'finished' };

/**
 * Why a card payment failed or stayed unknown, for the cashier's message: `not-connected` (the
 * terminal could not be reached: nothing charged), `not-sent` (reached, but the payment was not
 * sent: registration refused, an amount it cannot take), `busy` (another payment is under way on
 * it), `timeout` (no answer in time), `connection-lost`, `refused` (the terminal or the card issuer
 * said no), `cancelled` (on the terminal, or the customer gave up), `terminal-error` (an answer the
 * till could not read, a driver fault).
 */
export const CARD_FAILURES = [
  'not-connected',
  'not-sent',
  'busy',
  'timeout',
  'connection-lost',
  'refused',
  'cancelled',
  'terminal-error',
] as const;

export type CardFailure = (typeof CARD_FAILURES)[number];
