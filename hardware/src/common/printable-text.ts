import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { transliterate } from '@pos/core';
import type { PrinterProfile } from './printer';

type Codepage = Parameters<ReceiptPrinterEncoder['codepage']>[0];

const holds = new Map<string, boolean>();

/**
 * Whether the profile's code page holds `char`. The encoder prints "?" for a character its page
 * lacks, so a character encoded like "?" (and not "?" itself) is one the printer cannot print.
 */
export function codepageHolds(profile: PrinterProfile, char: string): boolean {
  if (char >= ' ' && char <= '~') return true;
  const key = `${profile.language} ${profile.codepage} ${char}`;
  let known = holds.get(key);
  if (known === undefined) {
    const encode = (text: string) =>
      new ReceiptPrinterEncoder({ language: profile.language })
        .codepage(profile.codepage as Codepage)
        .text(text)
        .encode()
        .join();
    known = encode(char) !== encode('?');
    holds.set(key, known);
  }
  return known;
}

/**
 * A receipt line as the profile's printer can print it: characters its code page lacks are
 * transliterated ("€" → "EUR" on a page without the euro), and a line that grew is given its
 * width back from its widest run of spaces, so right-aligned amounts stay on their line.
 */
export function printableLine(text: string, profile: PrinterProfile, width: number): string {
  let line = transliterate(text, (char) => codepageHolds(profile, char));
  while (line.length > width) {
    const runs = [...line.matchAll(/ {2,}/g)];
    const widest = runs.reduce<RegExpExecArray | undefined>((a, b) => (a && a[0].length >= b[0].length ? a : b), undefined);
    if (!widest) break;
    line = line.slice(0, widest.index) + line.slice(widest.index + 1);
  }
  return line;
}
