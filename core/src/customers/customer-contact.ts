/**
 * How the chain finds one customer everywhere (issue 14): each way of finding a person is kept in a
 * normalised form beside what was typed, so "06 12 34 56 78" at one till and "+33612345678" on the
 * web are the same phone, and "Lefèvre" is found by "lefevre". Pure: the till and the hub both run it.
 */

export const CUSTOMER_LIMITS = {
  nameLength: 100,
  emailLength: 200,
  phoneLength: 40,
  postalCodeLength: 16,
  /** A card number as the printed card or the wallet pass's QR code carries it. */
  cardNumberMinLength: 4,
  cardNumberLength: 40,
  /** Digits of an international number (E.164 allows 15). */
  phoneMinDigits: 8,
  phoneMaxDigits: 15,
} as const;

export type ContactProblem = 'email_format' | 'phone_format' | 'card_number_format' | 'name_format';

export type Normalised = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly code: ContactProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Separators people type inside a phone number: spaces, dots, dashes, slashes, brackets. */
const PHONE_SEPARATORS = /[\s.\-/()]/g;
const CARD_NUMBER = /^[A-Z0-9-]+$/;
/** A control character never belongs in a name (it would reach screens and receipts). */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An e-mail as the chain compares it: trimmed and in lower case. Only its shape is checked (x@y.z). */
export function normaliseEmail(input: string): Normalised {
  if (input.length > CUSTOMER_LIMITS.emailLength) return { ok: false, code: 'email_format' };
  const value = input.trim().toLowerCase();
  return EMAIL.test(value) ? { ok: true, value } : { ok: false, code: 'email_format' };
}

/**
 * A phone number in international form, "+" then digits. Kept simple on purpose:
 * - separators are dropped, a leading "00" is read as "+", "+33 (0)6…" loses its "(0)";
 * - ten digits starting with 0 are a French national number: "0612345678" → "+33612345678";
 * - otherwise the number must already be international (+ and 8 to 15 digits); any other run of
 *   digits is refused rather than guessed (a Belgian or Swiss national number needs its +32 / +41).
 */
export function normalisePhone(input: string): Normalised {
  if (input.length > CUSTOMER_LIMITS.phoneLength) return { ok: false, code: 'phone_format' };
  let plain = input.trim().replace(/\(0\)/g, '').replace(PHONE_SEPARATORS, '');
  if (plain.startsWith('00')) plain = `+${plain.slice(2)}`;
  if (/^0\d{9}$/.test(plain)) return { ok: true, value: `+33${plain.slice(1)}` };
  const digits = plain.slice(1);
  const international =
    plain.startsWith('+') &&
    /^\d+$/.test(digits) &&
    !digits.startsWith('0') &&
    digits.length >= CUSTOMER_LIMITS.phoneMinDigits &&
    digits.length <= CUSTOMER_LIMITS.phoneMaxDigits;
  // "+33 06…": a French number written with both its prefix and its trunk 0.
  if (international && /^330\d{9}$/.test(digits)) return { ok: true, value: `+33${digits.slice(3)}` };
  return international ? { ok: true, value: plain } : { ok: false, code: 'phone_format' };
}

/**
 * A loyalty card number as printed or carried by the wallet pass's QR code (the pass encodes the
 * number itself): letters, digits and dashes, 4 to 40 characters, compared in upper case.
 */
export function normaliseCardNumber(input: string): Normalised {
  if (input.length > CUSTOMER_LIMITS.cardNumberLength + 8) return { ok: false, code: 'card_number_format' };
  const value = input.trim().toUpperCase();
  const fits = value.length >= CUSTOMER_LIMITS.cardNumberMinLength && value.length <= CUSTOMER_LIMITS.cardNumberLength;
  return fits && CARD_NUMBER.test(value) ? { ok: true, value } : { ok: false, code: 'card_number_format' };
}

/** Is `name` a name a person could have (1 to 100 characters, not blank, no control character)? */
export function isPersonName(name: string): boolean {
  return name.length <= CUSTOMER_LIMITS.nameLength && name.trim().length > 0 && !CONTROL.test(name);
}

/**
 * A name as searches compare it: accents dropped (é → e, ç → c), lower case, œ as oe, ’ as ', spaces
 * collapsed.
 * "Lefèvre" and "LEFEVRE" fold alike, so a cashier finds her without typing the accent.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
