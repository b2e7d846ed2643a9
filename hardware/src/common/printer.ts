import type { PrintOutcome } from '@pos/core';

/**
 * A printer profile is data: the command language, the paper and what the printer can do.
 * Encoders read it; transports never do.
 */
export type PrinterProfile = {
  readonly id: string;
  readonly label: string;
  readonly language: 'esc-pos' | 'star-prnt';
  readonly paperWidthMm: 58 | 80;
  /** Characters per line in the default font. */
  readonly columns: number;
  /** ReceiptPrinterEncoder code page name, or 'auto' to let it pick per character. */
  readonly codepage: string;
  readonly cutter: boolean;
  /**
   * Lines fed before the cut, so the last printed line clears the cutter blade (which sits a few
   * lines above the print head). Defaults to 4 for ESC/POS and 3 for StarPRNT.
   */
  readonly feedBeforeCut?: number;
};

/** Moves bytes to a printer and nothing else: no encoding, no retries. */
export type PrinterTransport = {
  /** Human-readable address ("tcp://127.0.0.1:9100", "serial:/dev/ttyUSB0", "file:/tmp/out.bin"). */
  readonly target: string;
  write(bytes: Uint8Array): Promise<PrintOutcome>;
  /** Can we reach it right now? Never throws. */
  probe(): Promise<{ readonly reachable: boolean; readonly message?: string }>;
  close(): Promise<void>;
};
