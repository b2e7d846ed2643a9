import type { DleEotRequest } from './esc-pos-status';

/*
 * The ESC/POS requests the encoder has no method for (Epson ESC/POS Command Reference):
 * - DLE EOT n (10 04 n): real-time status, answered at once even while the printer is busy.
 * - GS a n (1D 61 n): Automatic Status Back; n bit 0 drawer, 1 online/offline, 2 errors, 3 roll
 *   paper sensor. The printer sends 4 bytes at once and on every change.
 * - GS ( H fn 48 (1D 28 48 06 00 30 30 d1 d2 d3 d4): "process ID response". Once everything
 *   before it has been processed — printed, for print data — the printer sends 37 22 d1 d2 d3 d4 00.
 *   Each d is 0x20–0x7E; we use four digits. A printer that could not send an ID in time (host
 *   not reading) sends only the latest one, and IDs of data cleared by DLE DC4 / DLE ENQ are never sent.
 * StarPRNT: ESC ACK SOH (1B 06 01) asks for the automatic status once.
 */

export const ASB_ALL = 0x0f;

export const dleEot = (n: DleEotRequest): Uint8Array => Uint8Array.of(0x10, 0x04, n);

/** DLE EOT 1, 2, 3 and 4 in one go: the replies come back in this order, one byte each. */
export const STATUS_REQUESTS: readonly DleEotRequest[] = [1, 2, 3, 4];
export const statusRequestBytes = (): Uint8Array => Uint8Array.from(STATUS_REQUESTS.flatMap((n) => [...dleEot(n)]));

export const enableAsb = (flags: number = ASB_ALL): Uint8Array => Uint8Array.of(0x1d, 0x61, flags & 0xff);

export const STAR_STATUS_REQUEST: Uint8Array = Uint8Array.of(0x1b, 0x06, 0x01);

const PROCESS_ID_PREFIX = [0x1d, 0x28, 0x48, 0x06, 0x00, 0x30, 0x30] as const;
export const PROCESS_ID_REQUEST_LENGTH = PROCESS_ID_PREFIX.length + 4;

/** Four characters 0x20–0x7E: what GS ( H fn 48 accepts. */
export const isProcessId = (id: string): boolean => /^[\x20-\x7e]{4}$/.test(id);

/** "0001" … "9999", then "0000": ascending IDs make the order of replies easy to check. */
export const processIdFor = (sequence: number): string => String(Math.abs(Math.trunc(sequence)) % 10_000).padStart(4, '0');

/** GS ( H fn 48 with this ID. Throws on an ID the printer would refuse: IDs are made by processIdFor. */
export function processIdRequest(id: string): Uint8Array {
  if (!isProcessId(id)) throw new RangeError(`A process ID is 4 characters from 0x20 to 0x7E, not ${JSON.stringify(id)}`);
  return Uint8Array.from([...PROCESS_ID_PREFIX, ...[...id].map((c) => c.charCodeAt(0))]);
}

/** The ID of the GS ( H fn 48 request that ends a job, if it ends with one. */
export function trailingProcessId(bytes: Uint8Array): string | undefined {
  if (bytes.length < PROCESS_ID_REQUEST_LENGTH) return undefined;
  const tail = bytes.subarray(bytes.length - PROCESS_ID_REQUEST_LENGTH);
  if (!PROCESS_ID_PREFIX.every((b, i) => tail[i] === b)) return undefined;
  const id = String.fromCharCode(...tail.subarray(PROCESS_ID_PREFIX.length));
  return isProcessId(id) ? id : undefined;
}
