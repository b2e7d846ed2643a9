import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';

/** Keeps these keys apart from any other hash of a signature. */
const DOMAIN = utf8ToBytes('pos/digital-receipt/v1\u0000');

/** 128 bits in lowercase hex. */
const KEY_PATTERN = /^[0-9a-f]{32}$/;
/** The ids the till host seals (its request guards' pattern). */
const SALE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The secret part of a sale's digital receipt link: 128 bits hashed from the sale's Ed25519
 * signature. Only the till's private key makes that signature, and the record is only seen by the
 * till, the hub and the people who may read it anyway, so the link cannot be guessed from a sale
 * id or a receipt number; the hub recomputes it from the record it verified, so no key has to be
 * kept or sent apart from the sealed sale, and a link exists only for a sale the hub holds.
 */
export function digitalReceiptKey(signatureHex: string): string {
  return bytesToHex(sha256(concatBytes(DOMAIN, hexToBytes(signatureHex))).subarray(0, 16));
}

type LinkedRecord = { readonly storeId: string; readonly id: string; readonly signature: string };

/** `<saleId>.<key>`: the last part of the link. */
export function digitalReceiptRef(record: Pick<LinkedRecord, 'id' | 'signature'>): string {
  return `${record.id}.${digitalReceiptKey(record.signature)}`;
}

/**
 * The link to a sale's receipt under the hub's public address: `r/<storeId>/<saleId>.<key>`. The
 * store comes first so the hub finds the sale with its store's keys (and, past one machine, on
 * its store's node).
 */
export function digitalReceiptUrl(baseUrl: string, record: LinkedRecord): string {
  // Sale ids and keys need no escaping in a path (letters, digits, "_.:-"); a store id may.
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}r/${encodeURIComponent(record.storeId)}/${digitalReceiptRef(record)}`;
}

/** The sale id and key of a link's last part; null for anything not shaped like one. */
export function parseDigitalReceiptRef(ref: string): { readonly saleId: string; readonly key: string } | null {
  const dot = ref.lastIndexOf('.');
  if (dot < 0) return null;
  const saleId = ref.slice(0, dot);
  const key = ref.slice(dot + 1);
  return SALE_ID_PATTERN.test(saleId) && KEY_PATTERN.test(key) ? { saleId, key } : null;
}

/** Compares two keys in time that does not depend on where they differ. */
export function sameReceiptKey(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
