import { loyaltyBalance, type LoyaltyBalance, type LoyaltyProgram } from '@pos/core';
import type { Queryable } from '../db/database';
import { hubNow } from './ledger-clock';
import { checkRequest } from './ledger-inputs';
import { loyaltyEntriesOf } from './loyalty-rows';

/**
 * A member's balance at `now`, replayed by core's loyaltyBalance from their entries (no stored
 * figure). Reservations past their `until` are not counted (released lazily by the replay); points
 * past their expiry are expired. With the program, the tier too. A member without entries has 0.
 */
export async function loyaltyBalanceAtHub(
  db: Queryable,
  request: {
    readonly customerId: string;
    readonly programId: string;
    readonly now?: string;
    readonly program?: Pick<LoyaltyProgram, 'tiers' | 'tierBasis'>;
  },
): Promise<LoyaltyBalance> {
  checkRequest(request, { id: ['customerId', 'programId'], optionalInstant: ['now'] });
  return loyaltyBalance(await loyaltyEntriesOf(db, request), hubNow(request.now), request.program);
}
