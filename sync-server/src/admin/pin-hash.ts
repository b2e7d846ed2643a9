import { randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';
import { formatPinHash, PIN_HASH_PARAMS } from '@pos/core';

const scrypt = promisify<string, Buffer, number, ScryptOptions, Buffer>(scryptCallback);

/**
 * The hub makes a person's PIN hash once, from the PIN given over the admin API or the command
 * line, in the format the tills check PINs against (core's pin-hash-format). The PIN itself is
 * dropped here: never stored, never logged.
 */
export async function hashStaffPin(pin: string): Promise<string> {
  const salt = randomBytes(PIN_HASH_PARAMS.saltBytes);
  const { N, r, p, keylen } = PIN_HASH_PARAMS;
  const key = await scrypt(pin, salt, keylen, { N, r, p });
  return formatPinHash(salt.toString('base64url'), key.toString('base64url'));
}
