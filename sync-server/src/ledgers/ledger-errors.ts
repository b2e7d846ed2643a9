import { LedgerRefusal, type LedgerRefusalCode } from '@pos/core';
import { HubError } from '../errors/hub-error';

/**
 * The ledgers' refusals: core's LedgerRefusal codes (insufficient_points, reservation_not_open…,
 * worded in French and English in docs/loyalty-and-gift-cards.md) and the hub's own three.
 */
export type LedgerErrorCode =
  | LedgerRefusalCode
  /** A field out of bounds or of the wrong form (`problems` lists them). */
  | 'invalid_ledger_request'
  /** An entry id already written by another request (another amount, sale or till under the same id). */
  | 'ledger_entry_conflict'
  /** A reservation spent or released by a till other than the one that made it (reservation-owner.ts). */
  | 'reservation_of_another_till';

const STATUS: Partial<Record<LedgerRefusalCode, number>> = {
  card_not_issued: 404,
  insufficient_points: 409,
  insufficient_balance: 409,
  reservation_not_open: 409,
  card_already_issued: 409,
  card_cancelled: 409,
};

/** A core refusal as the hub answers it: its code, the values for the sentence, a status. */
export function refusalError(refusal: LedgerRefusal): HubError {
  return new HubError(STATUS[refusal.code] ?? 422, refusal.code, refusal.message, { values: refusal.values });
}

export function invalidLedgerRequest(problems: readonly string[]): HubError {
  return new HubError(422, 'invalid_ledger_request', `Refused: ${problems.join('; ')}`, { problems });
}

export function entryConflict(entryId: string): HubError {
  return new HubError(409, 'ledger_entry_conflict', `Entry ${entryId} was already written by another request`, { entryId });
}

/** Runs `work`, turning core's refusals into the hub's coded errors. */
export async function answeringRefusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof LedgerRefusal ? refusalError(error) : error;
  }
}
