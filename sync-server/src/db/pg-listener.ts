import pg from 'pg';

type Subscriber = { readonly onNotify: (payload: string) => void; readonly onReconnect?: () => void };

export type PgListenerOptions = {
  readonly connectionString: string;
  /** First wait before reconnecting; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly onError?: (error: Error) => void;
};

/**
 * LISTEN needs a connection of its own that stays open (a pooled client would be handed to other
 * queries). When it drops, this reconnects with back-off, listens again on every channel, and
 * tells each subscriber, since whatever was notified meanwhile is lost.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, Set<Subscriber>>();
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs: number;

  constructor(private readonly options: PgListenerOptions) {
    this.retryMs = options.retryMs ?? 100;
  }

  async subscribe(channel: string, subscriber: Subscriber): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('The listener is closed');
    let subscribers = this.channels.get(channel);
    const first = !subscribers;
    if (!subscribers) {
      subscribers = new Set();
      this.channels.set(channel, subscribers);
    }
    subscribers.add(subscriber);
    if (!this.client) await (this.connecting ??= this.connect(false));
    else if (first) await this.client.query(`LISTEN ${this.client.escapeIdentifier(channel)}`);
    return async () => {
      const set = this.channels.get(channel);
      set?.delete(subscriber);
      if (set && set.size === 0) {
        this.channels.delete(channel);
        await this.client?.query(`UNLISTEN ${this.client.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, keepAlive: true });
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.connecting = null;
      if (!reconnecting) throw error;
      this.scheduleReconnect();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.on('notification', (message) => {
      for (const subscriber of this.channels.get(message.channel) ?? []) subscriber.onNotify(message.payload ?? '');
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) this.options.onError?.(error);
      client.end().catch(() => undefined);
      if (!this.closed) this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    this.connecting = null;
    this.retryMs = this.options.retryMs ?? 100;
    if (reconnecting) for (const set of this.channels.values()) for (const s of set) s.onReconnect?.();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed && !this.client) this.connecting = this.connect(true);
    }, wait);
  }
}
