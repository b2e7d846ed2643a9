import { STREAM_RESYNC, type StreamEvent } from '@pos/core';
import type { Database } from '../db/database';
import { parseChangeNotice, SYNC_CHANNEL } from './change-notice';
import { documentsAfter, latestSeq } from './document-table';
import { scopeName, type Scope } from './scope';
import { toSyncDocument } from './stored-document';

/** One server-sent-events message, encoded once and shared by every stream that sends it. */
export function sseFrame(data: string): Buffer {
  return Buffer.from(`data: ${data}\n\n`, 'utf8');
}

const RESYNC_FRAME = sseFrame(STREAM_RESYNC);
/** A comment line, so proxies and the till see the connection is alive. */
const HEARTBEAT_FRAME = Buffer.from(': keep-alive\n\n', 'utf8');

/** Where a stream writes: one server-sent-events response. */
export type StreamSink = {
  /** Writes one frame; a sink whose reader is too far behind closes itself instead. */
  send(frame: Buffer): void;
  /** Ends the stream; `reason`, when given, goes to the till first as a comment. */
  close(reason?: string): void;
  /** Bytes written to the stream that its connection has not taken yet. */
  readonly bufferedBytes: number;
};

type Connection = {
  readonly sink: StreamSink;
  lastSeq: number | null;
  /** The channel and the owner's list it is in (removed from both at once). */
  readonly channelKey: string;
  readonly ownerKey: string;
};

export type LiveStreamsOptions = {
  /** Documents per stream message; when more are pending the till is told to RESYNC (pull) instead. */
  readonly pageSize?: number;
  /** Largest stream message (default 1 MiB): a larger change is announced as RESYNC and pulled. */
  readonly maxMessageBytes?: number;
  /** Streams one device may hold on one collection (default 4); a new one closes the oldest. */
  readonly maxPerDevice?: number;
  readonly heartbeatMs?: number;
  readonly onError?: (error: unknown) => void;
};

export const DEFAULT_STREAMS_PER_DEVICE = 4;
export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

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
    private readonly limits: { readonly pageSize: number; readonly maxMessageBytes: number },
    private readonly onError: (error: unknown) => void,
    private readonly drop: (connection: Connection) => void,
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
          for (const c of [...this.connections]) {
            this.drop(c);
            c.sink.close();
          }
        }
      } while (this.again && this.connections.size > 0);
      this.running = false;
    })();
  }

  private async drain(): Promise<void> {
    const bySeq = new Map<number, Connection[]>();
    for (const c of this.connections) {
      if (c.lastSeq === null) continue;
      const group = bySeq.get(c.lastSeq);
      if (group) group.push(c);
      else bySeq.set(c.lastSeq, [c]);
    }
    const { pageSize, maxMessageBytes } = this.limits;
    for (const [after, group] of bySeq) {
      const rows = await documentsAfter(this.db, this.scope, this.collection, after, pageSize + 1);
      const last = rows.at(-1);
      if (!last) continue;
      const live = group.filter((c) => this.connections.has(c));
      if (rows.length > pageSize) {
        const latest = await latestSeq(this.db, this.scope, this.collection);
        this.sendAll(live, RESYNC_FRAME, latest);
        continue;
      }
      const event: StreamEvent = { documents: rows.map(toSyncDocument), checkpoint: { seq: last.seq } };
      const frame = sseFrame(JSON.stringify(event));
      // A message that large would sit whole in every slow stream's buffer: the till pulls it instead.
      this.sendAll(live, frame.length > maxMessageBytes ? RESYNC_FRAME : frame, last.seq);
    }
  }

  private sendAll(connections: readonly Connection[], frame: Buffer, seq: number): void {
    for (const c of connections) {
      c.sink.send(frame);
      c.lastSeq = seq;
    }
  }
}

/**
 * Every live stream of this hub instance. One LISTEN on the database wakes the right channel
 * whichever instance wrote; the documents themselves are always read from the database.
 */
