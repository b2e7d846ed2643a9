import type { CardResult } from '@pos/core';
import { declinedOutcome, unknownOutcome, type AttemptRef } from '../card-outcome';
import { numericCurrencyCode } from '../currency-code';
import { displayText, maskCardNumber } from '../display-text';
import { encodeTlv, type TlvField } from './tlv';

/**
 * Caisse-AP requests and replies (protocol 3.x over IP). Field meanings from the HiPay/Nepting
 * Caisse-AP page, the akretion/caisse-ap-ip simulator and the OCA l10n_fr_pos_caisse_ap_ip module:
 * - request: CZ version, CJ 12-character integrator (Concert) id, CA 2-digit till number,
 *   CB amount in minor units (2–12 digits), CD 0 debit / 1 credit (refund), CE ISO 4217 numeric,
 *   BA 0 = answer at the end of the transaction (1 = answer at once, "request taken").
 * - reply: AE 10 done / 01 not done / 11 request taken (BA=1 only); AF complement (2 digits, then
 *   optionally the CB2A field 39 response code); AC authorisation number; AA masked PAN; AI AID;
 *   CC application (001 CB contact, 00B CB contactless…); CI read mode; CB the amount really taken.
 */
export const CAISSE_AP_TERMINAL = 'caisse-ap';
export const CAISSE_AP_PROTOCOL_VERSION = '0300';
/** Port used by the terminals the references were tested with (Ingenico Desk/5000, Nepting). */
export const CAISSE_AP_DEFAULT_PORT = 8888;
export const MAX_AMOUNT_DIGITS = 12;

export type CaisseApOperation = 'debit' | 'credit';

export type CaisseApRequest = {
  readonly operation: CaisseApOperation;
  /** Minor units, > 0. */
  readonly amount: number;
  /** "EUR" or "978". */
  readonly currency: string;
  /** 1–99. */
  readonly tillNumber: number;
  /** The CJ identifier: 12 letters or digits. */
  readonly integratorId: string;
};

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const OPERATION_CODE: Readonly<Record<CaisseApOperation, string>> = { debit: '0', credit: '1' };

/** The request's fields in wire order (CZ first, as the protocol demands). */
export function caisseApRequestFields(request: CaisseApRequest): Result<readonly TlvField[]> {
  const { amount, tillNumber, integratorId } = request;
  if (!Number.isSafeInteger(amount) || amount <= 0)
    return { ok: false, error: `the amount must be a whole positive number of cents, not ${amount}` };
  const digits = String(amount).padStart(2, '0');
  if (digits.length > MAX_AMOUNT_DIGITS) return { ok: false, error: `the amount ${amount} has more than ${MAX_AMOUNT_DIGITS} digits` };
  if (!Number.isInteger(tillNumber) || tillNumber < 1 || tillNumber > 99)
    return { ok: false, error: `the till number must be 1 to 99, not ${tillNumber}` };
  if (!/^[A-Za-z0-9]{12}$/.test(integratorId))
    return { ok: false, error: `the integrator id (CJ) must be 12 letters or digits, not "${integratorId}"` };
  const currency = numericCurrencyCode(request.currency);
  if (!currency) return { ok: false, error: `the currency "${request.currency}" has no ISO 4217 numeric code known to this driver` };
  return {
    ok: true,
    value: [
      { tag: 'CZ', value: CAISSE_AP_PROTOCOL_VERSION },
      { tag: 'CJ', value: integratorId },
      { tag: 'CA', value: String(tillNumber).padStart(2, '0') },
      { tag: 'CB', value: digits },
      { tag: 'CD', value: OPERATION_CODE[request.operation] },
      { tag: 'CE', value: currency },
      { tag: 'BA', value: '0' },
    ],
  };
}

export function encodeCaisseApRequest(request: CaisseApRequest): Result<Uint8Array> {
  const fields = caisseApRequestFields(request);
  if (!fields.ok) return fields;
  const encoded = encodeTlv(fields.value);
  return encoded.ok ? { ok: true, value: encoded.bytes } : { ok: false, error: encoded.error };
}

export const fieldValue = (fields: readonly TlvField[], tag: string): string | undefined =>
  fields.find((field) => field.tag === tag)?.value;

