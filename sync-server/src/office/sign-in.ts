import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password-hash';
import { openSession, type SessionLimits } from './sessions';
import { claimTotpStep, totpStep } from './totp';
import { findUserByEmail, userOf, type UserRow } from './users';
import type { OfficeUser } from './roles';

export type LockoutPolicy = {
  /** Wrong passwords (or TOTP codes) in a row before the account is locked. */
  readonly maxFailures: number;
  readonly lockMs: number;
};

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

/** The one answer for an unknown e-mail, a wrong password, a disabled or a locked account: it tells nothing. */
function refused(): HubError {
  return new HubError(401, 'invalid_credentials', 'Wrong e-mail or password, or this account cannot sign in for now');
}

/** Counts a failure; the one that reaches the limit locks the account and starts the count again. */
async function recordFailure(db: Queryable, userId: string, policy: LockoutPolicy): Promise<void> {
  await db.query(
    `UPDATE office_users SET
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + $3::bigint * interval '1 millisecond' ELSE locked_until END,
       failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END
     WHERE user_id = $1`,
    [userId, policy.maxFailures, policy.lockMs],
  );
}

function lockedNow(row: UserRow): boolean {
  return row.locked_until !== null && row.locked_until.getTime() > Date.now();
}

export type SignInInput = { readonly email: string; readonly password: string; readonly code?: string | undefined };

/**
 * Checks e-mail and password (and the TOTP code of a user who has one) and opens a session.
 * Refusals: 401 invalid_credentials (whatever the cause), 401 totp_required (password right, code
 * missing: not a failure), 401 totp_invalid (counts as a failure, like a wrong password).
 */
export async function signIn(
  db: Queryable,
  input: SignInInput,
  options: { limits: SessionLimits; lockout: LockoutPolicy },
): Promise<{ token: string; user: OfficeUser }> {
  const row = await findUserByEmail(db, input.email);
  const password = input.password.slice(0, MAX_PASSWORD_LENGTH);
  if (!row || row.disabled || lockedNow(row)) {
    await verifyPassword(password, await decoyHash());
    throw refused();
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    await recordFailure(db, row.user_id, options.lockout);
    throw refused();
  }
  if (row.totp_secret !== null) {
    if (!input.code) throw new HubError(401, 'totp_required', 'Type the 6-digit code of your authenticator app');
    const step = totpStep(row.totp_secret, input.code.trim());
    if (step === null || !(await claimTotpStep(db, row.user_id, step))) {
      await recordFailure(db, row.user_id, options.lockout);
      throw new HubError(401, 'totp_invalid', 'This code is not valid (or was used already): type the next one');
    }
  }
  await db.query('UPDATE office_users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now() WHERE user_id = $1', [
    row.user_id,
  ]);
  return { token: await openSession(db, row.user_id, options.limits), user: userOf(row) };
}
