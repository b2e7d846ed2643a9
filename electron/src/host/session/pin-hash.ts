import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * PINs are stored as scrypt hashes with a per-staff salt. A 4–6 digit PIN is a small secret, so
 * the real protection is the lockout in session.ts; the hash keeps PINs out of backups and logs.
 */
const PARAMS = { N: 2 ** 14, r: 8, p: 1, keylen: 32 } as const;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(pin, Buffer.from(salt, 'base64url'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
