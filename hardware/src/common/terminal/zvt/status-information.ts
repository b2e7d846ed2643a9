import { displayBytes } from '../display-text';
import { decodeAmount, decodeBcd, decodeMaskedPan, encodeAmount, encodeBcd, encodeMaskedPan, panForDisplay } from './bcd';
import { BMP, concatBytes, encodeBmp, findBmp, parseBmps } from './bmp';
import type { Result } from './messages';

/**
 * Status information (04 0F), the terminal's account of a transaction: BMP 27 result code, 04
 * amount, 3B authorisation attribute, 22 card number, 8A card type, 8B card name, 0B trace, 87
 * receipt, 29 terminal id, 49 currency, and whatever else the terminal adds (date, time, VU number,
 * additional text 3C, TLV 06…).
 *
 * Only the result code and the amount decide the outcome. Every other field serves display: one
 * that cannot be read (a card number with nibbles A–C, a BCD field that is not BCD) is left out
 * and named in `unreadable`, never fatal. BMPs whose length cannot be known stop the reading
 * (bmp.ts); what was read before stays, and `unreadTail` says why the rest was not read, so that an
 * approval whose amount may sit in that rest is not taken as an approval of the amount asked.
 * Real frames this reads are in golden/real (Portalum.Zvt and wirelane/ecrterm test data).
 */
export type StatusInformation = {
  readonly resultCode?: number;
  readonly amount?: number;
  /** BMP 04 present but not BCD: what an approval took is then unknown. */
  readonly amountUnreadable?: true;
  /** BMP 3B, "AID" in the specification: the authorisation attribute, 8 ASCII characters. */
  readonly authorisation?: string;
  /** At most the first 6 and last 4 digits, the rest '*'. */
  readonly maskedPan?: string;
  readonly cardType?: number;
  readonly cardName?: string;
  readonly traceNumber?: string;
  readonly receiptNumber?: string;
  readonly terminalId?: string;
  readonly currency?: string;
  /** Display fields present but unreadable, by BMP number: left out. */
  readonly unreadable?: readonly number[];
  /** Why the BMPs were not read to the end of the message, if they were not. */
  readonly unreadTail?: string;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** BCD display fields: trace, receipt and terminal numbers, currency (its 4 digits hold a leading 0). */
const BCD_FIELDS = [
  [BMP.traceNumber, 'traceNumber'],
  [BMP.receiptNumber, 'receiptNumber'],
  [BMP.terminalId, 'terminalId'],
  [BMP.currency, 'currency'],
] as const;

/** Reads a Status information's data. Never fails: what cannot be read is left out and said. */
export function readStatusInformation(data: Uint8Array): StatusInformation {
  const { bmps, stopped } = parseBmps(data);
  const info: Mutable<StatusInformation> = stopped ? { unreadTail: stopped } : {};
  const unreadable: number[] = [];
  const result = findBmp(bmps, BMP.resultCode);
  if (result) info.resultCode = result[0] ?? 0;
  const amount = findBmp(bmps, BMP.amount);
  if (amount) {
    const value = decodeAmount(amount);
    if (value === null) info.amountUnreadable = true;
    else info.amount = value;
  }
  const authorisation = findBmp(bmps, BMP.aid);
  const authorisationText = authorisation ? displayBytes(authorisation) : undefined;
  if (authorisationText) info.authorisation = authorisationText;
  const pan = findBmp(bmps, BMP.pan);
  if (pan && pan.length > 0) {
    const decoded = decodeMaskedPan(pan);
    const shown = decoded === null ? null : panForDisplay(decoded);
    if (shown === null) unreadable.push(BMP.pan);
    else info.maskedPan = shown;
  }
  const cardType = findBmp(bmps, BMP.cardType);
  if (cardType) info.cardType = cardType[0] ?? 0;
  const cardName = findBmp(bmps, BMP.cardName);
  const cardNameText = cardName ? displayBytes(cardName) : undefined;
  if (cardNameText) info.cardName = cardNameText;
  for (const [id, key] of BCD_FIELDS) {
    const bytes = findBmp(bmps, id);
    if (!bytes) continue;
    const digits = decodeBcd(bytes);
    if (digits === null) unreadable.push(id);
    else info[key] = key === 'currency' ? digits.slice(1) : digits;
  }
  if (unreadable.length > 0) info.unreadable = unreadable;
  return info;
}

/** The data of a Status information, for the simulator and the golden tests. */
export function encodeStatusInformationData(info: StatusInformation): Result<Uint8Array> {
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
  return { ok: true, value: concatBytes(...parts) };
}
