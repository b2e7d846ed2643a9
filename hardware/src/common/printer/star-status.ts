import type { PrinterSensors, StatusParse } from './printer-sensors';

/*
 * Star's Automatic Status (ASB), as sent by StarPRNT and Star Line mode printers on ESC ACK SOH
 * (1B 06 01) or on every change when automatic status is on (Star "Line Mode Command
 * Specifications", appendix Automatic Status).
 *
 * Header 1 gives the length of the whole status: bits 1–3 are bits 0–2 of the count and bits 5–6
 * its bits 3–4 (0x0F → 7 bytes, 0x23 → 9 bytes); bit 0 is always 1, bits 4 and 7 always 0.
 * Header 2 carries the version. Then, counting the headers as bytes 1 and 2:
 *
 * | byte | bit 1                 | bit 2                  | bit 3          | bit 5         | bit 6            |
 * |------|-----------------------|------------------------|----------------|---------------|------------------|
 * | 3    | ETB executed          | drawer switch (pin 3)  | offline        | cover open    | offline by switch|
 * | 4    | head thermistor error | mechanical error       | autocutter err | unrecoverable | head overheat    |
 * | 5    | voltage error         | paper jam              | black mark err |               |                  |
 * | 6    | near end (outer)      | near end (inner)       | paper end      |               |                  |
 *
 * Later bytes (ETB counter, presenter, extended status) are not read. The older one-byte ENQ
 * status is not parsed: every StarPRNT printer answers ESC ACK SOH.
 */

/** The fewest bytes that carry everything read here (header 1 and 2, status bytes 3–6). */
export const STAR_ASB_MIN_LENGTH = 6;

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;
const isByte = (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xff;

/** Could this byte start a Star automatic status? */
export const isStarAsbHeader = (byte: number) => (byte & 0x91) === 0x01;

/** The length header 1 announces, headers included. */
export function starAsbLength(header1: number): number {
  return ((header1 & 0x0e) >> 1) | ((header1 & 0x60) >> 2);
}

export function parseStarAsb(bytes: ArrayLike<number>): StatusParse {
  if (bytes.length === 0) return { ok: false, error: 'An empty Star status.' };
  const values = Array.from({ length: bytes.length }, (_, i) => bytes[i]!);
  if (!values.every(isByte)) return { ok: false, error: 'A Star status holds bytes (0–255) only.' };
  const header = values[0]!;
  if (!isStarAsbHeader(header))
    return { ok: false, error: `0x${header.toString(16).padStart(2, '0')} is not a Star status header (bit 0 set, bits 4 and 7 clear).` };
  const length = starAsbLength(header);
  if (length < STAR_ASB_MIN_LENGTH)
    return { ok: false, error: `The Star status header announces ${length} bytes; a status has at least ${STAR_ASB_MIN_LENGTH}.` };
  if (values.length !== length)
    return { ok: false, error: `The Star status header announces ${length} bytes, ${values.length} were given.` };
  const [s1, s2, s3, s4] = [values[2]!, values[3]!, values[4]!, values[5]!];
  const sensors: PrinterSensors = {
    drawerSignalHigh: bit(s1, 2),
    offline: bit(s1, 3) || bit(s1, 6),
    coverOpen: bit(s1, 5),
    error: bit(s2, 1) || bit(s2, 2) || bit(s2, 3) || bit(s2, 5) || bit(s2, 6) || bit(s3, 1) || bit(s3, 2) || bit(s3, 3),
    paperNearEnd: bit(s4, 1) || bit(s4, 2),
    paperEnd: bit(s4, 3),
  };
  return { ok: true, sensors };
}
