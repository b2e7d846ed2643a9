/**
 * POST /api/v1/enroll → EnrollResponse; the token is shown once and stored hashed at the hub.
 * The till registers the public key it seals with, and proves it holds its private key: `proof`
 * is its Ed25519 signature (hex) of enrollmentProofMessage(code, publicKey) (docs/fiscal.md §5).
 */
export type EnrollRequest = { readonly code: string; readonly publicKey: string; readonly proof: string };
export type EnrollResponse = { readonly token: string; readonly storeId: string; readonly tillId: string };

/** One-time codes are short enough to type: 12 characters from an alphabet without look-alikes. */
export const ENROLLMENT_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ENROLLMENT_CODE_LENGTH = 12;

/** "ABCD-EFGH-JKLM" as printed; spaces, dashes and case are ignored when typed. */
export function normalizeEnrollmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function formatEnrollmentCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
