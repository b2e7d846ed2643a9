import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { enrollmentProofMessage, keyIdOf, normalizeEnrollmentCode, type EnrollRequest } from '@pos/core';

/** A till's signing key as tests hold it: its public key (hex), id, and a signer of raw bytes (hex signature). */
export type TestTillKey = {
  readonly publicKey: string;
  readonly keyId: string;
  sign(data: Uint8Array): string;
  readonly privateKey: KeyObject;
};

function tillKeyOf(privateKey: KeyObject): TestTillKey {
  const hex = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  return { publicKey: hex, keyId: keyIdOf(hex), privateKey, sign: (data) => sign(null, data, privateKey).toString('hex') };
}

export function newTillKey(): TestTillKey {
  return tillKeyOf(generateKeyPairSync('ed25519').privateKey);
}

/** The private key as text (PKCS #8, DER, base64): to hand a till's key to another process (the benchmark's clients). */
export function exportTillKey(key: TestTillKey): string {
  return key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

export function importTillKey(pkcs8: string): TestTillKey {
  return tillKeyOf(createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' }));
}

/** The enrollment body a till sends: the code, its public key, and its proof of holding the key. */
export function enrollmentRequest(code: string, key: TestTillKey = newTillKey()): EnrollRequest {
  return { code, publicKey: key.publicKey, proof: key.sign(enrollmentProofMessage(normalizeEnrollmentCode(code), key.publicKey)) };
}
