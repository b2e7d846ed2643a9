import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ENROLLMENT_CODE_ALPHABET, ENROLLMENT_CODE_LENGTH } from '@pos/core';

/** Tokens and codes are stored as their SHA-256 only: a copy of the database lets nobody in. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes after the store id: the store is known before the lookup, the rest is unguessable. */
export function newDeviceToken(storeId: string): string {
  return `${storeId}.${randomBytes(32).toString('base64url')}`;
}

export function newAdminToken(): string {
  return `admin.${randomBytes(32).toString('base64url')}`;
}

/** The store part of a device token, or null when the token cannot be one. */
export function storeOfToken(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1 || token.length > 300) return null;
  return token.slice(0, dot);
}

/** `Authorization: Bearer <token>` → the token, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Uniform over the alphabet (randomInt has no modulo bias): 32^12 ≈ 10^18 codes. */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) code += ENROLLMENT_CODE_ALPHABET[randomInt(ENROLLMENT_CODE_ALPHABET.length)];
  return code;
}
