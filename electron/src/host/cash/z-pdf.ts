import type { ReceiptLine } from '@pos/core';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A Z as a PDF is a few pages at most: anything larger is refused rather than sent. */
export const MAX_PDF_BYTES = 512 * 1024;
const MAX_PAGES = 20;

/** Characters the standard PDF fonts (WinAnsi) can draw; anything else becomes "?". */
function drawable(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) <= 0xff || '€œŒ’‘“”–—…'.includes(c) ? c : '?')).join('');
}

/**
 * The Z report's lines as an A4 PDF in a fixed-width font (what prints on the receipt, laid out on
 * pages), with the document's title and subject naming the Z. Deterministic for the same lines and
 * dates: the creation date is the Z's seal time.
 */
export async function zReportPdf(lines: readonly ReceiptLine[], meta: { title: string; sealedAt: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(meta.title);
  pdf.setSubject('Rapport Z (clôture de caisse)');
  pdf.setProducer('POS Caisse');
  pdf.setCreator('POS Caisse');
  pdf.setCreationDate(new Date(meta.sealedAt));
  pdf.setModificationDate(new Date(meta.sealedAt));
  const font = await pdf.embedFont(StandardFonts.Courier);
  const bold = await pdf.embedFont(StandardFonts.CourierBold);
  const [pageWidth, pageHeight] = [595.28, 841.89];
  const margin = 48;
  const size = 10;
  const leading = 13;
  let page = pdf.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;
  const newLine = (height: number) => {
    if (y - height < margin) {
      if (pdf.getPageCount() >= MAX_PAGES) throw new RangeError('The Z report does not fit the PDF page limit');
      page = pdf.addPage([pageWidth, pageHeight]);
      y = pageHeight - margin;
    }
    y -= height;
  };
  for (const line of lines) {
    if (line.kind === 'rule') {
      newLine(leading / 2);
      page.drawLine({ start: { x: margin, y: y + 4 }, end: { x: pageWidth - margin, y: y + 4 }, thickness: 0.5 });
      continue;
    }
    if (line.kind !== 'text') continue;
    const big = line.large === true;
    newLine(big ? leading * 2 : leading);
    page.drawText(drawable(line.text), { x: margin, y, size: big ? size * 2 : size, font: line.bold || big ? bold : font });
  }
  const bytes = await pdf.save({ useObjectStreams: true });
  if (bytes.length > MAX_PDF_BYTES) throw new RangeError(`The Z report PDF is ${bytes.length} bytes, above ${MAX_PDF_BYTES}`);
  return bytes;
}
