import { resolveCustomerId } from '../customers/customer-resolve';
import type { Queryable } from '../db/database';
import { HubError } from '../errors/hub-error';

/** Where each ledger's reservation rows are (the reservation's entry id is the id the till made). */
const RESERVING_TILL = {
  loyalty: 'SELECT till_id FROM loyalty_entries WHERE customer_id = $1 AND entry_id = $2',
  card: 'SELECT till_id FROM stored_value_entries WHERE card_id = $1 AND entry_id = $2',
} as const;

export function reservationOfAnotherTill(reservationId: string): HubError {
  return new HubError(
    403,
    'reservation_of_another_till',
    `Reservation ${reservationId} was made by another till: only it may spend or release it`,
  );
}

/**
 * Only the till that reserved may spend or release what it set aside: a reservation id is
 * unguessable, but one seen elsewhere (a log, a receipt in a bin) must not let another till of the
 * chain spend it. In the operation's transaction, under the account's lock. A reservation the
 * ledger does not hold is the operation's own refusal (reservation_not_open).
 */
export async function requireReservingTill(
  tx: Queryable,
  ledger: keyof typeof RESERVING_TILL,
  account: string,
  reservationId: string,
  tillId: string | undefined,
): Promise<void> {
  if (tillId === undefined) return;
  // A merged member's reservation moved with their entries to the member kept.
  const owner = ledger === 'loyalty' ? await resolveCustomerId(tx, account) : account;
  const [row] = await tx.query<{ till_id: string | null }>(RESERVING_TILL[ledger], [owner, reservationId]);
  if (row?.till_id && row.till_id !== tillId) throw reservationOfAnotherTill(reservationId);
}
