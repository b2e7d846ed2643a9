import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { formatPinHash, parsePinHash, PIN_HASH_PARAMS } from '@pos/core';

/**
 * PINs are stored as scrypt hashes with a per-staff salt, in core's format (the hub makes the
 * hashes of the staff it manages the same way). A 4–6 digit PIN is a small secret, so the real
 * protection is the lockout in session.ts; the hash keeps PINs out of backups and logs.
 */
function derive(pin: string, salt: Buffer): Promise<Buffer> {
  const { N, r, p, keylen } = PIN_HASH_PARAMS;
  return new Promise((resolve, reject) => scrypt(pin, salt, keylen, { N, r, p }, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(PIN_HASH_PARAMS.saltBytes);
  const key = await derive(pin, salt);
  return formatPinHash(salt.toString('base64url'), key.toString('base64url'));
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.key, 'base64url');
  const actual = await derive(pin, Buffer.from(parsed.salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
