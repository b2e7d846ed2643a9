import { transliterate as foldText } from '@pos/core';

/**
 * What the customer reads on a 2 × 20 pole display. Every line that leaves this file is exactly
 * 20 characters of printable ASCII (0x20–0x7E): the one character set every CD5220-compatible
 * display shows the same way after ESC @, whatever code pages its firmware has. Hence "EUR", not
 * the euro glyph, whose code differs from one display to the next (0xD5 in PC858, 0x80 in WPC1252,
 * absent from many).
 */
export const DISPLAY_COLUMNS = 20;

export type DisplayLines = readonly [string, string];
export type DisplayLocale = 'fr' | 'en';

/** Printable ASCII: what every CD5220-compatible display shows the same way. */
const isDisplayCharacter = (char: string) => char >= ' ' && char <= '~';

/**
 * The text with every character the display cannot show replaced, by the receipts' own rules
 * (core): é→e, œ→oe, €→EUR, quotes and dashes to their ASCII look-alikes, anything else '?'.
 * Tabs, line breaks and the no-break spaces Intl puts in amounts are all a plain space here.
 */
export function transliterate(text: string): string {
  return foldText(text.replace(/\s/gu, ' '), isDisplayCharacter);
}

/** Exactly `width` columns: cut, or padded with spaces. */
export function fit(text: string, width = DISPLAY_COLUMNS): string {
  const shown = transliterate(text);
  return shown.length >= width ? shown.slice(0, width) : shown.padEnd(width, ' ');
}

export function centred(text: string, width = DISPLAY_COLUMNS): string {
  const shown = transliterate(text).trim().slice(0, width);
  return fit(' '.repeat(Math.floor((width - shown.length) / 2)) + shown, width);
}

/**
 * Left text and right text on one line: the right side (a price) is never cut; the left side (a
 * product name) is cut to leave one space before it.
 */
export function leftRight(left: string, right: string, width = DISPLAY_COLUMNS): string {
  const shownRight = transliterate(right).trim().slice(0, width);
  const room = width - shownRight.length - 1;
  const shownLeft = room > 0 ? transliterate(left).trim().slice(0, room) : '';
  return fit(shownLeft.padEnd(width - shownRight.length, ' ') + shownRight, width);
}

/** Two lines fitted to the display. */
export function displayLines(upper: string, lower: string): DisplayLines {
  return [fit(upper), fit(lower)];
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Cents as the locale writes money, with the ISO code instead of the symbol ("12,34 EUR",
 * "EUR 12.34"). Intl is in every JavaScript runtime, the renderer's included.
 */
export function formatDisplayAmount(cents: number, locale: DisplayLocale, currency = 'EUR'): string {
  const key = `${locale}:${currency}`;
  let format = formats.get(key);
  // Building a NumberFormat costs far more than using one: one per locale and currency.
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' })));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return transliterate(format.format(cents / 10 ** digits));
}

const LABELS = {
  fr: { welcome: 'Bienvenue', total: 'TOTAL', paid: 'Reçu', change: 'Rendu', thanks: 'Merci, à bientôt' },
  en: { welcome: 'Welcome', total: 'TOTAL', paid: 'Paid', change: 'Change', thanks: 'Thank you' },
} as const satisfies Record<DisplayLocale, Record<string, string>>;

export type DisplayMoney = { readonly locale: DisplayLocale; readonly currency?: string };

/** Between customers: a welcome and the store's name. */
export function idleScreen(storeName: string, { locale }: DisplayMoney): DisplayLines {
  return [centred(LABELS[locale].welcome), centred(storeName)];
}

/** After a scan: the item and its price, then the running total. */
export function itemScreen(item: { readonly name: string; readonly amount: number }, total: number, money: DisplayMoney): DisplayLines {
  const amount = (cents: number) => formatDisplayAmount(cents, money.locale, money.currency);
  return [leftRight(item.name, amount(item.amount)), leftRight(LABELS[money.locale].total, amount(total))];
}

/** At payment: what is due. */
export function totalScreen(total: number, money: DisplayMoney): DisplayLines {
  return [leftRight(LABELS[money.locale].total, formatDisplayAmount(total, money.locale, money.currency)), fit('')];
}

/** After a cash payment: what was handed over and the change due. */
export function changeScreen(paid: number, change: number, money: DisplayMoney): DisplayLines {
  const amount = (cents: number) => formatDisplayAmount(cents, money.locale, money.currency);
  return [leftRight(LABELS[money.locale].paid, amount(paid)), leftRight(LABELS[money.locale].change, amount(change))];
}

export function thanksScreen({ locale }: DisplayMoney): DisplayLines {
  return [centred(LABELS[locale].thanks), fit('')];
}
