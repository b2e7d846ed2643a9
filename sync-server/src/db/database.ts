/**
 * The one database interface the hub uses, whichever engine is behind it (PGlite on disk, or
 * PostgreSQL through node-postgres): parameterised SQL, transactions, LISTEN/NOTIFY, close.
 * Bigint columns come back as JS numbers on both.
 */

export type SqlQuery = { readonly text: string; readonly params: readonly unknown[] };

export type Row = Record<string, unknown>;

export type Queryable = {
  /** `text` with `$1…` placeholders and `params`, or a query built with the `sql` tag. */
  query<R extends Row = Row>(query: string | SqlQuery, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Inside a transaction, where the driver offers it: runs `work` once the transaction has
   * committed, before `transaction()` resolves (never after a rollback). A failure of `work` is
   * reported to the database's error handler, never to the committed transaction's caller.
   */
  afterCommit?(work: (db: Queryable) => Promise<unknown>): void;
};

export type ListenOptions = {
  /**
   * Called after the listening connection dropped and came back: notifications sent meanwhile
   * are lost, so whoever listens must look at the database again.
   */
  readonly onReconnect?: () => void;
};

export type TransactionOptions = {
  /**
   * false: the commit returns before it reaches the disk (PostgreSQL's synchronous_commit off for
   * this transaction; PGlite ignores it). Only for what derives from records already durable and
   * is done again if a crash loses it: a later durable commit still flushes it, in order.
   */
  readonly waitForDisk?: boolean;
};

export type Database = Queryable & {
  readonly driver: 'pglite' | 'postgres';
  /**
   * A `jsonb` parameter from JSON text, in the form the driver sends cheapest. node-postgres sends
   * a string by measuring its UTF-8 length and then encoding it (two walks of a large push); bytes
   * go as they are, in jsonb's binary form (a version byte, then the text). PGlite takes the text.
   */
  jsonb(text: string): unknown;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves once listening, to the unsubscribe function. */
  listen(channel: string, onNotify: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  /** Applies the SQL migrations not yet applied (drizzle-orm's migrator). */
  migrate(): Promise<void>;
  /**
   * The same database through connections of its own, at most `connections` (PostgreSQL: a pool
   * beside the one requests use; PGlite, one engine: itself). The hub's projectors work through it:
   * under a flood of pushes, every query of theirs would otherwise wait behind hundreds of pushes
   * in the one pool's queue, and verification would stop until the flood ends. Closing it ends
   * only its own connections; closing the database ends them too.
   */
  ownPool(connections: number): Database;
  close(): Promise<void>;
};

/**
 * Tagged template for parameterised SQL: every interpolated value becomes a `$n` parameter,
 * never text, so nothing from a request can change the statement.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly unknown[]): SqlQuery {
  let text = strings[0] ?? '';
  values.forEach((_, i) => {
    text += `$${i + 1}${strings[i + 1] ?? ''}`;
  });
  return { text, params: values };
}

export function toQuery(query: string | SqlQuery, params: readonly unknown[] = []): SqlQuery {
  return typeof query === 'string' ? { text: query, params } : query;
}
