import { numericCurrencyCode } from '../currency-code';
import { encodeApdu, type Apdu } from './apdu';
import { decodeAmount, decodeBcd, decodeMaskedPan, encodeAmount, encodeBcd, encodeMaskedPan } from './bcd';
import { BMP, encodeBmp, findBmp, parseBmps } from './bmp';

/**
 * ZVT commands and answers (ZVT specification PA00P015 13.x, read through Portalum.Zvt ZvtClient
 * and kotlin-zvt-library):
 * - ECR → PT: Registration 06 00 <password 3 BCD> <config byte> <currency 2 BCD, no BMP tag>;
 *   Authorisation 06 01 04<amount 6 BCD> 49<currency>; Refund 06 31 <password> 04<amount>
 *   49<currency> (Reversal 06 30 cancels one earlier receipt by number: not "money back to a card").
 * - PT → ECR: ACK 80 00 00 / NACK 84 xx 00; Intermediate status 04 FF <code> (display only);
 *   Status information 04 0F <BMPs: 27 result, 04 amount, 3B authorisation attribute, 22 PAN…>;
 *   Completion 06 0F; Abort 06 1E <result code>; receipt lines 06 D1 / 06 D3.
 * - The ECR acknowledges every PT message with 80 00 00.
 */
export const ZVT_TERMINAL = 'zvt';
export const ZVT_DEFAULT_PORT = 20007;

export const ACK: Apdu = { cls: 0x80, instr: 0x00, data: new Uint8Array(0) };
/** "Command not supported": the answer to a PT command this ECR does not implement. */
export const NACK_NOT_SUPPORTED: Apdu = { cls: 0x84, instr: 0x83, data: new Uint8Array(0) };

/**
 * Config byte of the Registration. 0x08: the PT sends intermediate status messages. Receipts stay
 * on the PT (bits 0x02/0x04 off) and the PT keeps its own payment keys (0x10/0x20 off).
 */
export const DEFAULT_CONFIG_BYTE = 0x08;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export type RegistrationCommand = { readonly password: string; readonly configByte: number; readonly currency: string };
export type AmountCommand = { readonly amount: number; readonly currency: string };
export type RefundCommand = AmountCommand & { readonly password: string };

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};

function apduBytes(cls: number, instr: number, data: Uint8Array): Result<Uint8Array> {
  const bytes = encodeApdu({ cls, instr, data });
  return bytes ? { ok: true, value: bytes } : { ok: false, error: 'the message is too long for one APDU' };
}

function password(digits: string): Result<Uint8Array> {
  const bcd = /^\d{6}$/.test(digits) ? encodeBcd(digits, 3) : null;
  return bcd ? { ok: true, value: bcd } : { ok: false, error: 'the terminal password must be 6 digits' };
}

function currencyBcd(currency: string): Result<Uint8Array> {
  const numeric = numericCurrencyCode(currency);
  const bcd = numeric ? encodeBcd(numeric, 2) : null;
  return bcd
    ? { ok: true, value: bcd }
    : { ok: false, error: `the currency "${currency}" has no ISO 4217 numeric code known to this driver` };
}

function amountBmps(command: AmountCommand): Result<Uint8Array> {
  if (!Number.isSafeInteger(command.amount) || command.amount <= 0)
    return { ok: false, error: `the amount must be a whole positive number of cents, not ${command.amount}` };
  const amount = encodeAmount(command.amount);
  if (!amount) return { ok: false, error: `the amount ${command.amount} does not fit in 12 digits` };
  const currency = currencyBcd(command.currency);
  if (!currency.ok) return currency;
  return {
    ok: true,
    value: concat(encodeBmp(BMP.amount, amount) ?? new Uint8Array(0), encodeBmp(BMP.currency, currency.value) ?? new Uint8Array(0)),
  };
}

export function encodeRegistration(command: RegistrationCommand): Result<Uint8Array> {
  const pw = password(command.password);
  if (!pw.ok) return pw;
  if (!Number.isInteger(command.configByte) || command.configByte < 0 || command.configByte > 0xff)
    return { ok: false, error: 'the config byte must be 0–255' };
  const currency = currencyBcd(command.currency);
  if (!currency.ok) return currency;
  return apduBytes(0x06, 0x00, concat(pw.value, Uint8Array.of(command.configByte), currency.value));
}

export function encodeAuthorisation(command: AmountCommand): Result<Uint8Array> {
  const bmps = amountBmps(command);
  return bmps.ok ? apduBytes(0x06, 0x01, bmps.value) : bmps;
}

export function encodeRefund(command: RefundCommand): Result<Uint8Array> {
  const pw = password(command.password);
  if (!pw.ok) return pw;
  const bmps = amountBmps(command);
  return bmps.ok ? apduBytes(0x06, 0x31, concat(pw.value, bmps.value)) : bmps;
}

