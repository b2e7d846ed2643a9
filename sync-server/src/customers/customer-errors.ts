import type { CustomerQueryProblem } from '@pos/core/customers/customer-query';
import { HubError } from '../errors/hub-error';

/**
 * The chain customers' refusals (docs/customers.md words them in French and English). A stale
 * version is the hub's shared `version_conflict`; the current customer comes with it.
 */
export type CustomerErrorCode =
  /** A field refused (`problems` lists them: email_format, phone_format, card_number_format, name_format…). */
  | 'invalid_customer'
  /** A search that is not one (`reason`: customer_query_short, customer_query_long, customer_query_unreadable). */
  | 'invalid_customer_query'
  /** The customer was merged into another (`mergedInto`): change that one instead. */
  | 'customer_merged'
  /** Another customer already holds this card number (`customerId`). */
  | 'card_number_taken';

export function invalidCustomer(problems: readonly string[]): HubError {
  return new HubError(400, 'invalid_customer', `Refused: ${problems.join('; ')}`, { problems });
}

export function invalidQuery(reason: CustomerQueryProblem): HubError {
  return new HubError(400, 'invalid_customer_query', `This search cannot be run (${reason})`, { reason });
}

export function customerMerged(id: string, mergedInto: string): HubError {
  return new HubError(409, 'customer_merged', `Customer ${id} was merged into ${mergedInto}`, { mergedInto });
}

export function customerNotFound(id: string): HubError {
  return new HubError(404, 'not_found', `No customer ${id}`);
}
