/**
 * HID POS Scanned Data Reports as a scanner sends them, in hex, 16 bytes a line. CONSTRUCTED, not
 * captured: no scanner is at hand, so they are built from the documented layout (see
 * common/scanner/hid-pos-report.ts: report id 0x02, data length, AIM identifier, 56 data bytes,
 * vendor symbology id at byte 61, "more data follows" in bit 0 of byte 63). Replace them with real
 * captures (`cat /dev/hidrawN | xxd`) when a scanner is available.
 */
export type RecordedScan = {
  readonly description: string;
  readonly reports: readonly string[];
  /** What the driver must emit for them. */
  readonly expected: { readonly code: string; readonly aim: string };
};

const GS = '\u001d';

/** Honeywell, EAN-13 3760000000017, Code ID "d" at byte 61. */
export const HONEYWELL_EAN13: RecordedScan = {
  description: 'Honeywell EAN-13 in one report',
  reports: [
    [
      '02 0d 5d 45 30 33 37 36 30 30 30 30 30 30 30 30',
      '31 37 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
      '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
      '00 00 00 00 00 00 00 00 00 00 00 00 00 64 00 00',
    ].join(' '),
  ],
  expected: { code: '3760000000017', aim: ']E0' },
};

/** Zebra, GS1-128 with GTIN, net weight 1.250 kg, expiry, batch, FNC1 (GS), serial: 48 bytes, one report. */
export const ZEBRA_GS1_128: RecordedScan = {
  description: 'Zebra GS1-128 in one report',
  reports: [
    [
      '02 30 5d 43 31 30 31 30 39 35 30 31 31 30 31 35',
      '33 30 30 30 33 33 31 30 33 30 30 31 32 35 30 31',
      '37 32 37 30 33 33 31 31 30 41 42 43 31 32 33 1d',
      '32 31 58 59 5a 00 00 00 00 00 00 00 00 00 00 00',
    ].join(' '),
  ],
  expected: { code: `0109501101530003310300125017270331` + `10ABC123${GS}21XYZ`, aim: ']C1' },
};

/** Honeywell, GS1 DataMatrix of 109 bytes in two reports (56 + 53), Code ID "w". */
export const HONEYWELL_GS1_DATAMATRIX: RecordedScan = {
  description: 'Honeywell GS1 DataMatrix in two chunks',
  reports: [
    [
      '02 38 5d 64 32 30 31 30 39 35 30 31 31 30 31 35',
      '33 30 30 30 33 31 37 32 37 31 32 30 30 31 30 4c',
      '4f 54 2d 32 30 32 36 2d 30 30 34 32 1d 32 31 53',
      '53 53 53 53 53 53 53 53 53 53 53 53 53 77 00 01',
    ].join(' '),
    [
      '02 35 5d 64 32 53 53 53 53 53 53 1d 39 31 49 4e',
      '54 45 52 4e 41 4c 2d 44 41 54 41 2d 58 58 58 58',
      '58 58 58 58 58 58 58 58 58 58 58 58 58 58 58 58',
      '58 58 58 58 58 58 58 58 58 58 00 00 00 77 00 00',
    ].join(' '),
  ],
  expected: {
    code: `0109501101530003` + `17271200` + `10LOT-2026-0042${GS}21${'S'.repeat(20)}${GS}91INTERNAL-DATA-${'X'.repeat(30)}`,
    aim: ']d2',
  },
};

export const RECORDED_SCANS: readonly RecordedScan[] = [HONEYWELL_EAN13, ZEBRA_GS1_128, HONEYWELL_GS1_DATAMATRIX];

/** "02 0d 5d …" → bytes. */
export function hexToBytes(hex: string): Uint8Array {
  const digits = hex.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) throw new Error(`not hex bytes: ${hex.slice(0, 40)}`);
  return Uint8Array.from(digits.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
