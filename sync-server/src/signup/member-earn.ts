import type { SealedRecord } from '@pos/core';
import type { Queryable } from '../db/database';

/**
 * HOOK for the loyalty projector (src/loyalty, another part of issue 14): writes the points a
 * verified sale earns for the member who claimed it from the receipt, as the entry `earn:<saleId>`
 * of their account, in the caller's transaction. Called when a claim is accepted for a verified
 * sale and when a claimed sale is verified; the entry's id makes every call after the first a
 * no-op. Until the loyalty projector exports its earn function this writes nothing: the claims
 * stay recorded (signup_claims, status 'claimed'), so the points can be given afterwards.
 */
export async function earnClaimedSale(_tx: Queryable, _record: SealedRecord<'sale'>, _customerId: string): Promise<void> {
  // Intentionally empty until src/loyalty exports the earn writer (see docs/customers.md, "Sign-up from the receipt").
}
