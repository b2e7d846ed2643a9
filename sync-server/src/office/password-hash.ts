import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import { HubError } from '../errors/hub-error';

const scrypt = promisify<string, Buffer, number, ScryptOptions, Buffer>(scryptCallback);

/**
 * scrypt from node:crypto (no native add-on to build on every platform the hub ships to), at
 * OWASP's minimum for scrypt (N=2^17, r=8, p=1: 128 MiB and ~0.3 s a check) would stall the hub's
 * event loop pool under a burst of sign-ins; N=2^15 (32 MiB, tens of ms) with the per-account
 * lockout and per-address limits is the trade-off. The parameters are stored with each hash, so
 * they can be raised later without locking anyone out.
 */
const PARAMS = { logN: 15, r: 8, p: 1, keylen: 32, saltBytes: 16 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** `scrypt$<logN>$<r>$<p>$<salt b64url>$<key b64url>` */
export function hashPassword(password: string): Promise<string> {
  return hashPasswordAtCost(password, PARAMS.logN);
}

/**
 * The hub hashes at its own cost (hashPassword); tests that only need a user to sign in store the
 * lowest cost verifyPassword reads (logN 10), so each sign-in does not spend a 32 MiB scrypt.
 */
export async function hashPasswordAtCost(password: string, logN: number): Promise<string> {
  const salt = randomBytes(PARAMS.saltBytes);
  const key = await derive(password, salt, logN, PARAMS.r, PARAMS.p, PARAMS.keylen);
  return ['scrypt', logN, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keylen: number): Promise<Buffer> {
  const N = 2 ** logN;
  return scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** False for a wrong password or a hash this code cannot read; constant time on the key. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every(Number.isInteger) || logN < 10 || logN > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length < 16) return false;
  const key = await derive(password.slice(0, MAX_PASSWORD_LENGTH), Buffer.from(parts[4]!, 'base64url'), logN, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/**
 * A hash of nothing anyone knows, checked when the e-mail is unknown (or the account locked), so
 * the answer takes as long as for a real account and its time tells nothing.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(32).toString('base64url'));
  return decoy;
}

/** A new password: long enough, not too long to hash, not only spaces. */
export function assertNewPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH || password.trim() === '')
    throw new HubError(400, 'weak_password', `A password is ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  return password;
}

/** A one-time password printed to whoever creates or resets a user: 120 random bits, easy to type. */
export function newOneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}
