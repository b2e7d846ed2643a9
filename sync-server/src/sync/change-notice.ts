import type { Queryable } from '../db/database';
import { scopeName, type Scope } from './scope';

/** The NOTIFY channel every hub instance listens on: a wake-up hint, the database stays the truth. */
export const SYNC_CHANNEL = 'sync';

/** `scope` is a store id or 'catalog'; `seq` the newest sequence the writer committed. */
export type ChangeNotice = { readonly scope: string; readonly collection: string; readonly seq: number };

/** Inside the writing transaction: PostgreSQL delivers it on commit, and drops it on rollback. */
export async function notifyChange(tx: Queryable, scope: Scope, collection: string, seq: number): Promise<void> {
  const notice: ChangeNotice = { scope: scopeName(scope), collection, seq };
  await tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, JSON.stringify(notice)]);
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
