import type { Queryable } from '../db/database';
import { scopeName, type Scope } from './scope';

/** The NOTIFY channel every hub instance listens on: a wake-up hint, the database stays the truth. */
export const SYNC_CHANNEL = 'sync';

/** `scope` is a store id or 'catalog'; `seq` the newest sequence the writer committed. */
export type ChangeNotice = { readonly scope: string; readonly collection: string; readonly seq: number };

/**
 * Called inside the writing transaction; the notice leaves once it has committed, never after a
 * rollback. On PostgreSQL it is sent right after COMMIT, on its own: a NOTIFY inside the
 * transaction would take PostgreSQL's global notification lock at commit and hold it through the
 * commit's WAL flush, so every writer of every store would commit one after the other. A notice
 * lost to a crash between the two only delays the wake-up: the next one of that store and
 * collection sends the streams everything after what they had. PGlite (one engine, one
 * connection) has no such contention and notifies in the transaction.
 */
export async function notifyChange(tx: Queryable, scope: Scope, collection: string, seq: number): Promise<void> {
  const notice: ChangeNotice = { scope: scopeName(scope), collection, seq };
  const send = (db: Queryable) => db.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, JSON.stringify(notice)]);
  if (tx.afterCommit) tx.afterCommit(send);
  else await send(tx);
}

/** notifyChange for several scopes of one collection, in one statement (a projector's step of many stores). */
export async function notifyChanges(
  tx: Queryable,
  collection: string,
  changes: readonly { readonly scope: Scope; readonly seq: number }[],
): Promise<void> {
  if (changes.length === 0) return;
  const notices = changes.map(({ scope, seq }) => JSON.stringify({ scope: scopeName(scope), collection, seq } satisfies ChangeNotice));
  const send = (db: Queryable) => db.query('SELECT pg_notify($1, n) FROM unnest($2::text[]) AS n', [SYNC_CHANNEL, notices]);
  if (tx.afterCommit) tx.afterCommit(send);
  else await send(tx);
}

export function parseChangeNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeNotice>;
    if (typeof value.scope === 'string' && typeof value.collection === 'string' && typeof value.seq === 'number') {
      return { scope: value.scope, collection: value.collection, seq: value.seq };
    }
  } catch {
    // Not ours: someone else may NOTIFY on the same channel.
  }
  return null;
}
