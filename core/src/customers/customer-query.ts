import { foldName, normaliseCardNumber, normaliseEmail, normalisePhone } from './customer-contact';

/**
 * What a cashier typed or scanned into the customer search, read as one way of finding a person:
 * - with an "@": an e-mail (found by its normalised form);
 * - only digits and phone separators ("06 12 34 56 78", "+33 6…"): a phone; a run of digits may
 *   also be a printed card's number, so it is looked up as both;
 * - letters and digits without spaces, with a digit in it ("LOY-0042-7781", what the wallet
 *   pass's QR code carries): a card number;
 * - otherwise a name: "Durand" is a last name's start, "durand mar" a last name's start then a
 *   first name's start, accents and case ignored.
 */
export type CustomerQuery =
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'phone'; readonly phone: string | null; readonly cardNumber: string | null }
  | { readonly kind: 'card'; readonly cardNumber: string }
  | { readonly kind: 'name'; readonly lastName: string; readonly firstName: string };

export type CustomerQueryProblem =
  /** Nothing typed, or too little to search a million customers (one letter). */
  | 'customer_query_short'
  /** More than CUSTOMER_QUERY_LIMITS.maxLength characters. */
  | 'customer_query_long'
  /** Looks like an e-mail, a phone or a name but is none (e.g. "a@b", "12 34", "dur%"). */
  | 'customer_query_unreadable';

export type ParsedCustomerQuery =
  { readonly ok: true; readonly query: CustomerQuery } | { readonly ok: false; readonly code: CustomerQueryProblem };

export const CUSTOMER_QUERY_LIMITS = {
  maxLength: 100,
  /** The shortest last-name start searched: one letter would match a twentieth of the chain. */
  minNameLength: 2,
} as const;

const PHONE_LIKE = /^\+?[\d\s.\-/()]+$/;
const CARD_LIKE = /^[A-Za-z0-9-]+$/;
/** Letters of any script, spaces, apostrophes and hyphens: what names are made of. */
const NAME_LIKE = /^[\p{L}\p{M}' ’-]+$/u;

function nameQuery(text: string): ParsedCustomerQuery {
  if (!NAME_LIKE.test(text)) return { ok: false, code: 'customer_query_unreadable' };
  const folded = foldName(text);
  const [lastName = '', ...rest] = folded.split(' ');
  if (lastName.length < CUSTOMER_QUERY_LIMITS.minNameLength) return { ok: false, code: 'customer_query_short' };
  return { ok: true, query: { kind: 'name', lastName, firstName: rest.join(' ') } };
}

export function parseCustomerQuery(input: string): ParsedCustomerQuery {
  if (input.length > CUSTOMER_QUERY_LIMITS.maxLength) return { ok: false, code: 'customer_query_long' };
  const text = input.trim();
  if (text.length < CUSTOMER_QUERY_LIMITS.minNameLength) return { ok: false, code: 'customer_query_short' };
  if (text.includes('@')) {
    const email = normaliseEmail(text);
    return email.ok ? { ok: true, query: { kind: 'email', email: email.value } } : { ok: false, code: 'customer_query_unreadable' };
  }
  if (PHONE_LIKE.test(text)) {
    const phone = normalisePhone(text);
    const card = normaliseCardNumber(text);
    if (!phone.ok && !card.ok) return { ok: false, code: 'customer_query_unreadable' };
    return { ok: true, query: { kind: 'phone', phone: phone.ok ? phone.value : null, cardNumber: card.ok ? card.value : null } };
  }
  if (CARD_LIKE.test(text) && /\d/.test(text)) {
    const card = normaliseCardNumber(text);
    return card.ok ? { ok: true, query: { kind: 'card', cardNumber: card.value } } : { ok: false, code: 'customer_query_unreadable' };
  }
  return nameQuery(text);
}
