import { HubError } from '../errors/hub-error';

/**
 * The sign-up's refusals (docs/customers.md words them in French and English; the form's page says
 * them in the customer's language). None tells a stranger whether a sale, an e-mail or a phone
 * exists: a link that is not a receipt's is `join_link_invalid` whatever the reason.
 */
export type SignupErrorCode =
  /** The link is not a receipt's sign-up link: unknown store or sale, wrong proof. */
  | 'join_link_invalid'
  /** This sale's points already went to a member (claimed before, or the sale had a member). */
  | 'sale_already_claimed'
  /** The form's token is missing, expired or from another page (CSRF, or a page left open for hours). */
  | 'join_form_expired'
  /** Too many different proofs wait for this sale: it is someone guessing. */
  | 'too_many_claims'
  /** Neither an e-mail nor a phone: the member could never be found again. */
  | 'contact_required'
  /** A wallet link that is not signed by this hub for this member, or has expired. */
  | 'wallet_link_invalid';

export function joinLinkInvalid(): HubError {
  return new HubError(404, 'join_link_invalid', 'This sign-up link is not one of a receipt');
}

export function saleAlreadyClaimed(): HubError {
  return new HubError(409, 'sale_already_claimed', 'The points of this purchase already went to a member');
}
