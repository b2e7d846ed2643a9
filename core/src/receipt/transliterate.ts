/**
 * Receipt printers print from an 8-bit code page; a character outside it comes out as "?". These
 * are what a French or European shop's text holds beyond Latin-1 (ligatures, typographic quotes,
 * dashes, spaces) and the plain letters a reader expects instead. Letters with accents a page
 * lacks fall back to the letter without its accent (Unicode decomposition), so only what has no
 * reading at all becomes "?".
 */
const FALLBACKS: Readonly<Record<string, string>> = {
  Œ: 'OE',
  œ: 'oe',
  Æ: 'AE',
  æ: 'ae',
  ß: 'ss',
  ẞ: 'SS',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ł: 'L',
  ł: 'l',
  ı: 'i',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '‛': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‟': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '‹': '<',
  '›': '>',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '…': '...',
  '•': '*',
  '·': '.',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '¢': 'c',
  '°': 'o',
  '×': 'x',
  '÷': '/',
  '½': '1/2',
  '¼': '1/4',
  '¾': '3/4',
  '©': '(c)',
  '®': '(R)',
  '™': 'TM',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u00ad': '',
};

/** Combining marks left by canonical decomposition: "é" → "e" + U+0301. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * `text` with every character `canPrint` refuses replaced by its fallback, its letter without
 * accents, its compatibility form ("ﬁ" → "fi") or, having none, "?". A fallback is used only when
 * the page can print all of it (« falls back to " only where the page has no «).
 */
export function transliterate(text: string, canPrint: (char: string) => boolean): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (canPrint(char)) {
      out += char;
      continue;
    }
    const candidates = [
      FALLBACKS[char],
      char.normalize('NFD').replace(COMBINING_MARKS, ''),
      char.normalize('NFKD').replace(COMBINING_MARKS, ''),
    ];
    const fallback = candidates.find((c) => c !== undefined && c !== char && [...c].every(canPrint));
    out += fallback ?? '?';
  }
  return out;
}

/**
 * The characters every code page our receipt profiles use can print (CP858 and Windows-1252 both
 * hold printable ASCII, Latin-1 and €): what a receipt is laid out with, so its columns hold
 * on any of them. The encoder folds again for the page a printer really has.
 */
export function isReceiptCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff && code !== 0xad) || char === '€';
}
