import { isReceiptCharacter, transliterate } from './transliterate';

/**
 * Formatting for a fixed-width receipt. Text is made printable before it is measured, so columns
 * hold on paper: Intl's non-breaking spaces become spaces, "œ", curly quotes, dashes, "…" their
 * plain forms (transliterate.ts), whatever the text comes from (Intl, product names, the store).
 */
export function printable(text: string): string {
  return transliterate(text, isReceiptCharacter);
}

function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units as the locale writes money ("12,34 €", "€12.34"). Display only: the division is exact for printing. */
export function formatAmount(amount: number, currency: string, locale: string): string {
  const value = amount / 10 ** fractionDigits(currency);
  return printable(new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value));
}

/** Minor units as a bare number without grouping ("12345,67"), for narrow table columns. */
export function formatNumber(amount: number, currency: string, locale: string): string {
  const digits = fractionDigits(currency);
  return printable(
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(
      amount / 10 ** digits,
    ),
  );
}

export function formatRate(rateBp: number, locale: string): string {
  return printable(
    new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(rateBp / 10_000),
  );
}

export function formatWeight(grams: number, locale: string): string {
  return printable(
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(
      grams / 1000,
    ),
  );
}

export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return printable(new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(new Date(iso)));
}

/**
 * Left and right text on one line of `width`. When both do not fit, the left side wraps onto as many
 * lines as it needs and the right side ends the last line (or gets its own): nothing is ever cut.
 */
export function twoColumns(leftText: string, rightText: string, width: number): string[] {
  const left = printable(leftText);
  const right = printable(rightText);
  // One space between "Lot 12" and "345,00 €" would read "12 345,00 €": digits meeting get two.
  const gap = (text: string) => (/[0-9]$/.test(text) && /^-?[0-9]/.test(right) ? 2 : 1);
  if (left.length + gap(left) + right.length <= width) return [left + ' '.repeat(width - left.length - right.length) + right];
  const lines = wrap(left, width);
  const last = lines.pop() ?? '';
  if (last.length + gap(last) + right.length <= width) return [...lines, last + ' '.repeat(width - last.length - right.length) + right];
  return [...lines, last, right.padStart(width)];
}

/** Centred text, wrapped onto several lines when it is wider than `width`. */
export function centered(text: string, width: number): string[] {
  return wrap(text, width).map((line) => ' '.repeat(Math.floor((width - line.length) / 2)) + line);
}

/** Splits text into lines of at most `width` on word boundaries. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of printable(text).split(/\s+/).filter(Boolean)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
    while (current.length > width) {
      lines.push(current.slice(0, width));
      current = current.slice(width);
    }
  }
  if (current) lines.push(current);
  return lines;
}

export function padColumns(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const w = widths[i] ?? cell.length;
      return i === 0 ? cell.padEnd(w).slice(0, w) : cell.padStart(w).slice(-w);
    })
    .join('');
}