/** What a terminal (or the simulator) reads from a request. */
export type ReceivedCaisseApRequest = {
  readonly operation: CaisseApOperation;
  readonly amount: number;
  readonly currency: string;
  readonly tillNumber: string;
  readonly integratorId: string;
};

export function readCaisseApRequest(fields: readonly TlvField[]): Result<ReceivedCaisseApRequest> {
  const missing = ['CZ', 'CJ', 'CA', 'CB', 'CD', 'CE'].filter((tag) => fieldValue(fields, tag) === undefined);
  if (missing.length > 0) return { ok: false, error: `missing mandatory fields ${missing.join(', ')}` };
  const amount = fieldValue(fields, 'CB') ?? '';
  if (!/^\d{1,12}$/.test(amount)) return { ok: false, error: `CB "${amount}" is not an amount` };
  const operation = fieldValue(fields, 'CD');
  if (operation !== '0' && operation !== '1') return { ok: false, error: `CD "${operation}" is not 0 (debit) or 1 (credit)` };
  return {
    ok: true,
    value: {
      operation: operation === '0' ? 'debit' : 'credit',
      amount: Number(amount),
      currency: fieldValue(fields, 'CE') ?? '',
      tillNumber: fieldValue(fields, 'CA') ?? '',
      integratorId: fieldValue(fields, 'CJ') ?? '',
    },
  };
}

/** AE: état de l'action. */
export const ACTION_DONE = '10';
export const ACTION_NOT_DONE = '01';
export const REQUEST_TAKEN = '11';

/** AF's first two digits (complément d'état), as the HiPay page and the OCA module list them. */
export const FAILURE_LABELS: Readonly<Record<string, string>> = {
  '00': 'unknown reason',
  '01': 'authorised',
  '02': 'voice authorisation (phone call) required',
  '03': 'forced by the merchant',
  '04': 'refused',
  '05': 'forbidden card',
  '06': 'abandoned',
  '07': 'not completed',
  '08': 'timed out waiting for the customer',
  '09': 'the terminal could not read the request (message format)',
  '10': 'selection error',
  '11': 'cancelled at the terminal',
  '12': 'operation type unknown to the terminal',
  '13': 'currency not supported',
};

/** CC: the payment application. */
export const APPLICATION_LABELS: Readonly<Record<string, string>> = {
  '001': 'CB',
  '00B': 'CB',
  '002': 'American Express',
  '00D': 'American Express',
  '003': 'CB Enseigne',
  '005': 'Cofinoga',
  '006': 'Diners Club',
  '009': 'JCB',
  '00C': 'Chèque',
  '00E': 'Conecs',
  '10E': 'Conecs',
  '00U': 'UnionPay',
};

/** CI: how the card was read. */
export const READ_MODE_LABELS: Readonly<Record<string, string>> = {
  '0': 'unspecified',
  '1': 'contact',
  '2': 'contactless',
  '3': 'magnetic stripe',
  '4': 'keyed',
};

/**
 * Offline (store-and-forward) approvals: the public sources name no dedicated tag. We read two
 * signs, both assumptions to confirm against the GIE CB specification: AF complement 03
 * ("forçage") on a done operation, and the CB2A field-39 code carried after AF's first two digits
 * being the EMV offline approvals Y1 / Y3.
 */
function isOfflineApproval(failure: string | undefined): boolean {
  if (!failure) return false;
  const responseCode = failure.slice(2, 4);
  return failure.startsWith('03') || responseCode === 'Y1' || responseCode === 'Y3';
}

/** The fields that decide the outcome or tie the reply to the request. */
const DECIDING_TAGS = ['AE', 'AF', 'CB', 'CA', 'CD', 'CE'] as const;

/**
 * Turns a reply into the till's CardResult. `request` is what was sent, to check the echo. Only
 * the deciding fields are judged; the card's fields (AA, AC, CC, AI, CI) are shown as far as they
 * are printable and cut to what a sealed sale keeps, whatever bytes they hold.
 */
