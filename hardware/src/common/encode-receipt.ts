import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt, ReceiptLine } from '@pos/core';
import type { PrinterProfile } from './printer';

const DEFAULT_FEED_BEFORE_CUT = { 'esc-pos': 4, 'star-prnt': 3 } as const;

/*
 * One LF per line, not the encoder's default LF CR: printers with "CR = LF" set (a common DIP
 * switch on serial models) would otherwise feed every line twice.
 */
const NEWLINE = '\n';

type Codepage = Parameters<ReceiptPrinterEncoder['codepage']>[0];

/**
 * The receipt as the printer's bytes. Pure: same receipt and profile, same bytes (the golden files
 * hold us to it). The receipt is already laid out in fixed-width text, so lines are printed as
 * they are (only the QR code is centred), and a line wider than the profile would wrap, never be cut off.
 * Throws only for a profile the encoder cannot take (columns other than 32, 35, 42, 44 or 48, or a
 * code page the language does not have): profiles are data we ship, and a test encodes each one.
 */
export function encodeReceipt(receipt: Receipt, profile: PrinterProfile): Uint8Array {
  const feed = profile.feedBeforeCut ?? DEFAULT_FEED_BEFORE_CUT[profile.language];
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    feedBeforeCut: profile.cutter ? feed : 0,
    newline: NEWLINE,
  });
  encoder.initialize().codepage(profile.codepage as Codepage);
  for (const line of receipt.lines) encodeLine(encoder, line);
  if (!profile.cutter) return encoder.newline(feed).encode();
  return dropTrailingNewline(encoder.cut('partial').encode());
}

function encodeLine(encoder: ReceiptPrinterEncoder, line: ReceiptLine): void {
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
      // Size 6 keeps a 36-character sale id (QR version 3) about 2 cm wide: it fits 58 mm paper.
      encoder.align('center').qrcode(line.value, { model: 2, size: 6, errorlevel: 'm' }).align('left');
      return;
  }
}

/** The encoder ends the cut's line with a line feed, which would only push blank paper ahead of the next receipt. */
function dropTrailingNewline(bytes: Uint8Array): Uint8Array {
  return bytes.at(-1) === 0x0a ? bytes.slice(0, -1) : bytes;
}
