import type { CardResult, TerminalPrompt } from '@pos/core';
import type { CardPaymentRequest, CardTerminalDriver, CardTerminalEvents } from '../../common/card-terminal';
import { TypedEvents, type DeviceStatus, type Listener } from '../../common/device';
import { declinedOutcome, unknownOutcome } from '../../common/terminal/card-outcome';
import { AttemptBook, type ExchangeOutcome } from './attempt-book';
import { connectTcp } from './tcp-connect';

export type CardOperation = 'payment' | 'refund';

/** What an exchange tells its driver beyond its outcome. */
export type ExchangeListener = {
  /** An answer after the exchange's outcome (timeout, or a second answer): never a new charge. */
  late(result: CardResult): void;
  disconnected(reason: string): void;
  /** What the terminal shows the customer now (ZVT intermediate status). */
  prompt(prompt: TerminalPrompt): void;
};

/** One request over one TCP connection, from connect to hang-up (which may come well after the outcome). */
export type Exchange = {
  readonly outcome: Promise<ExchangeOutcome>;
  /** Resolves once the connection is gone and no late answer can come. */
  readonly finished: Promise<void>;
  /** The driver is closing: settle now and hang up. */
  abort(): void;
};

export type TcpTerminalTarget = { readonly host: string; readonly port: number; readonly connectTimeoutMs: number };

/** The waits of every TCP terminal driver. */
export type TcpTerminalTiming = {
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly duplicateWindowMs: number;
  readonly lateAnswerWindowMs: number;
};

/** Defaults for a real payment: the answer waits for the customer's PIN, late answers for 10 min. */
export function tcpTerminalTiming(options: Partial<TcpTerminalTiming>): TcpTerminalTiming {
  return {
    timeoutMs: options.timeoutMs ?? 120_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    duplicateWindowMs: options.duplicateWindowMs ?? 2_000,
    lateAnswerWindowMs: options.lateAnswerWindowMs ?? 600_000,
  };
}

/**
 * The parts of a TCP card-terminal driver that do not depend on the protocol: one payment at a
 * time, idempotency keys, late answers, status enquiries from what the driver has seen, the
 * device status and events (device.ts shape). A protocol supplies `startExchange`.
 */
export abstract class TcpCardTerminal implements CardTerminalDriver {
  private readonly events = new TypedEvents<CardTerminalEvents>();
  private readonly attempts: AttemptBook;
  private readonly exchanges = new Set<Exchange>();
  private current: DeviceStatus = { state: 'closed' };
  private closed = false;

  protected constructor(
    readonly label: string,
    private readonly terminal: string,
    protected readonly target: TcpTerminalTarget,
  ) {
    this.attempts = new AttemptBook(terminal);
  }

  protected abstract startExchange(operation: CardOperation, request: CardPaymentRequest, listener: ExchangeListener): Exchange;

  /** Checks the terminal answers on its port; never throws. Payments connect on their own anyway. */
  async open(): Promise<void> {
    this.closed = false;
    this.setStatus({ state: 'opening' });
    const connection = await connectTcp(this.target.host, this.target.port, this.target.connectTimeoutMs);
    if (!connection.ok) {
      this.setStatus({
        state: 'disconnected',
        message: `Card terminal unreachable: ${connection.reason}. Check it is on and on the network.`,
      });
      return;
    }
    connection.socket.destroy();
    this.setStatus({ state: 'ready' });
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = [...this.exchanges];
    for (const exchange of pending) exchange.abort();
    await Promise.all(pending.map((exchange) => exchange.finished));
    this.setStatus({ state: 'closed' });
  }

  pay(request: CardPaymentRequest): Promise<CardResult> {
    return this.run('payment', request);
  }

  refund(request: CardPaymentRequest): Promise<CardResult> {
    return this.run('refund', request);
  }

  status(): DeviceStatus;
  status(attemptKey: string): Promise<CardResult>;
  status(attemptKey?: string): DeviceStatus | Promise<CardResult> {
    if (attemptKey === undefined) return this.current;
    return Promise.resolve(this.attempts.status(attemptKey));
  }

  on<K extends keyof CardTerminalEvents>(event: K, listener: Listener<CardTerminalEvents[K]>): () => void {
    return this.events.on(event, listener);
  }

  private run(operation: CardOperation, request: CardPaymentRequest): Promise<CardResult> {
    if (this.closed)
      return Promise.resolve(
        declinedOutcome(request, this.terminal, 'The card terminal driver is closed: nothing was charged.', 'not-connected'),
      );
    return this.attempts.run(request, () => this.exchange(operation, request));
  }

  private async exchange(operation: CardOperation, request: CardPaymentRequest): Promise<ExchangeOutcome> {
    this.setStatus({ state: 'busy' });
    let exchange: Exchange;
    try {
      exchange = this.startExchange(
        operation,
        { ...request },
        {
          late: (result) => {
            this.attempts.recordLate(result);
            this.events.emit('late-answer', result);
          },
          disconnected: (reason) => this.events.emit('disconnected', { reason }),
          prompt: (prompt) => this.events.emit('prompt', { attemptKey: request.attemptKey, prompt }),
        },
      );
    } catch (error) {
      // A bug of ours must not become a thrown error at the till; we cannot tell what was sent.
      return { result: unknownOutcome(request, this.terminal, `Card terminal driver error (${String(error)})`), sent: true };
    }
    this.exchanges.add(exchange);
    void exchange.finished.then(() => this.exchanges.delete(exchange));
    const outcome = await exchange.outcome;
    if (!this.closed) {
      const unreachable = !outcome.sent && outcome.result.status === 'declined';
      this.setStatus(
        unreachable ? { state: 'disconnected', message: outcome.result.message ?? 'Card terminal unreachable.' } : { state: 'ready' },
      );
    }
    return outcome;
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.message === this.current.message) return;
    this.current = status;
    this.events.emit('status', status);
  }
}
