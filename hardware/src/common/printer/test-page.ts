import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrinterProfile } from '../printer';

/**
 * The Devices screen's "test print": the profile's name, a ruler of its columns (a wrong column
 * count shows as a wrapped ruler), the characters French receipts need (a wrong code page shows
 * as garbage in place of "€ é à ç"), a barcode, and the cut.
 */
export function encodeTestPage(profile: PrinterProfile, printedAt: string): Uint8Array {
  const ruler = '1234567890'.repeat(Math.ceil(profile.columns / 10)).slice(0, profile.columns);
  const feed = profile.feedBeforeCut ?? (profile.language === 'esc-pos' ? 4 : 3);
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language,
    columns: profile.columns,
    feedBeforeCut: profile.cutter ? feed : 0,
    newline: '\n',
  });
  encoder.initialize().codepage(profile.codepage as Parameters<ReceiptPrinterEncoder['codepage']>[0]);
  encoder.align('center').bold(true).line('TEST').bold(false).line(profile.label).line(printedAt);
  encoder.align('left').line(ruler).line('€ é è à ç ù ô « » °');
  encoder.align('center').barcode('TEST-0001', 'code128', { height: 48, width: 1, text: 'below' });
  return profile.cutter ? encoder.cut('partial').encode() : encoder.newline(feed).encode();
}
