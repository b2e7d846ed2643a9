/**
 * Epson's answers to DLE EOT n (real-time status transmission), one byte each. Bits 1 and 4 are
 * always set and bits 0 and 7 always clear, which is how a host tells a status byte apart from
 * other data (0x12 is "all fine"). Only the bits a till cares about are modelled:
 *
 * | n | meaning        | bit set when                                                        |
 * |---|----------------|---------------------------------------------------------------------|
 * | 1 | printer status | 2 (0x04): drawer open (pin 3 high) · 3 (0x08): offline              |
 * | 2 | offline cause  | 2 (0x04): cover open · 5 (0x20): stopped at paper end               |
 * | 3 | error cause    | none modelled (no cutter or mechanism errors)                       |
 * | 4 | paper sensor   | 2–3 (0x0C): paper near end · 5–6 (0x60): paper end                  |
 *
 * `offline` alone is a printer taken offline with no cause it reports (a real one: waiting after a
 * power dip, or the feed button held). The drawer is wired "open = pin 3 high".
 */
export type FakePrinterStatus = {
  readonly paperOut: boolean;
  readonly coverOpen: boolean;
  readonly paperNearEnd: boolean;
  readonly offline: boolean;
  readonly drawerOpen: boolean;
};

export const PRINTER_READY: FakePrinterStatus = {
  paperOut: false,
  coverOpen: false,
  paperNearEnd: false,
  offline: false,
  drawerOpen: false,
};

/** Paper out, cover open or offline: print data waits in the buffer and nothing comes out. */
export const canPrint = (status: FakePrinterStatus): boolean => !status.paperOut && !status.coverOpen && !status.offline;

const FIXED = 0x12;

/** The status byte answering DLE EOT n, or undefined for an n a printer would ignore. */
export function dleEotReply(n: number, status: FakePrinterStatus): number | undefined {
  const offline = !canPrint(status);
  switch (n) {
    case 1:
      return FIXED | (status.drawerOpen ? 0x04 : 0) | (offline ? 0x08 : 0);
    case 2:
      return FIXED | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0);
    case 3:
      return FIXED;
    case 4:
      return FIXED | (status.paperNearEnd || status.paperOut ? 0x0c : 0) | (status.paperOut ? 0x60 : 0);
    default:
      return undefined;
  }
}

/**
 * The 4-byte Automatic Status Back (GS a): byte 1 0xx1xx00 with drawer (bit 2), offline (bit 3)
 * and cover (bit 5); byte 2 errors (none modelled); byte 3 near end (bits 0–1) and paper end (bits 2–3).
 */
export function asbReply(status: FakePrinterStatus): Uint8Array {
  const first = 0x10 | (status.drawerOpen ? 0x04 : 0) | (canPrint(status) ? 0 : 0x08) | (status.coverOpen ? 0x20 : 0);
  const paper = (status.paperNearEnd || status.paperOut ? 0x03 : 0) | (status.paperOut ? 0x0c : 0);
  return Uint8Array.of(first, 0x00, paper, 0x00);
}
