import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt } from '@pos/core';
import { encodeReceipt } from '../encode-receipt';
import type { DrawerWiring, PrinterProfile } from '../printer';
import { enableAsb, processIdRequest } from './esc-pos-commands';
import type { MonochromeImage } from './monochrome-image';

export type PrintJobOptions = {
  /** Ends the job with GS ( H fn 48 when the profile confirms completion (see processIdFor). */
  readonly processId?: string;
  /** Kicks the drawer as the receipt starts printing (cash sales), when the profile has one. */
  readonly openDrawer?: boolean;
  readonly logo?: MonochromeImage;
  /** The receipt number as a Code 128 barcode above the QR code, so a return can be scanned. Default true. */
  readonly receiptNumberBarcode?: boolean;
};

export type PrintJob = {
  readonly bytes: Uint8Array;
  /** Set when the job asks for a process ID response: the transport waits for it to say 'printed'. */
  readonly processId?: string;
  /** The job turns on Automatic Status Back: the printer will send 4-byte statuses. */
  readonly statusBack: boolean;
  readonly drawerKick: boolean;
};

/**
 * A receipt as the bytes of one job:
 * ESC @ … [GS a 0x0F] [drawer kick] [logo] receipt lines (receipt number barcode before the QR code) … cut [GS ( H fn 48 id].
 * GS a goes after the initialise command rather than before it, because some printers reset the
 * automatic status setting on ESC @. The drawer opens as printing starts, so the change can be
 * counted while the receipt prints. The process ID request comes last: its reply means the cut is done.
 */
export function buildPrintJob(receipt: Receipt, profile: PrinterProfile, options: PrintJobOptions = {}): PrintJob {
  const escPos = profile.language === 'esc-pos';
  const statusBack = escPos && profile.reportsStatus === true;
  const kick = options.openDrawer && profile.drawer ? drawerKickCommand(profile.language, profile.drawer) : new Uint8Array(0);
  const prelude = concat(statusBack ? enableAsb() : new Uint8Array(0), kick);
  const receiptBytes = encodeReceipt(receipt, profile, {
    prelude,
    receiptNumberBarcode: options.receiptNumberBarcode ?? true,
    ...(options.logo ? { logo: options.logo } : {}),
  });
  const processId = escPos && profile.confirmsCompletion && options.processId !== undefined ? options.processId : undefined;
  return {
    bytes: processId === undefined ? receiptBytes : concat(receiptBytes, processIdRequest(processId)),
    ...(processId === undefined ? {} : { processId }),
    statusBack,
    drawerKick: kick.length > 0,
  };
}

/**
 * Opening the drawer alone (no sale, "open drawer" key), or undefined when the profile has no
 * drawer. Starts with the printer's initialise command so a half-received earlier job cannot
 * swallow the pulse's parameters.
 */
export function buildDrawerKickJob(profile: PrinterProfile): Uint8Array | undefined {
  if (!profile.drawer) return undefined;
  return new ReceiptPrinterEncoder({ language: profile.language })
    .initialize()
    .raw(drawerKickCommand(profile.language, profile.drawer))
    .encode();
}

/**
 * ESC/POS ESC p m t1 t2: m 0 drives pin 2, m 1 pin 5, times in 2 ms units (t1 on, t2 off; 255 at most).
 * StarPRNT ESC BEL n1 n2 BEL|SUB: times in 10 ms units. The encoder's pulse() writes both.
 */
export function drawerKickCommand(language: PrinterProfile['language'], drawer: DrawerWiring): Uint8Array {
  return new ReceiptPrinterEncoder({ language }).pulse(drawer.pin === 5 ? 1 : 0, drawer.onMs, drawer.offMs).encode();
}

function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
