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
  /**
   * Answers GS ( H fn 48 (process ID response) once the job before it has printed: a write can then
   * end in 'printed'. Epson TM-T88IV and later, TM-T20 and TM-m30 do; many clones ignore it.
   */
  readonly confirmsCompletion?: boolean;
  /** Answers status requests (ESC/POS: DLE EOT n and GS a; StarPRNT: ESC ACK SOH) on a two-way link. */
  readonly reportsStatus?: boolean;
  /** The cash drawer on the printer's drawer kick-out connector, if one is wired. */
  readonly drawer?: DrawerWiring;
};

/**
 * A cash drawer on the printer's RJ12 kick-out connector. `pin` is the drive pin (2: drawer 1,
 * 5: drawer 2); the pulse is `onMs` on then `offMs` off, sent in 2 ms units (ESC p) or 10 ms
 * units (StarPRNT ESC BEL). `openWhen`: the level of the drawer switch (pin 3) while the drawer is
 * open, which depends on the drawer; 'high' unless the drawer's manual says otherwise.
 */
export type DrawerWiring = {
  readonly pin: 2 | 5;
  readonly onMs: number;
  readonly offMs: number;
  readonly openWhen?: 'high' | 'low';
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
