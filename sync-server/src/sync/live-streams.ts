import { STREAM_RESYNC, type StreamEvent } from '@pos/core';
import type { Database } from '../db/database';
import { parseChangeNotice, SYNC_CHANNEL } from './change-notice';
import { documentsAfter, latestSeq } from './document-table';
import { scopeName, type Scope } from './scope';
import { toSyncDocument } from './stored-document';

/** Where a stream writes: one server-sent-events response. */
export type StreamSink = {
  /** One `data:` message. */
  send(data: string): void;
  /** A comment line, so proxies and the till see the connection is alive. */
  heartbeat(): void;
  close(): void;
};

type Connection = { readonly sink: StreamSink; lastSeq: number | null };

export type LiveStreamsOptions = {
  /** Documents per stream message; when more are pending the till is told to RESYNC (pull) instead. */
  readonly pageSize?: number;
  readonly heartbeatMs?: number;
  readonly onError?: (error: unknown) => void;
};

/**
 * The connections of one scope and collection on this instance. On every wake-up it sends each
 * connection the documents after the last sequence that connection was sent; connections at the
 * same place share one query (the usual case: every till is up to date).
 */
class StreamChannel {
  readonly connections = new Set<Connection>();
  private running = false;
  private again = false;

  constructor(
    private readonly db: Database,
    private readonly scope: Scope,
    private readonly collection: string,
    private readonly pageSize: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void (async () => {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (error) {
          // The database failed us: drop the streams, the tills reconnect and RESYNC.
          this.onError(error);
          for (const c of this.connections) c.sink.close();
          this.connections.clear();
        }
      } while (this.again && this.connections.size > 0);
      this.running = false;
    })();
  }

  private async drain(): Promise<void> {
    const bySeq = new Map<number, Connection[]>();
    for (const c of this.connections) if (c.lastSeq !== null) bySeq.set(c.lastSeq, [...(bySeq.get(c.lastSeq) ?? []), c]);
    for (const [after, group] of bySeq) {
      const rows = await documentsAfter(this.db, this.scope, this.collection, after, this.pageSize + 1);
      const last = rows.at(-1);
      if (!last) continue;
      const live = group.filter((c) => this.connections.has(c));
      if (rows.length > this.pageSize) {
        const latest = await latestSeq(this.db, this.scope, this.collection);
        for (const c of live) {
          c.sink.send(STREAM_RESYNC);
          c.lastSeq = latest;
        }
        continue;
      }
      const event: StreamEvent = { documents: rows.map(toSyncDocument), checkpoint: { seq: last.seq } };
      const message = JSON.stringify(event);
      for (const c of live) {
        c.sink.send(message);
        c.lastSeq = last.seq;
      }
    }
  }
}

/**
 * Every live stream of this hub instance. One LISTEN on the database wakes the right channel
 * whichever instance wrote; the documents themselves are always read from the database.
 */
export class LiveStreams {
  private readonly channels = new Map<string, StreamChannel>();
  private unlisten: (() => Promise<void>) | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private readonly pageSize: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Database,
    private readonly options: LiveStreamsOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.onError = options.onError ?? (() => undefined);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      SYNC_CHANNEL,
      (payload) => {
        const notice = parseChangeNotice(payload);
        if (notice) this.channels.get(`${notice.scope}\u0000${notice.collection}`)?.poke();
      },
      // Notices sent while the listening connection was down are lost: look again everywhere.
      { onReconnect: () => this.channels.forEach((channel) => channel.poke()) },
    );
    this.heartbeatTimer = setInterval(() => {
      for (const channel of this.channels.values()) for (const c of channel.connections) c.sink.heartbeat();
    }, this.options.heartbeatMs ?? 15_000);
    this.heartbeatTimer.unref();
  }

  get connectionCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.connections.size;
    return n;
  }

  /**
   * Registers a stream and sends RESYNC first: the till pulls from its own checkpoint, and this
   * stream carries on from the newest sequence seen now, so nothing falls between the two.
   */
  async open(scope: Scope, collection: string, sink: StreamSink): Promise<() => void> {
    const key = `${scopeName(scope)}\u0000${collection}`;
    let channel = this.channels.get(key);
    if (!channel) {
      channel = new StreamChannel(this.db, scope, collection, this.pageSize, this.onError);
      this.channels.set(key, channel);
    }
    const connection: Connection = { sink, lastSeq: null };
    channel.connections.add(connection);
    const remove = () => {
      const current = this.channels.get(key);
      if (!current) return;
      current.connections.delete(connection);
      if (current.connections.size === 0) this.channels.delete(key);
    };
    try {
      // Listening already (the channel exists), so a change committed after this read wakes us.
      const seq = await latestSeq(this.db, scope, collection);
      sink.send(STREAM_RESYNC);
      connection.lastSeq = seq;
    } catch (error) {
      remove();
      throw error;
    }
    channel.poke();
    return remove;
  }

  /** Ends every stream (shutdown); the tills reconnect elsewhere or later, and RESYNC. */
  async close(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    for (const channel of this.channels.values()) for (const c of channel.connections) c.sink.close();
    this.channels.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }
}
