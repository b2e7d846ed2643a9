import type { CardResult } from '@pos/core';

export type CardPaymentRequest = {
  /** Idempotency key: the same key is never charged twice. */
  readonly attemptKey: string;
  readonly amount: number;
  readonly currency: string;
};

/**
 * A card terminal as the till host sees it. No answer within the timeout is "unknown", never
 * "declined": the customer may have been charged, and a status enquiry must settle it.
 */
export type CardTerminal = {
  readonly label: string;
  pay(request: CardPaymentRequest): Promise<CardResult>;
  /** Money back to the card (the protocols' credit / refund operation), with its own attempt key. */
  refund(request: CardPaymentRequest): Promise<CardResult>;
  /** Status enquiry for an earlier attempt. */
  status(attemptKey: string): Promise<CardResult>;
  close(): Promise<void>;
};
