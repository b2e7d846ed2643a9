import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed value is for: a token made for one use is never accepted for another. */
export type LinkPurpose = 'join-form' | 'wallet';

const EXPIRY = /^\d{1,12}$/;
const MAC = /^[A-Za-z0-9_-]{43}$/;

function mac(key: Buffer, purpose: LinkPurpose, subject: string, expires: number): string {
  return createHmac('sha256', key).update(`${purpose}\u0000${subject}\u0000${expires}`).digest('base64url');
}

/**
 * `<expiry in seconds since 1970>.<HMAC-SHA-256>` over the purpose, the subject (a claim, a member
 * id) and the expiry: whoever holds it may do that one thing for that subject until then, and
 * nothing else. The hub keeps nothing per token: any instance with the link key checks it.
 */
export function signLink(key: Buffer, purpose: LinkPurpose, subject: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${expires}.${mac(key, purpose, subject, expires)}`;
}

/** Whether `token` was signed with this key for this purpose and subject, and has not expired at `now`. */
export function checkLink(key: Buffer, purpose: LinkPurpose, subject: string, token: string, now: Date = new Date()): boolean {
  const dot = token.indexOf('.');
  const expiresText = token.slice(0, dot);
  const sent = token.slice(dot + 1);
  if (dot < 0 || !EXPIRY.test(expiresText) || !MAC.test(sent)) return false;
  const expires = Number(expiresText);
  if (expires * 1000 <= now.getTime()) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(mac(key, purpose, subject, expires)));
}
