import type { CardFailure } from '../payment/terminal-progress';
import type { CardOutcome } from '../payment/tender';
import type { Method } from './contract-method';

/**
 * The host methods of card payments: the host drives the terminal and keeps a journal per
 * attempt, so no answer means "unknown" and a status enquiry, never "declined".
 */

export type CardResult = {
  readonly attemptKey: string;
  readonly status: CardOutcome;
  readonly amount: number;
  readonly authorizationCode?: string;
  readonly maskedPan?: string;
  readonly scheme?: string;
  readonly message?: string;
  /** Approved by the terminal offline (store-and-forward): the bank has not seen it yet. */
  readonly offline?: boolean;
  /** Which protocol and terminal answered ("caisse-ap", "concert", "zvt", "simulated"). */
  readonly terminal?: string;
  /** Why it was declined or stays unknown, as a code the till translates (`message` is the driver's words, for logs). */
  readonly failure?: CardFailure;
};

/** A card refund: the original sale it refunds, and the approval when the signed-in person may not refund. */
export type RefundRequest = {
  readonly attemptKey: string;
  readonly amount: number;
  readonly currency: string;
  readonly saleId: string;
  readonly approvalId?: string;
};

/** A card terminal event the cashier and the manager must see (late approval, double answer, offline cap). */
export type TerminalAlertView = {
  readonly kind: 'late-approval' | 'late-decline' | 'duplicate-answer' | 'unknown-attempt' | 'offline-over-cap';
  readonly attemptKey: string;
  readonly message: string;
  readonly status: CardOutcome;
  readonly amount: number;
};

export type PaymentContract = {
  'terminal.pay': Method<{ readonly attemptKey: string; readonly amount: number; readonly currency: string }, CardResult>;
  'terminal.status': Method<{ readonly attemptKey: string }, CardResult>;
  /** A person read the terminal's own receipt for an unknown attempt: the journal records their word. */
  'terminal.reconcile': Method<{ readonly attemptKey: string; readonly outcome: 'approved' | 'declined' }, CardResult>;
  /** Sealed (refund.request) before the terminal is asked; needs sale.refund or an approval of it. */
  'terminal.refund': Method<RefundRequest, CardResult>;
};
