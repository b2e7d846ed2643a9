import type { CardResult } from '@pos/core';
import type { CardPaymentRequest, CardPromptEvent, CardTerminal } from '@pos/hardware/common';
import type { TerminalPort } from './device-ports';

/**
 * The card terminal behind the payment journal, replaceable when the manager picks another one on
 * the Devices screen: the journal (and its attempt keys) stays, the driver changes. Late answers
 * and prompts of whichever driver is current reach the journal's listeners.
 */
export class SwitchableTerminal implements CardTerminal {
  private lateListeners = new Set<(result: CardResult) => void>();
  private promptListeners = new Set<(event: CardPromptEvent) => void>();
  private unsubscribeInner: (() => void) | null = null;

  constructor(private inner: TerminalPort) {
    this.follow(inner);
  }

  get label(): string {
    return this.inner.label;
  }

  get current(): TerminalPort {
    return this.inner;
  }

  /** Swaps the driver; the old one is closed after the swap so no new attempt reaches it. */
  async replace(next: TerminalPort): Promise<void> {
    const old = this.inner;
    this.unsubscribeInner?.();
    this.inner = next;
    this.follow(next);
    await old.close().catch(() => undefined);
  }

  on(event: 'late-answer', listener: (result: CardResult) => void): () => void;
  on(event: 'prompt', listener: (event: CardPromptEvent) => void): () => void;
  on(event: 'late-answer' | 'prompt', listener: ((result: CardResult) => void) | ((event: CardPromptEvent) => void)): () => void {
    const set = (event === 'late-answer' ? this.lateListeners : this.promptListeners) as Set<typeof listener>;
    set.add(listener);
    return () => set.delete(listener);
  }

  pay(request: CardPaymentRequest): Promise<CardResult> {
    return this.inner.pay(request);
  }

  refund(request: CardPaymentRequest): Promise<CardResult> {
    return this.inner.refund(request);
  }

  status(attemptKey: string): Promise<CardResult> {
    return this.inner.status(attemptKey);
  }

  close(): Promise<void> {
    this.unsubscribeInner?.();
    return this.inner.close();
  }

  private follow(terminal: TerminalPort): void {
    const offLate = terminal.onLateAnswer?.((result) => {
      for (const listener of [...this.lateListeners]) listener(result);
    });
    const offPrompt = terminal.onPrompt?.((event) => {
      for (const listener of [...this.promptListeners]) listener(event);
    });
    this.unsubscribeInner = () => {
      offLate?.();
      offPrompt?.();
    };
  }
}
