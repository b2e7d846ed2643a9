import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { enrollmentProofMessage, keyIdOf, normalizeEnrollmentCode, type EnrollRequest } from '@pos/core';

/** A till's signing key as tests hold it: its public key (hex), id, and a signer of raw bytes (hex signature). */
export type TestTillKey = {
  readonly publicKey: string;
  readonly keyId: string;
  sign(data: Uint8Array): string;
  readonly privateKey: KeyObject;
};

export function newTillKey(): TestTillKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  return { publicKey: hex, keyId: keyIdOf(hex), privateKey, sign: (data) => sign(null, data, privateKey).toString('hex') };
}

/** The enrollment body a till sends: the code, its public key, and its proof of holding the key. */
export function enrollmentRequest(code: string, key: TestTillKey = newTillKey()): EnrollRequest {
  return { code, publicKey: key.publicKey, proof: key.sign(enrollmentProofMessage(normalizeEnrollmentCode(code), key.publicKey)) };
}
