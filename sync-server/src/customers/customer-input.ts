import {
  CUSTOMER_LIMITS,
  foldName,
  isPersonName,
  normaliseCardNumber,
  normaliseEmail,
  normalisePhone,
} from '@pos/core/customers/customer-contact';
import type { StoredConsent, StoredConsents } from '../db/schema-customers';
import { invalidCustomer } from './customer-errors';

/** A consent as a till or the back office sends it; the channel is the till's store, or said by head office. */
export type ConsentBody = { readonly given: boolean; readonly at: string; readonly channel?: string };

/** The body of PUT …/customers/:id (the route's TypeBox schema has checked the types and lengths). */
export type CustomerBody = {
  readonly firstName?: string | null;
  readonly lastName: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly postalCode?: string | null;
  readonly cardNumber?: string | null;
  readonly consents?: { readonly email?: ConsentBody; readonly sms?: ConsentBody };
  readonly expectedVersion?: number;
};

/** A customer's fields as stored, each way of finding them normalised. */
export type CustomerFields = {
  readonly firstName: string | null;
  readonly lastName: string;
  readonly firstNameKey: string;
  readonly lastNameKey: string;
  readonly email: string | null;
  readonly emailNormalised: string | null;
  readonly phone: string | null;
  readonly phoneNormalised: string | null;
  readonly cardNumber: string | null;
  readonly postalCode: string | null;
};

export type CustomerInput = {
  readonly fields: CustomerFields;
  readonly consents: { readonly email?: ConsentBody; readonly sms?: ConsentBody };
  readonly expectedVersion: number | undefined;
};

const POSTAL_CODE = /^[A-Za-z0-9 -]{2,16}$/;
/** Where a consent was given: a store id, or 'web'. */
const CHANNEL = /^[A-Za-z0-9._-]{1,64}$/;
const CONSENT_KINDS = ['email', 'sms'] as const;

const blank = (value: string | null | undefined): value is null | undefined => value === null || value === undefined || value.trim() === '';

function consentProblems(kind: string, consent: ConsentBody | undefined, problems: string[]): void {
  if (!consent) return;
  const at = Date.parse(consent.at);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(consent.at) || Number.isNaN(at))
    problems.push(`consent_date: consents.${kind}.at must be an ISO instant`);
  if (consent.channel !== undefined && !CHANNEL.test(consent.channel))
    problems.push(`consent_channel: consents.${kind}.channel must be a store id or 'web'`);
}

/** The body checked and normalised, or 400 invalid_customer listing every problem (codes first). */
export function customerInput(body: CustomerBody): CustomerInput {
  const problems: string[] = [];
  const normalised = (value: string | null | undefined, normalise: (text: string) => ReturnType<typeof normaliseEmail>) => {
    if (blank(value)) return null;
    const result = normalise(value);
    if (!result.ok) problems.push(`${result.code}: ${JSON.stringify(value.slice(0, CUSTOMER_LIMITS.emailLength))}`);
    return result.ok ? result.value : null;
  };
  if (!isPersonName(body.lastName)) problems.push('name_format: lastName must be 1 to 100 characters');
  if (!blank(body.firstName) && !isPersonName(body.firstName)) problems.push('name_format: firstName must be 1 to 100 characters');
  const emailNormalised = normalised(body.email, normaliseEmail);
  const phoneNormalised = normalised(body.phone, normalisePhone);
  const cardNumber = normalised(body.cardNumber, normaliseCardNumber);
  if (!blank(body.postalCode) && !POSTAL_CODE.test(body.postalCode.trim())) problems.push('postal_code_format: 2 to 16 letters or digits');
  for (const kind of CONSENT_KINDS) consentProblems(kind, body.consents?.[kind], problems);
  if (problems.length > 0) throw invalidCustomer(problems);
  const firstName = blank(body.firstName) ? null : body.firstName.trim();
  const lastName = body.lastName.trim();
  return {
    fields: {
      firstName,
      lastName,
      firstNameKey: firstName === null ? '' : foldName(firstName),
      lastNameKey: foldName(lastName),
      email: blank(body.email) ? null : body.email.trim(),
      emailNormalised,
      phone: blank(body.phone) ? null : body.phone.trim(),
      phoneNormalised,
      cardNumber,
      postalCode: blank(body.postalCode) ? null : body.postalCode.trim().toUpperCase(),
    },
    consents: body.consents ?? {},
    expectedVersion: body.expectedVersion,
  };
}

/**
 * The consents after this request: a kind not sent stays as stored (a consent is withdrawn, never
 * forgotten); one sent with the stored decision and date keeps its stored channel; a new decision
 * is recorded with `channel` (the till's store; head office's request says it, or 'web').
 */
export function nextConsents(stored: StoredConsents, sent: CustomerInput['consents'], channel: string | null): StoredConsents {
  const next: { email?: StoredConsent; sms?: StoredConsent } = { ...stored };
  for (const kind of CONSENT_KINDS) {
    const consent = sent[kind];
    if (!consent) continue;
    const before = stored[kind];
    const at = new Date(consent.at).toISOString();
    if (before && before.given === consent.given && before.at === at) continue;
    next[kind] = { given: consent.given, at, channel: channel ?? consent.channel ?? 'web' };
  }
  return next;
}
