import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { Receipt } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './encode-receipt';
import type { PrinterProfile } from './printer';
import { ESC_POS_58, ESC_POS_80, ESC_POS_80_48, PRINTER_PROFILES, STAR_PRNT_80 } from './printer-profiles';
import { sampleReceipt } from './test-support/sample-receipt';

const bytesOf = (...values: number[]) => Uint8Array.from(values);
const indexOf = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).indexOf(Buffer.from(needle));
const endsWith = (bytes: Uint8Array, tail: Uint8Array) => Buffer.from(bytes.slice(-tail.length)).equals(Buffer.from(tail));

const accents: Receipt = { width: 42, saleId: 's', receiptNumber: 'n', lines: [{ kind: 'text', text: '€ é è à ç ° É' }] };

describe('encodeReceipt, ESC/POS', () => {
  const bytes = encodeReceipt(sampleReceipt(42), ESC_POS_80);

  it('starts with ESC @ and selects CP858 (ESC t 19) before any text', () => {
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    expect(indexOf(bytes, bytesOf(0x1b, 0x74, 19))).toBeGreaterThan(0);
  });

  it('ends with the paper fed past the cutter, then a partial cut (GS V 1), nothing after', () => {
    expect(endsWith(bytes, bytesOf(0x0a, 0x0a, 0x0a, 0x0a, 0x1d, 0x56, 0x01))).toBe(true);
  });

  it('prints € é è à ç ° É in CP858', () => {
    const out = encodeReceipt(accents, ESC_POS_80);
    const text = bytesOf(0xd5, 0x20, 0x82, 0x20, 0x8a, 0x20, 0x85, 0x20, 0x87, 0x20, 0xf8, 0x20, 0x90, 0x0a);
    expect(indexOf(out, bytesOf(0x1b, 0x74, 19, ...text))).toBeGreaterThan(0);
  });

  it('prints large lines double width and height, bold lines bold, and switches both off on the same line', () => {
    // The shop name is the first line: bold + large.
    expect(indexOf(bytes, bytesOf(0x1b, 0x45, 0x01, 0x1d, 0x21, 0x11))).toBe(7);
    const first = bytes.indexOf(0x0a);
    expect([...bytes.slice(first - 6, first)]).toEqual([0x1d, 0x21, 0x00, 0x1b, 0x45, 0x00]);
  });

  it('prints the sale id as a centred QR code (model 2, module 6, level M)', () => {
    const id = Buffer.from('0193a1b2-0000-7000-8000-000000000001', 'latin1');
    const store = bytesOf(0x1d, 0x28, 0x6b, id.length + 3, 0x00, 0x31, 0x50, 0x30, ...id);
    const at = indexOf(bytes, store);
    expect(at).toBeGreaterThan(0);
    expect(indexOf(bytes, bytesOf(0x1b, 0x61, 0x01, 0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00))).toBeLessThan(at);
    expect(indexOf(bytes.slice(at), bytesOf(0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30))).toBe(store.length);
  });

  it('feeds without cutting on a printer without a cutter', () => {
    const out = encodeReceipt(accents, { ...ESC_POS_58, cutter: false });
    expect(indexOf(out, bytesOf(0x1d, 0x56))).toBe(-1);
    expect(endsWith(out, bytesOf(0x0a, 0x0a, 0x0a, 0x0a, 0x0a))).toBe(true);
  });

  it('is the same bytes every time', () => {
    expect(Buffer.from(encodeReceipt(sampleReceipt(42), ESC_POS_80)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('encodeReceipt, StarPRNT', () => {
  const bytes = encodeReceipt(sampleReceipt(48), STAR_PRNT_80);

  it('starts with ESC @ CAN, selects CP858 (ESC GS t 4) and ends with a partial cut (ESC d 1)', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0x1b, 0x40, 0x18]);
    expect(indexOf(bytes, bytesOf(0x1b, 0x1d, 0x74, 0x04))).toBeGreaterThan(0);
    expect(endsWith(bytes, bytesOf(0x0a, 0x0a, 0x0a, 0x1b, 0x64, 0x01))).toBe(true);
  });

  it('prints the euro sign as 0xD5', () => {
    expect(indexOf(encodeReceipt({ ...accents, width: 48 }, STAR_PRNT_80), bytesOf(0x1b, 0x1d, 0x74, 0x04, 0xd5))).toBeGreaterThan(0);
  });
});

describe('what the encoder does with € without our code page choice', () => {
  const line = (codepage: 'auto' | 'cp437' | 'windows1252') =>
    new ReceiptPrinterEncoder({ language: 'esc-pos', columns: 42, newline: '\n' })
      .initialize()
      .codepage(codepage)
      .line('€é')
      .encode()
      .slice(7);

  it('CP437 has no euro: it prints "?"', () => {
    expect([...line('cp437')]).toEqual([0x1b, 0x74, 0, 0x3f, 0x82, 0x0a]);
  });

  it('"auto" picks CP857 (ESC t 13), a page Epson clones number differently', () => {
    expect([...line('auto')]).toEqual([0x1b, 0x74, 13, 0xd5, 0x82, 0x0a]);
  });

  it('Windows-1252 (ESC t 16) would also work: € is 0x80 there', () => {
    expect([...line('windows1252')]).toEqual([0x1b, 0x74, 16, 0x80, 0xe9, 0x0a]);
  });
});

describe('characters outside the code page', () => {
  const receipt = (width: number): Receipt => ({
    width,
    saleId: 's',
    receiptNumber: 'n',
    lines: [
      { kind: 'text', text: 'Bœuf « l’été » – Œufs…' },
      { kind: 'text', text: '“Maison” 5 €' },
    ],
  });
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

  for (const profile of PRINTER_PROFILES) {
    it(`${profile.id}: are transliterated (Œ → OE, curly quotes, dashes, ellipsis), never printed as "?"`, () => {
      const out = encodeReceipt(receipt(profile.columns), profile);
      expect(out.includes(0x3f)).toBe(false);
      expect(text(out)).toContain(`Boeuf \xae l'\x82t\x82 \xaf - OEufs...\n"Maison" 5 \xd5\n`);
    });
  }

  it('prints € as EUR on a page without it, the line given its width back from its widest gap', () => {
    const cp437 = { ...ESC_POS_80, codepage: 'cp437' };
    const line = `Total${' '.repeat(30)}12,50 €`;
    const out = text(encodeReceipt({ width: 42, saleId: 's', receiptNumber: 'n', lines: [{ kind: 'text', text: line }] }, cp437));
    expect(out).toContain(`Total${' '.repeat(28)}12,50 EUR\n`);
  });
});

describe('printer profiles', () => {
  it('have unique ids and widths the encoder accepts', () => {
    expect(new Set(PRINTER_PROFILES.map((p) => p.id)).size).toBe(PRINTER_PROFILES.length);
    for (const profile of PRINTER_PROFILES) {
      expect(() => encodeReceipt(sampleReceipt(profile.columns), profile), profile.id).not.toThrow();
    }
  });

  it('match the paper: 42 or 48 columns on 80 mm, 32 on 58 mm', () => {
    const columns = (p: PrinterProfile) => [p.paperWidthMm, p.columns];
    expect(columns(ESC_POS_80)).toEqual([80, 42]);
    expect(columns(ESC_POS_80_48)).toEqual([80, 48]);
    expect(columns(ESC_POS_58)).toEqual([58, 32]);
    expect(columns(STAR_PRNT_80)).toEqual([80, 48]);
  });
});