export function caisseApReplyToResult(fields: readonly TlvField[], request: CaisseApRequest, ref: AttemptRef): CardResult {
  const terminal = CAISSE_AP_TERMINAL;
  const repeated = DECIDING_TAGS.find((tag) => new Set(fields.filter((field) => field.tag === tag).map((field) => field.value)).size > 1);
  if (repeated) return unknownOutcome(ref, terminal, `The terminal answered ${repeated} twice, with different values`);
  const action = fieldValue(fields, 'AE');
  const failure = fieldValue(fields, 'AF');
  const echo = checkEcho(fields, request);
  if (echo) return unknownOutcome(ref, terminal, `The terminal answered another request (${echo})`);
  if (action === ACTION_NOT_DONE) {
    const code = failure?.slice(0, 2);
    // "Not done" with complement "authorised" contradicts itself: never read it as a refusal.
    if (code === '01') return unknownOutcome(ref, terminal, 'The terminal answered "not done" and "authorised" at once');
    const label = code ? (FAILURE_LABELS[code] ?? `reason code ${code}`) : 'no reason given';
    // 06 abandoned, 08 the customer never came, 11 cancelled at the terminal: not a refusal of the card.
    const cancelled = code === '06' || code === '08' || code === '11';
    return declinedOutcome(ref, terminal, `Card payment not done: ${label}.`, cancelled ? 'cancelled' : 'refused');
  }
  if (action === ACTION_DONE) {
    const approved = fieldValue(fields, 'CB');
    if (approved !== undefined && !/^\d{1,12}$/.test(approved))
      return unknownOutcome(ref, terminal, `The terminal approved an unreadable amount (CB "${approved}")`);
    const amount = approved === undefined ? ref.amount : Number(approved);
    if (amount > ref.amount) return unknownOutcome(ref, terminal, `The terminal approved ${amount}, more than the ${ref.amount} asked for`);
    const notes: string[] = [];
    if (amount < ref.amount) notes.push(`partial approval: ${amount} of ${ref.amount}`);
    const readMode = READ_MODE_LABELS[fieldValue(fields, 'CI') ?? ''];
    if (readMode && readMode !== 'unspecified') notes.push(`read ${readMode}`);
    const aid = displayText(fieldValue(fields, 'AI') ?? '');
    if (aid) notes.push(`AID ${aid}`);
    const offline = isOfflineApproval(failure);
    if (offline) notes.push('approved offline by the terminal: the bank has not seen it yet');
    const application = fieldValue(fields, 'CC');
    return {
      attemptKey: ref.attemptKey,
      status: 'approved',
      amount,
      terminal,
      ...optional('authorizationCode', displayText(fieldValue(fields, 'AC') ?? '')),
      ...optional('maskedPan', displayText(maskCardNumber(fieldValue(fields, 'AA') ?? ''))),
      ...optional('scheme', application ? (APPLICATION_LABELS[application] ?? displayText(`application ${application}`)) : undefined),
      ...optional('message', notes.length > 0 ? notes.join('; ') : undefined),
      ...(offline ? { offline: true } : {}),
    };
  }
  if (action === REQUEST_TAKEN)
    return unknownOutcome(ref, terminal, 'The terminal only acknowledged the request (AE 11) and gave no result');
  if (action === undefined) return unknownOutcome(ref, terminal, 'The terminal answered without a result (no AE field)');
  return unknownOutcome(ref, terminal, `The terminal answered an unknown result (AE "${action}")`);
}

/** A reply whose CA/CD/CE differ from the request is not about our request. */
function checkEcho(fields: readonly TlvField[], request: CaisseApRequest): string | null {
  const sent = caisseApRequestFields(request);
  if (!sent.ok) return null;
  for (const tag of ['CA', 'CD', 'CE']) {
    const answered = fieldValue(fields, tag);
    const asked = fieldValue(sent.value, tag);
    if (answered !== undefined && answered !== asked) return `${tag} "${answered}" instead of "${asked}"`;
  }
  return null;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined || value === '' ? {} : { [key]: value }) as { [P in K]?: string };
}

/** A terminal's reply, built by the simulator and the golden tests: CZ first, then the rest. */
export function encodeCaisseApReply(fields: readonly TlvField[]): Result<Uint8Array> {
  const ordered = [...fields.filter((field) => field.tag === 'CZ'), ...fields.filter((field) => field.tag !== 'CZ')];
  const encoded = encodeTlv(ordered);
  return encoded.ok ? { ok: true, value: encoded.bytes } : { ok: false, error: encoded.error };
}
