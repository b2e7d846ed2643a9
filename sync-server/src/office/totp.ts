import { Secret, TOTP } from 'otpauth';
import type { Queryable } from '../db/database';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s. */
const PERIOD_S = 30;
/** Codes of the step before and after are taken too (clocks drift, people type slowly). */
const WINDOW = 1;
export const TOTP_ISSUER = 'POS back office';

function totpOf(secret: string, label: string): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** A new secret (160 bits, base32) and the otpauth:// URI an authenticator app scans as a QR code. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, label).toString() };
}

/** The time step of this code if it is valid now (± WINDOW steps), else null. */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, 'check').validate({ token: code, window: WINDOW, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_S) + delta;
}

/**
 * Uses the code's step: true once; a code of that step or an earlier one is refused after (a code
 * seen over someone's shoulder, or replayed, within its window). Atomic, across hub instances.
 */
export async function claimTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE office_users SET totp_last_step = $2 WHERE user_id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING 1',
    [userId, step],
  );
  return rows.length === 1;
}

/** The current code of a secret (tests, and the demo hub's printed instructions). */
export function currentTotpCode(secret: string, now = Date.now()): string {
  return totpOf(secret, 'code').generate({ timestamp: now });
}
