import type { SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';
import { earnForAttachedMemberIn, type SaleEarnOutcome } from '../loyalty/sale-earn';

/**
 * Writes the points a VERIFIED sale earns for the member who claimed it from the receipt, as the
 * entry `earn:<saleId>` of their account (src/loyalty's earnForAttachedMemberIn: the live program,
 * the sale's figures), in the caller's transaction. Called when a claim is accepted for a verified
 * sale and when the sign-up projector decides a claimed sale; the entry's id and loyalty_sale_earns
 * make every call after the first a no-op, and a sale that earned for anyone already earns nothing more.
 */
export function earnClaimedSale(tx: Queryable, record: SealedRecord<'sale'>, customerId: string): Promise<SaleEarnOutcome> {
  return earnForAttachedMemberIn(tx, record.payload, customerId);
}
