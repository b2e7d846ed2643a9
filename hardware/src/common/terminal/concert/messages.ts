/**
 * Concert E+ application messages (the bytes between STX and ETX), pure codecs.
 *
 * Request, 34 characters (pyTeliumManager `TeliumAsk.encode`, pypostelium `send_message` "protocol E+"):
 *   pos 2 | amount 8 (minor units, zero-padded) | answer flag 1 ('1' full answer, '0' short) |
 *   payment mode 1 ('1' card, 'C' cheque, …) | transaction type 1 ('0' debit, '1' credit, '2' cancellation) |
 *   currency 3 (ISO 4217 numeric) | private 10 (echoed back; spaces when unused) |
 *   delay 4 ('A010' answer at the end of the transaction, 'A011' answer at once) |
 *   authorisation 4 ('B010' terminal decides, 'B011' force an online authorisation).
 * Concert V2 (PayXpert "Concert V2 - Legacy") has the same fields with 1-character DELAI and AUTO (28).
 *
 * Answer (pyTeliumManager `TeliumResponse.decode`, constants TERMINAL_ANSWER_*_SIZE):
 *   full, 80: pos 2 | status 1 | amount 8 | payment mode 1 | report 55 | currency 3 | private 10
 *   short, 25: the same without the 55-character report (card number / track data).
 * Status: '0' success, '7' failure (pyTeliumManager TERMINAL_PAYMENT_SUCCESS / REJECTED); any other
 * value (pyTeliumManager knows a '9', "not verified") is read as "outcome unknown".
 */
export const REQUEST_LENGTH = 34;
export const FULL_ANSWER_LENGTH = 80;
export const SHORT_ANSWER_LENGTH = 25;
export const REPORT_LENGTH = 55;
export const PRIVATE_LENGTH = 10;
export const MAX_AMOUNT = 99_999_999;

export const TRANSACTION_CODES = { debit: '0', credit: '1', cancellation: '2' } as const;
export type ConcertTransaction = keyof typeof TRANSACTION_CODES;

/** Payment mode '1' asks for a bank card; the others (cheque 'C', Amex '2', …) are not used by the till. */
export const CARD_PAYMENT_MODE = '1';

export type ConcertRequest = {
  readonly posNumber: number;
  readonly amount: number;
  readonly answer: 'full' | 'short';
  readonly paymentMode: string;
  readonly transaction: ConcertTransaction;
  /** ISO 4217 numeric, three digits. */
  readonly currency: string;
  readonly privateData: string;
  readonly answerAt: 'end' | 'immediate';
  readonly forceAuthorization: boolean;
};

export type ConcertAnswer = {
  readonly posNumber: number;
  /** One character: '0' success, '7' failure, anything else unknown. */
  readonly status: string;
  readonly amount: number;
  readonly paymentMode: string;
  /** Full answers only: the card number (often masked by the terminal) or track data, space padded. */
  readonly report?: string;
  readonly currency: string;
  readonly privateData: string;
};

export type Encoded = { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly message: string };
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** ISO 4217 numeric codes for the currencies a French till meets; a 3-digit code passes through. */
const CURRENCY_NUMBERS: Readonly<Record<string, string>> = { EUR: '978', USD: '840', GBP: '826', CHF: '756', XPF: '953', CAD: '124' };

export function currencyNumber(currency: string): string | null {
  if (/^\d{3}$/.test(currency)) return currency;
  return CURRENCY_NUMBERS[currency.toUpperCase()] ?? null;
}

const isPrintable = (text: string) => /^[\x20-\x7f]*$/.test(text);
const digits = (value: number, width: number) => String(value).padStart(width, '0');
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const text = (data: Uint8Array) => String.fromCharCode(...data);

export function encodeRequest(request: ConcertRequest): Encoded {
  const { posNumber, amount, paymentMode, currency, privateData } = request;
  if (!Number.isSafeInteger(posNumber) || posNumber < 0 || posNumber > 99)
    return { ok: false, message: `POS number ${posNumber} is not 0–99.` };
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
    return { ok: false, message: `Amount ${amount} is not a whole number of cents from 0 to ${MAX_AMOUNT} (8 digits).` };
  }
  if (paymentMode.length !== 1 || !isPrintable(paymentMode))
    return { ok: false, message: `Payment mode "${paymentMode}" is not one printable character.` };
  if (!/^\d{3}$/.test(currency)) return { ok: false, message: `Currency "${currency}" is not an ISO 4217 numeric code.` };
  if (privateData.length > PRIVATE_LENGTH || !isPrintable(privateData)) {
    return { ok: false, message: `Private data "${privateData}" is not up to ${PRIVATE_LENGTH} printable characters.` };
  }
  const message =
    digits(posNumber, 2) +
    digits(amount, 8) +
    (request.answer === 'full' ? '1' : '0') +
    paymentMode +
    TRANSACTION_CODES[request.transaction] +
    currency +
    privateData.padEnd(PRIVATE_LENGTH, ' ') +
    (request.answerAt === 'end' ? 'A010' : 'A011') +
    (request.forceAuthorization ? 'B011' : 'B010');
  return { ok: true, data: ascii(message) };
}