/** What the ECR sends, as a terminal (the simulator) reads it. */
export type EcrCommand =
  | { readonly kind: 'ack' }
  | { readonly kind: 'registration'; readonly configByte: number; readonly currency: string | null }
  | { readonly kind: 'authorisation'; readonly amount: number; readonly currency: string | null }
  | { readonly kind: 'refund'; readonly amount: number; readonly currency: string | null }
  | { readonly kind: 'other'; readonly cls: number; readonly instr: number };

export function decodeEcrCommand(apdu: Apdu): Result<EcrCommand> {
  const { cls, instr, data } = apdu;
  if (cls === 0x80 && instr === 0x00) return { ok: true, value: { kind: 'ack' } };
  if (cls === 0x06 && instr === 0x00) {
    if (data.length < 4) return { ok: false, error: 'registration shorter than password and config byte' };
    const currency = data.length >= 6 ? decodeBcd(data.slice(4, 6)) : null;
    return { ok: true, value: { kind: 'registration', configByte: data[3] ?? 0, currency: currency?.slice(1) ?? null } };
  }
  if (cls === 0x06 && (instr === 0x01 || instr === 0x31)) {
    const bmps = parseBmps(data, instr === 0x31 ? 3 : 0);
    if (!bmps.ok) return bmps;
    const amountBytes = findBmp(bmps.bmps, BMP.amount);
    const amount = amountBytes ? decodeAmount(amountBytes) : null;
    if (amount === null) return { ok: false, error: 'no readable amount (BMP 04)' };
    const currencyBytes = findBmp(bmps.bmps, BMP.currency);
    const currency = currencyBytes ? (decodeBcd(currencyBytes)?.slice(1) ?? null) : null;
    return { ok: true, value: { kind: instr === 0x01 ? 'authorisation' : 'refund', amount, currency } };
  }
  return { ok: true, value: { kind: 'other', cls, instr } };
}

/** The fields of a Status information (04 0F) the till uses. */
export type StatusInformation = {
  readonly resultCode?: number;
  readonly amount?: number;
  /** BMP 3B, "AID" in the specification: the authorisation attribute, 8 ASCII characters. */
  readonly authorisation?: string;
  readonly maskedPan?: string;
  readonly cardType?: number;
  readonly cardName?: string;
  readonly traceNumber?: string;
  readonly receiptNumber?: string;
  readonly terminalId?: string;
  readonly currency?: string;
};

/** What the PT sends, as the driver reads it. */
export type TerminalMessage =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nack'; readonly code: number }
  | { readonly kind: 'intermediate-status'; readonly code: number }
  | { readonly kind: 'status-information'; readonly info: StatusInformation }
  | { readonly kind: 'completion' }
  | { readonly kind: 'abort'; readonly resultCode: number }
  | { readonly kind: 'print' }
  /** A well-formed PT command this driver does not implement: answered 84 83 00. */
  | { readonly kind: 'unsupported'; readonly cls: number; readonly instr: number };

const hexByte = (byte: number) => byte.toString(16).padStart(2, '0').toUpperCase();

const asciiText = (bytes: Uint8Array): string =>
  String.fromCharCode(...bytes)
    .replace(/[\0\s]+$/, '')
    .replace(/[^\x20-\x7e]/g, '?');

export function decodeTerminalMessage(apdu: Apdu): Result<TerminalMessage> {
  const { cls, instr, data } = apdu;
  const command = `${hexByte(cls)} ${hexByte(instr)}`;
  if (cls === 0x80)
    return instr === 0x00 && data.length === 0
      ? { ok: true, value: { kind: 'ack' } }
      : { ok: false, error: `malformed acknowledgement ${command}` };
  if (cls === 0x84) return { ok: true, value: { kind: 'nack', code: instr } };
  if (cls === 0x04 && instr === 0xff) {
    if (data.length < 1) return { ok: false, error: 'intermediate status without a status code' };
    return { ok: true, value: { kind: 'intermediate-status', code: data[0] ?? 0 } };
  }
  if (cls === 0x04 && instr === 0x0f) {
    const info = readStatusInformation(data);
    return info.ok
      ? { ok: true, value: { kind: 'status-information', info: info.value } }
      : { ok: false, error: `status information: ${info.error}` };
  }
  if (cls === 0x06 && instr === 0x0f) {
    const bmps = parseBmps(data);
    return bmps.ok ? { ok: true, value: { kind: 'completion' } } : { ok: false, error: `completion: ${bmps.error}` };
  }
  if (cls === 0x06 && instr === 0x1e) {
    if (data.length < 1) return { ok: false, error: 'abort without a result code' };
    return { ok: true, value: { kind: 'abort', resultCode: data[0] ?? 0 } };
  }
  if (cls === 0x06 && (instr === 0xd1 || instr === 0xd3)) return { ok: true, value: { kind: 'print' } };
  // Other PT commands exist (04 01 set time, 06 D8 dial-up…); unknown classes are a broken stream.
  if (cls === 0x04 || cls === 0x05 || cls === 0x06 || cls === 0x08) return { ok: true, value: { kind: 'unsupported', cls, instr } };
  return { ok: false, error: `not a ZVT message (class ${hexByte(cls)})` };
}

