import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';
import { recordAudit, type AuditActor } from './audit';
import { assertNewPassword, hashPassword, verifyPassword } from './password-hash';
import { endUserSessions } from './sessions';
import { claimTotpStep, newTotpSecret, totpStep } from './totp';
import type { UserRow } from './users';
import type { OfficeUser } from './roles';

/** What a signed-in user changes about themselves: their password and their TOTP second factor. */

async function rowOf(db: Queryable, userId: string): Promise<UserRow> {
  const [row] = await db.query<UserRow>('SELECT * FROM office_users WHERE user_id = $1', [userId]);
  if (!row) throw new HubError(401, 'unauthorized', 'Sign in again');
  return row;
}

function actorOf(user: OfficeUser): AuditActor {
  return { kind: 'user', userId: user.userId, email: user.email };
}

/** The current password proves it is the person at the keyboard; the user's other sessions end. */
export async function changePassword(
  db: Queryable,
  user: OfficeUser,
  change: { currentPassword: string; newPassword: string },
  keepSession: string,
): Promise<void> {
  const row = await rowOf(db, user.userId);
  if (!(await verifyPassword(change.currentPassword, row.password_hash)))
    throw new HubError(400, 'invalid_credentials', 'currentPassword: this is not your current password');
  const next = assertNewPassword(change.newPassword);
  if (next === change.currentPassword)
    throw new HubError(400, 'weak_password', 'newPassword: choose a password other than the current one');
  await db.query('UPDATE office_users SET password_hash = $2, must_change_password = false, updated_at = now() WHERE user_id = $1', [
    user.userId,
    await hashPassword(next),
  ]);
  await endUserSessions(db, user.userId, keepSession);
  await recordAudit(db, actorOf(user), { action: 'user.change-password', target: user.userId });
}

/** Starts (or starts again) the enrollment of a TOTP second factor; refused when one is on already. */
export async function startTotpEnrollment(db: Queryable, user: OfficeUser): Promise<{ secret: string; uri: string }> {
  const row = await rowOf(db, user.userId);
  if (row.totp_secret !== null)
    throw new HubError(409, 'already_exists', 'A second factor is on already: an administrator resets it to enroll another');
  const enrollment = newTotpSecret(row.email);
  await db.query('UPDATE office_users SET totp_pending_secret = $2 WHERE user_id = $1', [user.userId, enrollment.secret]);
  return enrollment;
}

/** A code from the app proves it holds the secret: the second factor is on from now on. */
export async function confirmTotp(db: Queryable, user: OfficeUser, code: string): Promise<void> {
  const row = await rowOf(db, user.userId);
  if (row.totp_pending_secret === null) throw new HubError(409, 'not_ready', 'Start the enrollment first (POST /api/v1/office/totp)');
  const step = totpStep(row.totp_pending_secret, code.trim());
  if (step === null || !(await claimTotpStep(db, user.userId, step)))
    throw new HubError(400, 'totp_invalid', 'This code is not valid: check the clock of the phone and type the next one');
  await db.query(
    'UPDATE office_users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, updated_at = now() WHERE user_id = $1',
    [user.userId],
  );
  await recordAudit(db, actorOf(user), { action: 'user.enable-totp', target: user.userId });
}
