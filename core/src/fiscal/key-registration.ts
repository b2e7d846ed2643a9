import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

export const ENROLLMENT_PROOF_DOMAIN = 'POS-ENROLL-V1';

/**
 * What a till signs to prove, at enrollment, that it holds the private key of the public key it
 * registers: the domain "POS-ENROLL-V1", a zero byte, the one-time code (normalised: upper case,
 * no dashes or spaces), a zero byte, the 32 raw public-key bytes. The code is the challenge: the
 * hub made it, it is random, single use and short lived, so a proof cannot be replayed.
 */
export function enrollmentProofMessage(normalizedCode: string, publicKeyHex: string): Uint8Array {
  return concatBytes(utf8ToBytes(`${ENROLLMENT_PROOF_DOMAIN}\u0000${normalizedCode}\u0000`), hexToBytes(publicKeyHex));
}