function readStatusInformation(data: Uint8Array): Result<StatusInformation> {
  const parsed = parseBmps(data);
  if (!parsed.ok) return parsed;
  const bmps = parsed.bmps;
  const info: { -readonly [K in keyof StatusInformation]: StatusInformation[K] } = {};
  const result = findBmp(bmps, BMP.resultCode);
  if (result) info.resultCode = result[0] ?? 0;
  const amount = findBmp(bmps, BMP.amount);
  if (amount) {
    const value = decodeAmount(amount);
    if (value === null) return { ok: false, error: 'amount (BMP 04) is not BCD' };
    info.amount = value;
  }
  const authorisation = findBmp(bmps, BMP.aid);
  if (authorisation) info.authorisation = asciiText(authorisation);
  const pan = findBmp(bmps, BMP.pan);
  if (pan) {
    const value = decodeMaskedPan(pan);
    if (value === null) return { ok: false, error: 'card number (BMP 22) is not BCD' };
    info.maskedPan = value;
  }
  const cardType = findBmp(bmps, BMP.cardType);
  if (cardType) info.cardType = cardType[0] ?? 0;
  const cardName = findBmp(bmps, BMP.cardName);
  if (cardName) info.cardName = asciiText(cardName);
  for (const [id, key] of [
    [BMP.traceNumber, 'traceNumber'],
    [BMP.receiptNumber, 'receiptNumber'],
    [BMP.terminalId, 'terminalId'],
    [BMP.currency, 'currency'],
  ] as const) {
    const bytes = findBmp(bmps, id);
    if (!bytes) continue;
    const digits = decodeBcd(bytes);
    if (digits === null) return { ok: false, error: `BMP ${hexByte(id)} is not BCD` };
    info[key] = key === 'currency' ? digits.slice(1) : digits;
  }
  return { ok: true, value: info };
}

/** Terminal → ECR messages, for the simulator and the golden tests. */
export function encodeStatusInformation(info: StatusInformation): Result<Uint8Array> {
  const parts: Uint8Array[] = [];
  const add = (id: number, value: Uint8Array | null): boolean => {
    const bmp = value ? encodeBmp(id, value) : null;
    if (bmp) parts.push(bmp);
    return bmp !== null;
  };
  if (info.resultCode !== undefined && !add(BMP.resultCode, Uint8Array.of(info.resultCode))) return { ok: false, error: 'bad result code' };
  if (info.amount !== undefined && !add(BMP.amount, encodeAmount(info.amount))) return { ok: false, error: 'bad amount' };
  if (info.currency !== undefined && !add(BMP.currency, encodeBcd(info.currency, 2))) return { ok: false, error: 'bad currency' };
  if (info.traceNumber !== undefined && !add(BMP.traceNumber, encodeBcd(info.traceNumber, 3)))
    return { ok: false, error: 'bad trace number' };
  if (info.receiptNumber !== undefined && !add(BMP.receiptNumber, encodeBcd(info.receiptNumber, 2)))
    return { ok: false, error: 'bad receipt number' };
  if (info.terminalId !== undefined && !add(BMP.terminalId, encodeBcd(info.terminalId, 4))) return { ok: false, error: 'bad terminal id' };
  if (info.authorisation !== undefined) {
    const text = info.authorisation.padEnd(8, '\0');
    if (text.length !== 8 || !/^[\x20-\x7e\0]+$/.test(text))
      return { ok: false, error: 'the authorisation attribute is at most 8 ASCII characters' };
    add(
      BMP.aid,
      Uint8Array.from(text, (char) => char.charCodeAt(0)),
    );
  }
  if (info.maskedPan !== undefined && !add(BMP.pan, encodeMaskedPan(info.maskedPan))) return { ok: false, error: 'bad card number' };
  if (info.cardType !== undefined && !add(BMP.cardType, Uint8Array.of(info.cardType))) return { ok: false, error: 'bad card type' };
  if (
    info.cardName !== undefined &&
    !add(
      BMP.cardName,
      Uint8Array.from(info.cardName, (char) => char.charCodeAt(0) & 0x7f),
    )
  )
    return { ok: false, error: 'bad card name' };
  return apduBytes(0x04, 0x0f, concat(...parts));
}

export const encodeCompletion = (): Result<Uint8Array> => apduBytes(0x06, 0x0f, new Uint8Array(0));
export const encodeAbort = (resultCode: number): Result<Uint8Array> => apduBytes(0x06, 0x1e, Uint8Array.of(resultCode & 0xff));
export const encodeIntermediateStatus = (code: number): Result<Uint8Array> => apduBytes(0x04, 0xff, Uint8Array.of(code & 0xff));
export const encodeAck = (): Uint8Array => Uint8Array.of(0x80, 0x00, 0x00);
