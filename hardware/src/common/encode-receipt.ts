import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt, ReceiptLine } from '@pos/core';
import { printableLine } from './printable-text';
import type { PrinterProfile } from './printer';
import { toRgba, type MonochromeImage } from './printer/monochrome-image';

const DEFAULT_FEED_BEFORE_CUT = { 'esc-pos': 4, 'star-prnt': 3 } as const;

/*
 * One LF per line, not the encoder's default LF CR: printers with "CR = LF" set (a common DIP
 * switch on serial models) would otherwise feed every line twice.
 */
const NEWLINE = '\n';

type Codepage = Parameters<ReceiptPrinterEncoder['codepage']>[0];

/** What a print job adds around the receipt's own lines (see printer/print-job.ts). */
export type ReceiptExtras = {
  /** Printed centred above the first line, as a raster image (GS v 0 on ESC/POS). */
  readonly logo?: MonochromeImage;
  /** Raw commands sent right after the printer is initialised: status back, drawer kick. */
  readonly prelude?: Uint8Array;
  /**
   * Prints the receipt number as a barcode above the sale id's QR code. Off by default so the
   * plain receipt stays line for line what the screen shows (tests/support reads it back).
   */
  readonly receiptNumberBarcode?: boolean;
};

/*
 * The receipt number as a Code 128 barcode (with its text below), so a return or a reprint can be
 * scanned. Modules of 2 dots (encoder width 1 → GS w 2): "T01-000123" is about 330 dots wide,
 * inside the 384 dots of 58 mm paper. 48 dots high is 6 mm at 203 dpi, enough for a hand scanner.
 */
const RECEIPT_NUMBER_BARCODE = { height: 48, width: 1, text: 'below' } as const;

/**
 * The receipt as the printer's bytes. Pure: same receipt and profile, same bytes (the golden files
 * hold us to it). The receipt is already laid out in fixed-width text, so lines are printed as
 * they are (only the logo, the receipt number's barcode and the QR code are centred), and a line wider than the profile would wrap, never be cut off.
 * Throws only for a profile the encoder cannot take (columns other than 32, 35, 42, 44 or 48, or a
 * code page the language does not have): profiles are data we ship, and a test encodes each one.
 */
export function encodeReceipt(receipt: Receipt, profile: PrinterProfile, extras: ReceiptExtras = {}): Uint8Array {
  const feed = profile.feedBeforeCut ?? DEFAULT_FEED_BEFORE_CUT[profile.language];
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    feedBeforeCut: profile.cutter ? feed : 0,
    newline: NEWLINE,
  });
  encoder.initialize().codepage(profile.codepage as Codepage);
  if (extras.prelude && extras.prelude.length > 0) encoder.raw(extras.prelude);
  if (extras.logo) encoder.align('center').image(toRgba(extras.logo), { mode: 'raster' }).align('left');
  const barcode = extras.receiptNumberBarcode ? receipt.receiptNumber : undefined;
  for (const line of receipt.lines) encodeLine(encoder, forPrinter(line, receipt, profile), barcode);
  if (!profile.cutter) return encoder.newline(feed).encode();
  return dropTrailingNewline(encoder.cut('partial').encode());
}

/** Text lines in characters the printer's code page holds; `large` lines are laid out on half the width. */
function forPrinter(line: ReceiptLine, receipt: Receipt, profile: PrinterProfile): ReceiptLine {
  if (line.kind !== 'text') return line;
  const width = line.large ? Math.floor(receipt.width / 2) : receipt.width;
  return { ...line, text: printableLine(line.text, profile, width) };
}

function encodeLine(encoder: ReceiptPrinterEncoder, line: ReceiptLine, barcode: string | undefined): void {
  switch (line.kind) {
    case 'text': {
      // Styles are switched on and off inside the line, so no line inherits another's style.
      const size = line.large ? 2 : 1;
      if (line.bold) encoder.bold(true);
      if (line.large) encoder.size(size, size);
      encoder.text(line.text);
      if (line.large) encoder.size(1, 1);
      if (line.bold) encoder.bold(false);
      encoder.newline();
      return;
    }
    case 'rule':
      encoder.rule();
      return;
    case 'qrcode':
      // The receipt number's barcode goes with the sale id's QR code: both identify the receipt.
      if (barcode !== undefined) encoder.align('center').barcode(barcode, 'code128', RECEIPT_NUMBER_BARCODE).align('left');
      // Size 6 keeps a 36-character sale id (QR version 3) about 2 cm wide: it fits 58 mm paper.
      encoder.align('center').qrcode(line.value, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
  }
}

/** The encoder ends the cut's line with a line feed, which would only push blank paper ahead of the next receipt. */
function dropTrailingNewline(bytes: Uint8Array): Uint8Array {
  return bytes.at(-1) === 0x0a ? bytes.slice(0, -1) : bytes;
}
