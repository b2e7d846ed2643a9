import type { Queryable } from '../db/database';

/**
 * The NOTIFY channel telling every hub instance that some office sessions of a user ended (signed
 * out, revoked, their role or stores changed, disabled): live streams opened with them look at
 * their session again now rather than at their next heartbeat. A wake-up hint: the sessions table
 * stays the truth, and a notice lost to a dropped connection only waits for that heartbeat.
 */
export const OFFICE_SESSIONS_CHANNEL = 'office_sessions';

/** Longer than any user id (users.ts refuses longer): a notice naming one is not ours. */
const MAX_USER_ID_LENGTH = 100;

type SessionsNotice = { readonly userId: string };

/** Called where the sessions are deleted; inside a transaction, the notice leaves once it committed. */
export async function notifySessionsEnded(db: Queryable, userId: string): Promise<void> {
  const notice: SessionsNotice = { userId };
  const send = (q: Queryable) => q.query('SELECT pg_notify($1, $2)', [OFFICE_SESSIONS_CHANNEL, JSON.stringify(notice)]);
  if (db.afterCommit) db.afterCommit(send);
  else await send(db);
}

/** The user a notice names, or null (not one of ours). */
export function parseSessionsEnded(payload: string): string | null {
  try {
    const { userId } = JSON.parse(payload) as Partial<SessionsNotice>;
    return typeof userId === 'string' && userId.length > 0 && userId.length <= MAX_USER_ID_LENGTH ? userId : null;
  } catch {
    return null;
  }
}
