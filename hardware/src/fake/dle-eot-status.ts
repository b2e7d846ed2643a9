/**
 * Epson's answers to DLE EOT n (real-time status transmission), one byte each. Bits 1 and 4 are
 * always set and bits 0 and 7 always clear, which is how a host tells a status byte apart from
 * other data (0x12 is "all fine"). Only the bits a till cares about are modelled:
 *
 * | n | meaning        | bit set when                                                        |
 * |---|----------------|---------------------------------------------------------------------|
 * | 1 | printer status | 3 (0x08): offline (paper out or cover open)                         |
 * | 2 | offline cause  | 2 (0x04): cover open · 5 (0x20): stopped at paper end               |
 * | 3 | error cause    | none modelled (no cutter or mechanism errors)                       |
 * | 4 | paper sensor   | 2–3 (0x0C): paper near end · 5–6 (0x60): paper end                  |
 */
export type FakePrinterStatus = {
  readonly paperOut: boolean;
  readonly coverOpen: boolean;
  readonly paperNearEnd: boolean;
};

export const PRINTER_READY: FakePrinterStatus = { paperOut: false, coverOpen: false, paperNearEnd: false };

const FIXED = 0x12;

/** The status byte answering DLE EOT n, or undefined for an n a printer would ignore. */
export function dleEotReply(n: number, status: FakePrinterStatus): number | undefined {
  const offline = status.paperOut || status.coverOpen;
  switch (n) {
    case 1:
      return FIXED | (offline ? 0x08 : 0);
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
