import type { DrawerWiring, PrinterProfile } from './printer';

/** ESC p 0 50 250: 100 ms on, 500 ms off on pin 2, the factory pulse of Epson drawers and their clones. */
const DRAWER_PIN_2: DrawerWiring = { pin: 2, onMs: 100, offMs: 500 };

/*
 * Code page: CP858 is CP850 with the euro sign (0xD5) and carries every French letter and the
 * degree sign. Epson numbers it 19 (ESC t 19) and so do the common Epson-compatible clones; Star
 * numbers it 4. Letting the encoder pick ('auto') was rejected: for "€" it selects CP857 (ESC t 13),
 * a Turkish page that cheap clones number differently, and plain CP437 has no euro at all.
 */

/** Epson TM-T88 class (180 dpi, 512 dots): 42 columns in font A. */
export const ESC_POS_80: PrinterProfile = {
  id: 'esc-pos-80',
  label: 'ESC/POS 80 mm, 42 columns (Epson TM-T88 compatible)',
  language: 'esc-pos',
  paperWidthMm: 80,
  columns: 42,
  codepage: 'cp858',
  cutter: true,
  feedBeforeCut: 4,
  reportsStatus: true,
  confirmsCompletion: true,
  drawer: DRAWER_PIN_2,
};

/** 203 dpi 80 mm printers (576 dots: Epson TM-T20/TM-m30 and most clones): 48 columns in font A. */
export const ESC_POS_80_48: PrinterProfile = {
  id: 'esc-pos-80-48',
  label: 'ESC/POS 80 mm, 48 columns (Epson TM-T20 compatible)',
  language: 'esc-pos',
  paperWidthMm: 80,
  columns: 48,
  codepage: 'cp858',
  cutter: true,
  feedBeforeCut: 4,
  reportsStatus: true,
  confirmsCompletion: true,
  drawer: DRAWER_PIN_2,
};

/** 58 mm printers (384 dots): 32 columns in font A. */
export const ESC_POS_58: PrinterProfile = {
  id: 'esc-pos-58',
  label: 'ESC/POS 58 mm, 32 columns',
  language: 'esc-pos',
  paperWidthMm: 58,
  columns: 32,
  codepage: 'cp858',
  cutter: true,
  feedBeforeCut: 4,
  // 58 mm printers are mostly clones: DLE EOT is common, GS ( H is not.
  reportsStatus: true,
  confirmsCompletion: false,
  drawer: DRAWER_PIN_2,
};

/** Star TSP100/TSP143 class in StarPRNT mode: 48 columns in font A. */
export const STAR_PRNT_80: PrinterProfile = {
  id: 'star-prnt-80',
  label: 'StarPRNT 80 mm, 48 columns (Star TSP100 compatible)',
  language: 'star-prnt',
  paperWidthMm: 80,
  columns: 48,
  codepage: 'cp858',
  cutter: true,
  feedBeforeCut: 3,
  reportsStatus: true,
  // StarPRNT has no process ID response; completion is not confirmed.
  confirmsCompletion: false,
  drawer: DRAWER_PIN_2,
};

export const PRINTER_PROFILES: readonly PrinterProfile[] = [ESC_POS_80, ESC_POS_80_48, ESC_POS_58, STAR_PRNT_80];

export const DEFAULT_PRINTER_PROFILE_ID = ESC_POS_80.id;

/** The profile with this id, or undefined: callers decide whether an unknown id is an error. */
export function findPrinterProfile(id: string): PrinterProfile | undefined {
  return PRINTER_PROFILES.find((p) => p.id === id);
}