/** Reads a request (the simulator's side). Every field is checked; the first fault is named. */
export function parseRequest(data: Uint8Array): Parsed<ConcertRequest> {
  if (data.length !== REQUEST_LENGTH)
    return { ok: false, message: `A Concert E+ request has ${REQUEST_LENGTH} characters, not ${data.length}.` };
  const message = text(data);
  if (!isPrintable(message)) return { ok: false, message: 'The request holds bytes that are not printable ASCII.' };
  const field = (from: number, length: number) => message.slice(from, from + length);
  const pos = field(0, 2);
  const amount = field(2, 8);
  const answerFlag = field(10, 1);
  const transactionCode = field(12, 1);
  const currency = field(13, 3);
  const delay = field(26, 4);
  const authorisation = field(30, 4);
  if (!/^\d{2}$/.test(pos)) return { ok: false, message: `POS number "${pos}" is not two digits.` };
  if (!/^\d{8}$/.test(amount)) return { ok: false, message: `Amount "${amount}" is not eight digits.` };
  if (answerFlag !== '0' && answerFlag !== '1') return { ok: false, message: `Answer flag "${answerFlag}" is neither 0 nor 1.` };
  const transaction = (Object.keys(TRANSACTION_CODES) as ConcertTransaction[]).find((t) => TRANSACTION_CODES[t] === transactionCode);
  if (!transaction) return { ok: false, message: `Transaction type "${transactionCode}" is unknown.` };
  if (!/^\d{3}$/.test(currency)) return { ok: false, message: `Currency "${currency}" is not three digits.` };
  if (delay !== 'A010' && delay !== 'A011') return { ok: false, message: `Delay field "${delay}" is neither A010 nor A011.` };
  if (authorisation !== 'B010' && authorisation !== 'B011')
    return { ok: false, message: `Authorisation field "${authorisation}" is neither B010 nor B011.` };
  return {
    ok: true,
    value: {
      posNumber: Number(pos),
      amount: Number(amount),
      answer: answerFlag === '1' ? 'full' : 'short',
      paymentMode: field(11, 1),
      transaction,
      currency,
      privateData: field(16, PRIVATE_LENGTH),
      answerAt: delay === 'A010' ? 'end' : 'immediate',
      forceAuthorization: authorisation === 'B011',
    },
  };
}

/** Builds an answer (the simulator's side, and golden files). */
export function encodeAnswer(answer: ConcertAnswer): Encoded {
  const { posNumber, status, amount, paymentMode, report, currency, privateData } = answer;
  if (!Number.isSafeInteger(posNumber) || posNumber < 0 || posNumber > 99)
    return { ok: false, message: `POS number ${posNumber} is not 0–99.` };
  if (status.length !== 1 || !isPrintable(status)) return { ok: false, message: `Status "${status}" is not one printable character.` };
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT)
    return { ok: false, message: `Amount ${amount} does not fit 8 digits.` };
  if (paymentMode.length !== 1 || !isPrintable(paymentMode))
    return { ok: false, message: `Payment mode "${paymentMode}" is not one printable character.` };
  if (report !== undefined && (report.length > REPORT_LENGTH || !isPrintable(report))) {
    return { ok: false, message: `Report is not up to ${REPORT_LENGTH} printable characters.` };
  }
  if (!/^\d{3}$/.test(currency)) return { ok: false, message: `Currency "${currency}" is not three digits.` };
  if (privateData.length > PRIVATE_LENGTH || !isPrintable(privateData))
    return { ok: false, message: 'Private data is not up to 10 printable characters.' };
  const message =
    digits(posNumber, 2) +
    status +
    digits(amount, 8) +
    paymentMode +
    (report === undefined ? '' : report.padEnd(REPORT_LENGTH, ' ')) +
    currency +
    privateData.padEnd(PRIVATE_LENGTH, ' ');
  return { ok: true, data: ascii(message) };
}

/** Reads the terminal's answer, full (80) or short (25). Never throws: a bad answer is a named fault. */
export function parseAnswer(data: Uint8Array): Parsed<ConcertAnswer> {
  if (data.length !== FULL_ANSWER_LENGTH && data.length !== SHORT_ANSWER_LENGTH) {
    return { ok: false, message: `A Concert answer has ${SHORT_ANSWER_LENGTH} or ${FULL_ANSWER_LENGTH} characters, not ${data.length}.` };
  }
  const message = text(data);
  if (!isPrintable(message)) return { ok: false, message: 'The answer holds bytes that are not printable ASCII.' };
  const full = data.length === FULL_ANSWER_LENGTH;
  const pos = message.slice(0, 2);
  const amount = message.slice(3, 11);
  const tail = full ? 12 + REPORT_LENGTH : 12;
  const currency = message.slice(tail, tail + 3);
  if (!/^\d{2}$/.test(pos)) return { ok: false, message: `POS number "${pos}" in the answer is not two digits.` };
  if (!/^\d{8}$/.test(amount)) return { ok: false, message: `Amount "${amount}" in the answer is not eight digits.` };
  if (!/^\d{3}$/.test(currency)) return { ok: false, message: `Currency "${currency}" in the answer is not three digits.` };
  return {
    ok: true,
    value: {
      posNumber: Number(pos),
      status: message.slice(2, 3),
      amount: Number(amount),
      paymentMode: message.slice(11, 12),
      ...(full ? { report: message.slice(12, 12 + REPORT_LENGTH) } : {}),
      currency,
      privateData: message.slice(tail + 3, tail + 3 + PRIVATE_LENGTH),
    },
  };
}

/**
 * The private field carries a tag of the attempt key, so an answer that comes late (or during the next
 * payment) can be told apart. Terminals that echo it give an exact match; ones that overwrite it with
 * their own number fall back to amount matching in the driver.
 */
export function privateDataFor(attemptKey: string): string {
  const hash = (seed: number) => {
    let h = seed;
    for (let i = 0; i < attemptKey.length; i++) h = Math.imul(h ^ attemptKey.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(36).toUpperCase().padStart(7, '0');
  };
  return (hash(0x811c9dc5).slice(-5) + hash(0x050c5d1f).slice(-5)).slice(0, PRIVATE_LENGTH);
}
