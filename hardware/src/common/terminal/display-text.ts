/**
 * Card fields that only serve display (card number, scheme, authorisation code, card name) as the
 * till may keep them. A sealed sale holds each in at most 32 characters (core
 * validation/sealed-shapes.ts, the card tender): longer text there would stop an approved sale from
 * being sealed, so the drivers cut it here. Whatever a terminal puts in such a field, the outcome
 * of the payment never depends on it.
 */
export const DISPLAY_FIELD_MAX = 32;

/**
 * Printable text, or undefined when nothing printable is left: NUL and space padding trimmed, any
 * other control byte shown as "?", at most `max` characters. Latin-1 letters stay (é, ü).
 */
export function displayText(text: string, max = DISPLAY_FIELD_MAX): string | undefined {
  const shown = text
    .replace(/^[\0\s]+|[\0\s]+$/g, '')
    .replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?')
    .slice(0, max);
  return shown === '' ? undefined : shown;
}

/** Bytes read one to one as Latin-1 characters, then as displayText. */
export const displayBytes = (bytes: Uint8Array, max = DISPLAY_FIELD_MAX): string | undefined =>
  displayText(String.fromCharCode(...bytes), max);

/** At most the first 6 and the last 4 digits of a card number are ever shown or kept (PCI DSS 3.4). */
const SHOWN_FIRST = 6;
const SHOWN_LAST = 4;

/** A card number with every digit between its first 6 and last 4 characters turned to '*'. */
export const maskCardNumber = (pan: string): string =>
  [...pan].map((char, i) => (i >= SHOWN_FIRST && i < pan.length - SHOWN_LAST && /\d/.test(char) ? '*' : char)).join('');
