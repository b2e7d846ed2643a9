import type { CustomerMatchView } from '../contract/customer-contract';

/** What the chain knows of a person that a match may hint at: each way of finding them, normalised. */
export type MatchSource = {
  readonly id: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly postalCode?: string | null;
  readonly phoneNormalised?: string | null;
  readonly emailNormalised?: string | null;
  readonly cardNumber?: string | null;
};

/**
 * A customer as a search's list shows them at the counter: the name, the postal code and hints
 * that tell two Durand apart (the phone's and the card's last four, the e-mail's first letter and
 * domain), never a whole e-mail or phone, since the screen may face the queue. The hub answers
 * its matches with it and the till host builds the same for those it created or keeps.
 */
export function customerMatchOf(source: MatchSource): CustomerMatchView {
  const email = source.emailNormalised ?? null;
  const at = email?.indexOf('@') ?? -1;
  const fields: Record<string, string | null | undefined> = {
    id: source.id,
    firstName: source.firstName,
    lastName: source.lastName,
    postalCode: source.postalCode,
    phoneEnd: source.phoneNormalised?.slice(-4),
    emailHint: email && at > 0 ? `${email[0]}•••${email.slice(at)}` : null,
    cardEnd: source.cardNumber?.slice(-4),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && v !== '')) as CustomerMatchView;
}
