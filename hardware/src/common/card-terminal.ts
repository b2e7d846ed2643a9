import type { CardResult, TerminalPrompt } from '@pos/core';
import type { DeviceStatus, Driver } from './device';

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

/**
 * What a terminal driver tells beyond pay/refund answers. `late-answer`: the terminal answered an
 * attempt after pay() had already returned "unknown" (timeout), or answered it twice: the payment
 * journal must catch it and show it, never charge again. `prompt`: what the terminal shows the
 * customer during an attempt, where its protocol says so (display only, never an outcome).
 */
export type CardTerminalEvents = {
  readonly status: DeviceStatus;
  readonly disconnected: { readonly reason: string };
  readonly 'late-answer': CardResult;
  readonly prompt: CardPromptEvent;
};

export type CardPromptEvent = { readonly attemptKey: string; readonly prompt: TerminalPrompt };

/** A protocol driver: the CardTerminal contract plus the driver shape of device.ts. */
export type CardTerminalDriver = CardTerminal & Driver<CardTerminalEvents>;
