import { ESC_POS_CODEPAGES } from './esc-pos-tokenizer';

/**
 * Reads StarPRNT bytes back to the text a Star printer would print, for tests: text decoded with
 * the code page the last ESC GS t selected (Star's numbers), LF as a newline, every command
 * dropped. It knows the commands our encoder sends (Star's StarPRNT command specifications) and
 * throws on any other, so a test cannot read past bytes it does not understand.
 */

/** Star's code page numbers (ESC GS t n) for the pages receipts use. */
const STAR_CODEPAGES: Readonly<Record<number, string>> = { 1: 'cp437', 4: 'cp858', 32: 'windows1252' };

const HIGH_HALVES: ReadonlyMap<string, string> = new Map(Object.values(ESC_POS_CODEPAGES).map((page) => [page.name, page.high]));

const ESC = 0x1b;
const GS = 0x1d;
const RS = 0x1e;

/** Length of the command at `at` (which starts with ESC), or undefined when it is not one we know. */
function commandLength(b: Uint8Array, at: number): number | undefined {
  const code = b[at + 1];
  const word = (i: number) => (b[i] ?? 0) + (b[i + 1] ?? 0) * 256;
  switch (code) {
    case 0x40: // ESC @ initialise
    case 0x45: // ESC E bold on
    case 0x46: // ESC F bold off
    case 0x34: // ESC 4 invert on
    case 0x35: // ESC 5 invert off
    case 0x30: // ESC 0 line spacing 3 mm
      return 2;
    case 0x2d: // ESC - n underline
    case 0x64: // ESC d n cut
    case 0x7a: // ESC z n line spacing
      return 3;
    case 0x69: // ESC i n1 n2 character size
      return 4;
    case 0x07: // ESC BEL n1 n2, then BEL or SUB: drawer pulse
      return 5;
    case 0x1e: // ESC RS F n font
      return 4;
    case 0x62: {
      // ESC b n1 n2 n3 n4 data RS: barcode
      const end = b.indexOf(RS, at + 6);
      return end === -1 ? undefined : end - at + 1;
    }
    case 0x58: // ESC X nL nH data(3 × n) LF CR: a 24-dot column image band and its feed
      return 4 + word(at + 2) * 3 + 2;
    case GS:
      return gsCommandLength(b, at, word);
    default:
      return undefined;
  }
}

function gsCommandLength(b: Uint8Array, at: number, word: (i: number) => number): number | undefined {
  const code = b[at + 2];
  if (code === 0x74 || code === 0x61 || code === 0x50) return 4; // ESC GS t n, ESC GS a n, ESC GS P n
  if (code !== 0x79 && code !== 0x78) return undefined; // ESC GS y (QR code), ESC GS x (PDF417)
  const fn = b[at + 3];
  if (fn === 0x53) return 6; // ... S n1 n2: a setting
  if (fn === 0x50) return 4; // ... P: print
  if (fn === 0x44) return 7 + word(at + 5); // ... D m nL nH data: the data
  return undefined;
}

export function decodeStarText(bytes: Uint8Array): string {
  let high = HIGH_HALVES.get('cp437');
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      const length = commandLength(bytes, i);
      if (length === undefined) throw new Error(`unknown StarPRNT command at ${i}: ${[...bytes.slice(i, i + 4)].join(' ')}`);
      if (bytes[i + 1] === 0x40) high = HIGH_HALVES.get('cp437');
      if (bytes[i + 1] === GS && bytes[i + 2] === 0x74) high = HIGH_HALVES.get(STAR_CODEPAGES[bytes[i + 3]!] ?? '');
      i += length;
    } else if (byte === 0x0a) {
      out += '\n';
      i++;
    } else if (byte < 0x20) {
      i++; // CAN, CR: no text
    } else {
      out += byte < 0x80 ? String.fromCharCode(byte) : (high?.[byte - 0x80] ?? '\ufffd');
      i++;
    }
  }
  return out;
}
