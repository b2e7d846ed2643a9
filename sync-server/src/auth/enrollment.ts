import {
  enrollmentProofMessage,
  ENROLLMENT_CODE_ALPHABET,
  ENROLLMENT_CODE_LENGTH,
  keyIdOf,
  normalizeEnrollmentCode,
  type EnrollRequest,
  type EnrollResponse,
} from '@pos/core';
import { nodeFiscalCrypto } from '../fiscal/node-fiscal-crypto';
import type { Database } from '../db/database';
import { HubError } from '../errors/hub-error';
import { tillExists } from '../admin/tills';
import { announceRevocation } from './device-authenticator';
import { newDeviceToken, newEnrollmentCode, sha256Hex } from './secrets';

export const DEFAULT_ENROLLMENT_TTL_MS = 24 * 60 * 60 * 1000;

export type IssuedCode = { readonly code: string; readonly storeId: string; readonly tillId: string; readonly expiresAt: string };

/** A one-time code for one till, shown once at the hub and stored hashed. */
export async function issueEnrollmentCode(db: Database, till: { storeId: string; tillId: string; ttlMs?: number }): Promise<IssuedCode> {
  if (!(await tillExists(db, till.storeId, till.tillId))) {
    throw new HubError(404, 'not_found', `Till ${till.tillId} of store ${till.storeId} does not exist: create it first`);
  }
  const ttlMs = till.ttlMs ?? DEFAULT_ENROLLMENT_TTL_MS;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new HubError(400, 'bad_request', 'An enrollment code must be valid for some time');
  const code = newEnrollmentCode();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.query('INSERT INTO enrollment_codes (code_hash, store_id, till_id, expires_at) VALUES ($1, $2, $3, $4)', [
    sha256Hex(code),
    till.storeId,
    till.tillId,
    expiresAt.toISOString(),
  ]);
  return { code, storeId: till.storeId, tillId: till.tillId, expiresAt: expiresAt.toISOString() };
}

const CODE_SHAPE = new RegExp(`^[${ENROLLMENT_CODE_ALPHABET}]{${ENROLLMENT_CODE_LENGTH}}$`);

/**
 * Trades a code for a device token. Marking the code used, revoking the till's earlier tokens and
 * storing the new one happen in one transaction, and the update only matches an unused, unexpired
 * code: two tills racing with the same code cannot both get a token, and a till enrolled again
 * (replaced, reinstalled, or its token leaked) leaves no older token that still works. The
 * revocation is announced inside the transaction, so every hub instance hears it once it commits.
 */
export async function enrollDevice(db: Database, request: EnrollRequest): Promise<EnrollResponse> {
  const code = normalizeEnrollmentCode(request.code);
  if (!CODE_SHAPE.test(code)) {
    throw new HubError(
      400,
      'bad_request',
      `An enrollment code is ${ENROLLMENT_CODE_LENGTH} letters and digits, as shown at the hub (e.g. ABCD-EFGH-JKLM)`,
    );
  }
  // Checked before the code is spent: a till that cannot prove its key may try again with the same code.
  const proven = proofHolds(code, request.publicKey, request.proof);
  if (!proven) {
    throw new HubError(400, 'bad_key_proof', 'The till did not prove it holds the key it registers: enroll again from the till itself');
  }
  const codeHash = sha256Hex(code);
  return db.transaction(async (tx) => {
    const [claimed] = await tx.query<{ store_id: string; till_id: string }>(
      'UPDATE enrollment_codes SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING store_id, till_id',
      [codeHash],
    );
    if (!claimed) {
      const [known] = await tx.query<{ used: boolean }>('SELECT used_at IS NOT NULL AS used FROM enrollment_codes WHERE code_hash = $1', [
        codeHash,
      ]);
      if (!known)
        throw new HubError(404, 'enrollment_code_unknown', 'This enrollment code is not known to the hub: check it, or ask for a new one');
      if (known.used)
        throw new HubError(
          410,
          'enrollment_code_used',
          'This enrollment code was already used: each code enrolls one till once. Ask for a new one',
        );
      throw new HubError(410, 'enrollment_code_expired', 'This enrollment code has expired: ask for a new one');
    }
    const revoked = await tx.query(
      'UPDATE device_tokens SET revoked_at = now() WHERE store_id = $1 AND till_id = $2 AND revoked_at IS NULL RETURNING 1',
      [claimed.store_id, claimed.till_id],
    );
    // NOTIFY inside a transaction is delivered at commit, never after a rollback.
    if (revoked.length > 0) await announceRevocation(tx, claimed.store_id);
    // The key the till's records are verified with; kept for ever (it verifies what it signed).
    await tx.query(
      `INSERT INTO till_keys (store_id, till_id, key_id, public_key, source) VALUES ($1, $2, $3, $4, 'enrollment')
       ON CONFLICT (store_id, till_id, key_id) DO NOTHING`,
      [claimed.store_id, claimed.till_id, keyIdOf(request.publicKey, nodeFiscalCrypto), request.publicKey],
    );
    const token = newDeviceToken(claimed.store_id);
    await tx.query('INSERT INTO device_tokens (store_id, token_hash, till_id) VALUES ($1, $2, $3)', [
      claimed.store_id,
      sha256Hex(token),
      claimed.till_id,
    ]);
    return { token, storeId: claimed.store_id, tillId: claimed.till_id };
  });
}

const HEX_KEY = /^[0-9a-f]{64}$/;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/;

/** The proof of possession: the till's Ed25519 signature of the enrollment message (docs/fiscal.md §5). */
function proofHolds(code: string, publicKey: unknown, proof: unknown): publicKey is string {
  if (typeof publicKey !== 'string' || typeof proof !== 'string' || !HEX_KEY.test(publicKey) || !HEX_SIGNATURE.test(proof)) return false;
  return nodeFiscalCrypto.verifyEd25519(Buffer.from(proof, 'hex'), enrollmentProofMessage(code, publicKey), Buffer.from(publicKey, 'hex'));
}
