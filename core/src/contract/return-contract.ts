import type { SealedRecord } from '../fiscal/chain';

/**
 * The host methods of returns in the store (issue 12). The page finds the sale a customer brings
 * back with what is on their receipt; the host answers from its own journal (offline: only the
 * sales this till sealed), with what earlier returns already took of each line.
 */

/** A receipt code typed (`S001-T01-000042`, `T01-000042`) or what its QR code holds (core's parseReceiptRef). */
export type SaleLookupRequest = { readonly code: string };

export type SaleLookup = {
  /** The original sale, as this till sealed it. */
  readonly record: SealedRecord<'sale'>;
  /** The code printed on its receipt (saleReceiptNumber). */
  readonly receipt: string;
  /** Per line of the original (by line id): the quantity returns sealed so far took back; lines never returned are absent. */
  readonly returned: readonly { readonly lineId: string; readonly quantity: number }[];
};

export type ReturnContract = {
  /**
   * The sale of this store a code names, from this till's journal. Refused with SALE_NOT_FOUND and
   * a reason: `other-till` (the code names another till: values `store`, `till`), `other-store`,
   * `receipt-unreadable`, `is-return`, `is-training` (a training ticket), `sale-not-found` (this till holds no such sale).
   */
  'sale.lookup': { readonly req: SaleLookupRequest; readonly res: SaleLookup };
};
