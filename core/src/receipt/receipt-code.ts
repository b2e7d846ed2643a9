import { parseJoinRef } from '../signup/join-link';
import { parseDigitalReceiptRef } from './digital-receipt';
import { TRAINING_RECEIPT_MARK } from './receipt-model';

/**
 * What a code typed or scanned at the till names, to find the sale it came from:
 * - `receipt`: a receipt code, `<store>-<till>-<seq>` (`S001-T01-000042`), or `<till>-<seq>`
 *   (`T01-000042`) as version 0 receipts were printed (no store: this till's store);
 * - `training`: a training ticket's code (`S001-T01-ECOLE-000003`), named so it is never taken for a sale;
 * - `sale`: a sale id, read from the printed receipt's QR code (the sale id itself) or from the
 *   digital receipt's link (`https://<hub>/r/<storeId>/<saleId>.<key>`, which also names the store).
 */
export type ReceiptRef =
  | { readonly kind: 'receipt'; readonly storeId?: string; readonly tillId: string; readonly seq: number }
  /** A ticket of training mode (`<store>-<till>-ECOLE-<seq>`): a fictitious sale, never refunded. */
  | { readonly kind: 'training'; readonly storeId: string; readonly tillId: string; readonly seq: number }
  | { readonly kind: 'sale'; readonly saleId: string; readonly storeId?: string };

/** A part of a receipt code: a store or till id has no hyphen in the till id, and no spaces. */
const PART = /^[A-Za-z0-9][A-Za-z0-9_.:]{0,31}$/;
/** The sequence is printed on six digits or more. */
const SEQ = /^\d{6,15}$/;
/** The sale ids the till makes (crypto.randomUUID): checked first, their last group may be all digits. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Any id the till host seals (its request guards' pattern). */
const SALE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** The receipt code of `<store>-<till>-<seq>` or `<till>-<seq>`; null when it is not one. */
function receiptCodeOf(text: string): ReceiptRef | null {
  const parts = text.split('-');
  if (parts.length < 2) return null;
  const seqText = parts.at(-1)!;
  const tillId = parts.at(-2)!;
  const storeParts = parts.slice(0, -2);
  if (!SEQ.test(seqText) || !PART.test(tillId) || !storeParts.every((p) => PART.test(p))) return null;
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  if (tillId === TRAINING_RECEIPT_MARK && storeParts.length >= 2) {
    return { kind: 'training', storeId: storeParts.slice(0, -1).join('-'), tillId: storeParts.at(-1)!, seq };
  }
  return storeParts.length === 0 ? { kind: 'receipt', tillId, seq } : { kind: 'receipt', storeId: storeParts.join('-'), tillId, seq };
}

/** The store and sale of a digital receipt's link (`…/r/<storeId>/<saleId>.<key>`) or a sign-up link; null when the text is neither. */
function digitalLinkOf(text: string): ReceiptRef | null {
  // Core runs without the platform's URL: the path is what follows the authority, before any query or fragment.
  // The receipt's loyalty sign-up link (`…/join/<storeId>/<saleId>.<proof>`) names the sale the same way.
  const match = /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/(r|join)\/([^/?#\s]+)\/([^/?#\s]+)(?:[?#]\S*)?$/i.exec(text);
  if (!match) return null;
  const ref = match[1]!.toLowerCase() === 'r' ? parseDigitalReceiptRef(match[3]!) : parseJoinRef(match[3]!);
  if (!ref) return null;
  let storeId: string;
  try {
    storeId = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  return storeId.length > 0 && storeId.length <= 64 ? { kind: 'sale', saleId: ref.saleId, storeId } : null;
}

/**
 * Reads a code typed or scanned to find a sale: a receipt code, the printed receipt's QR code (the
 * sale id) or the digital receipt's link. Spaces around it are ignored, and a code typed in
 * lower case is the same code. Null when it is none of these.
 */
export function parseReceiptRef(input: string): ReceiptRef | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 2048) return null;
  if (/^https?:\/\//i.test(text)) return digitalLinkOf(text);
  if (UUID.test(text)) return { kind: 'sale', saleId: text };
  const code = receiptCodeOf(text.toUpperCase());
  if (code) return code;
  return SALE_ID.test(text) ? { kind: 'sale', saleId: text } : null;
}
