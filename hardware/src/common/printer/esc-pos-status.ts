import type { StatusParse } from './printer-sensors';

/*
 * ESC/POS status bytes, from Epson's ESC/POS Command Reference (DLE EOT, GS a, and the appendix
 * "Identification of send status"). Each kind has fixed bits, which is how a host tells them apart
 * in one incoming stream:
 *
 * | reply                      | fixed bits (bit 7 … 0) | mask/value  |
 * |----------------------------|------------------------|-------------|
 * | DLE EOT n (one byte)       | 0xx1xx10               | 0x93 / 0x12 |
 * | ASB, first of 4 bytes      | 0xx1xx00               | 0x93 / 0x10 |
 * | ASB, bytes 2–4             | 0xx0xxxx               | 0x90 / 0x00 |
 * | "header to NUL" blocks     | 0x37 or 0x5F … 0x00    |             |
 *
 * DLE EOT 1 (printer): bit 2 drawer pin 3 high, 3 offline, 5 waiting for online recovery, 6 feed button pressed.
 * DLE EOT 2 (offline cause): bit 2 cover open, 3 paper fed by the button, 5 stopped at paper end, 6 error.
 * DLE EOT 3 (error cause): bit 2 mechanical (recoverable) error, 3 autocutter, 5 unrecoverable, 6 auto-recoverable.
 * DLE EOT 4 (roll paper sensor): bits 2–3 near end, bits 5–6 paper end (Epson sets both bits of a pair).
 *
 * ASB byte 1: bit 2 drawer pin 3 high, 3 offline, 5 cover open, 6 paper fed by the button.
 * ASB byte 2: bit 0 waiting for online recovery, 1 feed button pressed, 2 mechanical error,
 *             3 autocutter error, 5 unrecoverable error, 6 auto-recoverable error.
 * ASB byte 3: bits 0–1 roll paper near end, bits 2–3 roll paper end. ASB byte 4: reserved.
 */

export type DleEotRequest = 1 | 2 | 3 | 4;

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;
const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;
const isByte = (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xff;

export const isDleEotReplyByte = (byte: number) => (byte & 0x93) === 0x12;
export const isAsbFirstByte = (byte: number) => (byte & 0x93) === 0x10;
export const isAsbFollowingByte = (byte: number) => (byte & 0x90) === 0x00;

/** The reply to DLE EOT n. The byte does not say which n it answers: the caller knows what it asked. */
export function parseDleEotReply(n: DleEotRequest, byte: number): StatusParse {
  if (!isByte(byte)) return { ok: false, error: `A DLE EOT reply is one byte, not ${String(byte)}.` };
  if (!isDleEotReplyByte(byte)) return { ok: false, error: `${hex(byte)} is not a DLE EOT reply (bits 0xx1xx10 expected).` };
  switch (n) {
    case 1:
      return {
        ok: true,
        sensors: {
          drawerSignalHigh: bit(byte, 2),
          offline: bit(byte, 3),
          waitingForOnlineRecovery: bit(byte, 5),
          feedButtonPressed: bit(byte, 6),
        },
      };
    case 2:
      return { ok: true, sensors: { coverOpen: bit(byte, 2), paperEnd: bit(byte, 5), error: bit(byte, 6) } };
    case 3:
      return { ok: true, sensors: { error: bit(byte, 2) || bit(byte, 3) || bit(byte, 5) || bit(byte, 6) } };
    case 4:
      // Some clones set only one bit of each pair: either counts.
      return { ok: true, sensors: { paperNearEnd: (byte & 0x0c) !== 0, paperEnd: (byte & 0x60) !== 0 } };
    default:
      return { ok: false, error: `DLE EOT ${String(n)} is not a status request this parser knows (1 to 4).` };
  }
}

/** The 4-byte Automatic Status Back a printer sends after GS a n (n ≠ 0) and on every change. */
export function parseAsb(bytes: ArrayLike<number>): StatusParse {
  if (bytes.length !== 4) return { ok: false, error: `An ESC/POS automatic status is 4 bytes, not ${bytes.length}.` };
  const [b1, b2, b3, b4] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  if (![b1, b2, b3, b4].every(isByte)) return { ok: false, error: 'An automatic status holds bytes (0–255) only.' };
  if (!isAsbFirstByte(b1)) return { ok: false, error: `${hex(b1)} cannot start an automatic status (bits 0xx1xx00 expected).` };
  const stray = [b2, b3, b4].findIndex((b) => !isAsbFollowingByte(b));
  if (stray >= 0)
    return { ok: false, error: `Byte ${stray + 2} of the automatic status, ${hex([b2, b3, b4][stray]!)}, has bit 4 or 7 set.` };
  return {
    ok: true,
    sensors: {
      drawerSignalHigh: bit(b1, 2),
      offline: bit(b1, 3),
      coverOpen: bit(b1, 5),
      waitingForOnlineRecovery: bit(b2, 0),
      feedButtonPressed: bit(b2, 1),
      error: bit(b2, 2) || bit(b2, 3) || bit(b2, 5) || bit(b2, 6),
      paperNearEnd: (b3 & 0x03) !== 0,
      paperEnd: (b3 & 0x0c) !== 0,
    },
  };
}
