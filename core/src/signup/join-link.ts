import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SealedRecord } from '../fiscal/chain';
import { receiptSettingsOf, type ReceiptSettings } from '../receipt/receipt-settings';
import { isSaleV1 } from '../sale/sale';

/** Keeps these proofs apart from any other hash of a record's hash (the printed fingerprint is its first 8 digits). */
const DOMAIN = utf8ToBytes('pos/join/v1\u0000');

/** 80 bits in lowercase hex: unguessable behind the hub's per-address rate limit, short enough for a small QR code. */
export const JOIN_PROOF_LENGTH = 20;
const PROOF_PATTERN = /^[0-9a-f]{20}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
/** The ids the till host seals (its request guards' pattern). */
const SALE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The proof that someone holds a sale's receipt, for the loyalty sign-up: 80 bits hashed from the
 * sealed record's hash. The till has it the moment it seals, offline, without a secret of its own;
 * the hub recomputes it from the record the till pushes, so a claim made before the sale arrived
 * is checked when it does. Hashed (not the hash's first digits) so the fingerprint printed on every
 * receipt, and the hashes shown in the back office and the fiscal archive, give none of it away.
 */
export function joinProof(hashHex: string): string {
  if (!HASH_PATTERN.test(hashHex)) throw new Error('joinProof: a record hash is 64 lowercase hex digits');
  return bytesToHex(sha256(concatBytes(DOMAIN, hexToBytes(hashHex)))).slice(0, JOIN_PROOF_LENGTH);
}

type JoinRecord = Pick<SealedRecord<'sale'>, 'chain' | 'storeId' | 'id' | 'hash' | 'payload'>;

/**
 * Whether a sealed ticket may offer the sign-up: a sale (never a return or a training ticket)
 * whose customer is nobody yet. A member's sale already earns their points.
 */
export function offersJoin(record: Pick<JoinRecord, 'chain' | 'payload'>): boolean {
  if (record.chain !== 'sale') return false;
  const sale = record.payload;
  if (!isSaleV1(sale)) return true;
  return sale.kind !== 'return' && sale.training !== true && sale.customerId === undefined;
}

/**
 * The sign-up link of a sale under the hub's public address: `join/<storeId>/<saleId>.<proof>`.
 * The store comes first so the hub finds the sale with its store (and, under Citus, on its store's
 * node), as the digital receipt's link does.
 */
export function joinUrl(baseUrl: string, record: Pick<JoinRecord, 'storeId' | 'id' | 'hash'>): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}join/${encodeURIComponent(record.storeId)}/${record.id}.${joinProof(record.hash)}`;
}

/** The sale id and proof of a link's last part; null for anything not shaped like one. */
export function parseJoinRef(ref: string): { readonly saleId: string; readonly proof: string } | null {
  const dot = ref.lastIndexOf('.');
  if (dot < 0) return null;
  const saleId = ref.slice(0, dot);
  const proof = ref.slice(dot + 1);
  return SALE_ID_PATTERN.test(saleId) && PROOF_PATTERN.test(proof) ? { saleId, proof } : null;
}

/**
 * The sign-up link a ticket offers, under the store's public hub address (its receipt settings'
 * `digitalBaseUrl`) or else the hub the till syncs with; null when the ticket offers none (a
 * member's sale, a return, training) or the till knows no address. The till host prints it, the
 * customer display shows it, from the same rule.
 */
export function joinLinkFor(
  record: Pick<SealedRecord, 'chain' | 'storeId' | 'id' | 'hash' | 'payload'>,
  profile: { readonly receipt?: ReceiptSettings },
  hubUrl: string | null,
): string | null {
  if (record.chain !== 'sale' || !offersJoin(record as JoinRecord)) return null;
  const base = receiptSettingsOf(profile).digitalBaseUrl ?? hubUrl;
  if (!base) return null;
  try {
    return joinUrl(base, record);
  } catch {
    // A record without a readable hash (never from a real host) offers no link.
    return null;
  }
}
