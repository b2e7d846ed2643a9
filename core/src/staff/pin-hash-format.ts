/**
 * How a PIN hash is written, the same at the hub (which makes it from a PIN given once) and on
 * the till (which checks PINs against it): `scrypt$N$r$p$<salt>$<key>`, salt and key base64url.
 * The derivation itself is Node's scrypt on each side; only the format is shared here.
 */
export const PIN_HASH_PARAMS = { N: 2 ** 14, r: 8, p: 1, keylen: 32, saltBytes: 16 } as const;

export function formatPinHash(salt: string, key: string): string {
  return `scrypt$${PIN_HASH_PARAMS.N}$${PIN_HASH_PARAMS.r}$${PIN_HASH_PARAMS.p}$${salt}$${key}`;
}

/** The salt and key of a hash made with PIN_HASH_PARAMS, or null (another scheme or cost, or not a hash). */
export function parsePinHash(stored: string): { readonly salt: string; readonly key: string } | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key || rest.length > 0) return null;
  if (Number(n) !== PIN_HASH_PARAMS.N || Number(r) !== PIN_HASH_PARAMS.r || Number(p) !== PIN_HASH_PARAMS.p) return null;
  return /^[A-Za-z0-9_-]{1,128}$/.test(salt) && /^[A-Za-z0-9_-]{1,128}$/.test(key) ? { salt, key } : null;
}
