import { numericCurrencyCode } from '../currency-code';
import { encodeApdu, type Apdu } from './apdu';
import { displayBytes } from '../display-text';
import { decodeAmount, decodeBcd, encodeAmount, encodeBcd } from './bcd';
import { BMP, concatBytes, encodeBmp, findBmp, parseBmps, readDigitLength } from './bmp';
import { encodeStatusInformationData, readStatusInformation, type StatusInformation } from './status-information';

/**
 * ZVT commands and answers (ZVT specification PA00P015 13.x, read through Portalum.Zvt ZvtClient
 * and kotlin-zvt-library):
 * - ECR → PT: Registration 06 00 <password 3 BCD> <config byte> <currency 2 BCD, no BMP tag>;
 *   Authorisation 06 01 04<amount 6 BCD> 49<currency>; Refund 06 31 <password> 04<amount>
 *   49<currency> (Reversal 06 30 cancels one earlier receipt by number: not "money back to a card").
 * - PT → ECR: ACK 80 00 00 / NACK 84 xx 00; Intermediate status 04 FF <code> [timeout] [06 TLV
 *   display texts] (display only); Status information 04 0F (status-information.ts); Completion
 *   06 0F [<software version, LLL ASCII> <terminal status byte>] [19 status byte] [29 TID]
 *   [49 currency] [06 TLV] (wirelane/ecrterm Completion); Abort 06 1E <result code> [06 TLV];
 *   receipt lines 06 D1 / 06 D3.
 * - The ECR acknowledges every PT message it can frame with 80 00 00, whatever its data holds: what
 *   serves display is read as far as it can be and never makes a message unreadable. Only a PT
 *   command this ECR does not implement gets 84 83 00 ("not supported") instead, since an ACK would
 *   claim it was done. A message of an unknown class is not ZVT: the stream is lost.
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
    value: concatBytes(encodeBmp(BMP.amount, amount) ?? new Uint8Array(0), encodeBmp(BMP.currency, currency.value) ?? new Uint8Array(0)),
  };
}

export function encodeRegistration(command: RegistrationCommand): Result<Uint8Array> {
  const pw = password(command.password);
  if (!pw.ok) return pw;
  if (!Number.isInteger(command.configByte) || command.configByte < 0 || command.configByte > 0xff)
    return { ok: false, error: 'the config byte must be 0–255' };
  const currency = currencyBcd(command.currency);
  if (!currency.ok) return currency;
  return apduBytes(0x06, 0x00, concatBytes(pw.value, Uint8Array.of(command.configByte), currency.value));
}

export function encodeAuthorisation(command: AmountCommand): Result<Uint8Array> {
  const bmps = amountBmps(command);
  return bmps.ok ? apduBytes(0x06, 0x01, bmps.value) : bmps;
}

export function encodeRefund(command: RefundCommand): Result<Uint8Array> {
  const pw = password(command.password);
  if (!pw.ok) return pw;
  const bmps = amountBmps(command);
  return bmps.ok ? apduBytes(0x06, 0x31, concatBytes(pw.value, bmps.value)) : bmps;
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
    if (bmps.stopped) return { ok: false, error: bmps.stopped };
    const amountBytes = findBmp(bmps.bmps, BMP.amount);
    const amount = amountBytes ? decodeAmount(amountBytes) : null;
    if (amount === null) return { ok: false, error: 'no readable amount (BMP 04)' };
    const currencyBytes = findBmp(bmps.bmps, BMP.currency);
    const currency = currencyBytes ? (decodeBcd(currencyBytes)?.slice(1) ?? null) : null;
    return { ok: true, value: { kind: instr === 0x01 ? 'authorisation' : 'refund', amount, currency } };
  }
  return { ok: true, value: { kind: 'other', cls, instr } };
}

/** What the PT sends, as the driver reads it. */
export type TerminalMessage =
  | { readonly kind: 'ack' }
  | { readonly kind: 'nack'; readonly code: number }
  /** `code` is absent when the terminal sent none: it only says what the terminal shows. */
  | { readonly kind: 'intermediate-status'; readonly code?: number }
  | { readonly kind: 'status-information'; readonly info: StatusInformation }
  | { readonly kind: 'completion'; readonly softwareVersion?: string }
  /** The terminal did not carry out the command; `resultCode` says why, when it says. */
  | { readonly kind: 'abort'; readonly resultCode?: number }
  | { readonly kind: 'print' }
  /** A well-formed PT command this driver does not implement: answered 84 83 00. */
  | { readonly kind: 'unsupported'; readonly cls: number; readonly instr: number };