export class LiveStreams {
  private readonly channels = new Map<string, StreamChannel>();
  /** Each device's streams on each collection, oldest first. */
  private readonly owners = new Map<string, Connection[]>();
  private unlisten: (() => Promise<void>) | null = null;
  private heartbeatTimer: ReturnType<typeof setInterval> | null = null;
  private readonly limits: { readonly pageSize: number; readonly maxMessageBytes: number };
  private readonly maxPerDevice: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Database,
    private readonly options: LiveStreamsOptions = {},
  ) {
    this.limits = { pageSize: options.pageSize ?? 500, maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES };
    this.maxPerDevice = Math.max(1, options.maxPerDevice ?? DEFAULT_STREAMS_PER_DEVICE);
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
      for (const c of this.connections()) c.sink.send(HEARTBEAT_FRAME);
    }, this.options.heartbeatMs ?? 15_000);
    this.heartbeatTimer.unref();
  }

  get connectionCount(): number {
    let n = 0;
    for (const channel of this.channels.values()) n += channel.connections.size;
    return n;
  }

  /** Bytes every stream of this instance holds for readers that have not taken them yet. */
  get bufferedBytes(): number {
    let n = 0;
    for (const c of this.connections()) n += c.sink.bufferedBytes;
    return n;
  }

  /**
   * Registers the stream of `device` (store and till) and sends RESYNC first: the till pulls from
   * its own checkpoint, and this stream carries on from the newest sequence seen now, so nothing
   * falls between the two. A device past its streams on this collection loses its oldest: a till
   * reconnecting while the hub has not yet noticed its old connection died must get in, and a
   * client opening streams by the hundred keeps a few.
   */
  async open(scope: Scope, collection: string, sink: StreamSink, device: string): Promise<() => void> {
    const ownerKey = `${device}\u0000${collection}`;
    const owned = this.owners.get(ownerKey) ?? [];
    // Before the channel is looked up: evicting its last stream removes it.
    for (const oldest of owned.splice(0, owned.length - this.maxPerDevice + 1)) {
      this.detach(oldest);
      oldest.sink.close(`closed: this device opened more than ${this.maxPerDevice} streams of ${collection}`);
    }
    const channelKey = `${scopeName(scope)}\u0000${collection}`;
    let channel = this.channels.get(channelKey);
    if (!channel) {
      channel = new StreamChannel(this.db, scope, collection, this.limits, this.onError, (c) => this.detach(c));
      this.channels.set(channelKey, channel);
    }
    const connection: Connection = { sink, lastSeq: null, channelKey, ownerKey };
    channel.connections.add(connection);
    this.owners.set(ownerKey, [...owned, connection]);
    try {
      // Listening already (the channel exists), so a change committed after this read wakes us.
      const seq = await latestSeq(this.db, scope, collection);
      sink.send(RESYNC_FRAME);
      connection.lastSeq = seq;
    } catch (error) {
      this.detach(connection);
      throw error;
    }
    channel.poke();
    return () => this.detach(connection);
  }

  /** Ends every stream (shutdown); the tills reconnect elsewhere or later, and RESYNC. */
  async close(): Promise<void> {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    const all = [...this.connections()];
    this.channels.clear();
    this.owners.clear();
    for (const c of all) c.sink.close();
    await this.unlisten?.();
    this.unlisten = null;
  }

  private *connections(): Generator<Connection> {
    for (const channel of this.channels.values()) yield* channel.connections;
  }

  /** Forgets a stream (its channel, its owner's list); a second call does nothing. */
  private detach(connection: Connection): void {
    const channel = this.channels.get(connection.channelKey);
    if (channel?.connections.delete(connection) && channel.connections.size === 0) this.channels.delete(connection.channelKey);
    const owned = this.owners.get(connection.ownerKey);
    const at = owned?.indexOf(connection) ?? -1;
    if (owned && at >= 0) {
      owned.splice(at, 1);
      if (owned.length === 0) this.owners.delete(connection.ownerKey);
    }
  }
}