const hexByte = (byte: number) => byte.toString(16).padStart(2, '0').toUpperCase();

export function decodeTerminalMessage(apdu: Apdu): Result<TerminalMessage> {
  const { cls, instr, data } = apdu;
  const command = `${hexByte(cls)} ${hexByte(instr)}`;
  if (cls === 0x80)
    return instr === 0x00 && data.length === 0
      ? { ok: true, value: { kind: 'ack' } }
      : { ok: false, error: `malformed acknowledgement ${command}` };
  if (cls === 0x84) return { ok: true, value: { kind: 'nack', code: instr } };
  if (cls === 0x04 && instr === 0xff)
    return { ok: true, value: { kind: 'intermediate-status', ...(data.length > 0 ? { code: data[0] ?? 0 } : {}) } };
  if (cls === 0x04 && instr === 0x0f) return { ok: true, value: { kind: 'status-information', info: readStatusInformation(data) } };
  if (cls === 0x06 && instr === 0x0f) return { ok: true, value: { kind: 'completion', ...readCompletion(data) } };
  if (cls === 0x06 && instr === 0x1e)
    return { ok: true, value: { kind: 'abort', ...(data.length > 0 ? { resultCode: data[0] ?? 0 } : {}) } };
  if (cls === 0x06 && (instr === 0xd1 || instr === 0xd3)) return { ok: true, value: { kind: 'print' } };
  // Other PT commands exist (04 01 set time, 06 D8 dial-up…); unknown classes are a broken stream.
  if (cls === 0x04 || cls === 0x05 || cls === 0x06 || cls === 0x08) return { ok: true, value: { kind: 'unsupported', cls, instr } };
  return { ok: false, error: `not a ZVT message (class ${hexByte(cls)})` };
}

/**
 * A Completion's data serves logs only. The software version comes first when the terminal sends
 * it (an LLL field: F0–F9 ×3, then ASCII); the status byte and BMPs after it are not needed here.
 * wirelane/ecrterm notes the version cannot be told apart from the BMPs by anything but its F-nibble
 * prefix, which no BMP allowed there (06, 19, 29, 49) starts with.
 */
function readCompletion(data: Uint8Array): { softwareVersion?: string } {
  const length = data.length >= 3 ? readDigitLength(data, 0, 3) : null;
  if (length === null || 3 + length > data.length) return {};
  const softwareVersion = displayBytes(data.subarray(3, 3 + length), 64);
  return softwareVersion ? { softwareVersion } : {};
}

/** Terminal → ECR messages, for the simulator and the golden tests. */
export function encodeStatusInformation(info: StatusInformation): Result<Uint8Array> {
  const data = encodeStatusInformationData(info);
  return data.ok ? apduBytes(0x04, 0x0f, data.value) : data;
}

export const encodeCompletion = (): Result<Uint8Array> => apduBytes(0x06, 0x0f, new Uint8Array(0));
export const encodeAbort = (resultCode: number): Result<Uint8Array> => apduBytes(0x06, 0x1e, Uint8Array.of(resultCode & 0xff));
export const encodeIntermediateStatus = (code: number): Result<Uint8Array> => apduBytes(0x04, 0xff, Uint8Array.of(code & 0xff));
export const encodeAck = (): Uint8Array => Uint8Array.of(0x80, 0x00, 0x00);
