/**
 * Reads ESC/POS bytes back for tests: it splits printer bytes into commands and text runs, and
 * reports anything a printer would choke on (an unknown ESC/GS sequence, parameters out of range
 * or cut off by the end of the buffer). It covers what our encoder emits and the usual
 * neighbours, following Epson's ESC/POS command reference; it is a checker, not a printer. A real
 * printer would silently misread what follows a malformed command, so the problem is reported
 * with its offset and the walk goes on, so one mistake does not hide the rest.
 */

export type EscPosToken =
  | { readonly kind: 'text'; readonly offset: number; readonly bytes: Uint8Array }
  | { readonly kind: 'command'; readonly offset: number; readonly name: string; readonly bytes: Uint8Array }
  /** Bytes that are not a well-formed command; a problem says why. */
  | { readonly kind: 'unknown'; readonly offset: number; readonly bytes: Uint8Array };

export type EscPosProblem = { readonly offset: number; readonly message: string };

export type EscPosReading = { readonly tokens: readonly EscPosToken[]; readonly problems: readonly EscPosProblem[] };

/** What follows a command's prefix: a length, or why it is malformed ("truncated" when the buffer ends first). */
type Size = number | { readonly problem: string } | 'truncated';
type Spec = {
  readonly name: string;
  readonly size: (b: Uint8Array, at: number) => Size;
  /** Commands named by their first parameter too (GS ( k is not GS ( L). */
  readonly subName?: boolean;
};

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

/** n parameter bytes, each optionally limited to a set of values. */
function fixed(count: number, allowed?: readonly number[]): Spec['size'] {
  return (b, at) => {
    if (at + count > b.length) return 'truncated';
    if (allowed) {
      for (let i = 0; i < count; i++) {
        const v = b[at + i]!;
        if (!allowed.includes(v)) return { problem: `parameter ${v} is not one of ${allowed.join(', ')}` };
      }
    }
    return count;
  };
}

/** Parameters ending with a NUL byte (at most `max` before it). */
function nulTerminated(max: number): Spec['size'] {
  return (b, at) => {
    for (let i = at; i < b.length && i <= at + max; i++) if (b[i] === 0) return i - at + 1;
    return b.length - at > max ? { problem: `no NUL within ${max} bytes` } : 'truncated';
  };
}

const word = (b: Uint8Array, at: number) => b[at]! + b[at + 1]! * 256;

const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** GS ( H: only fn 48 (process ID, for print completion) is sent; its ID must come back readable. */
function processIdProblem(data: Uint8Array): string | undefined {
  if (data[0] !== 0x30) return `only fn 48 (process ID) is known, not ${data[0]}`;
  if (data.length !== 6 || data[1] !== 0x30) return 'fn 48 takes exactly m = 48 and 4 ID bytes';
  return [...data.subarray(2)].every(isPrintable) ? undefined : 'a process ID byte is outside 0x20–0x7E';
}

/** GS ( fn pL pH d1…dk: k = pL + 256·pH, checked per function where we know them. */
const gsParen: Spec['size'] = (b, at) => {
  if (at + 3 > b.length) return 'truncated';
  const fn = b[at]!;
  const k = word(b, at + 1);
  if (at + 3 + k > b.length) return 'truncated';
  if (fn === 0x48) {
    const problem = processIdProblem(b.subarray(at + 3, at + 3 + k));
    if (problem) return { problem };
  } else if ((fn === 0x6b || fn === 0x4c) && k < 2) {
    return { problem: fn === 0x6b ? 'a 2D code function needs at least cn and fn' : 'a graphics function needs at least m and fn' };
  } else if (fn === 0x6b && b[at + 3] === 0x31) {
    const qr = b[at + 4]!;
    const param = b[at + 5];
    const lengths: Record<number, (k: number) => boolean> = {
      0x41: (n) => n === 4,
      0x43: (n) => n === 3,
      0x45: (n) => n === 3,
      0x50: (n) => n >= 4,
      0x51: (n) => n === 3,
      0x52: (n) => n === 3,
    };
    const lengthOk = lengths[qr];
    if (!lengthOk) return { problem: `unknown QR code function ${hex(qr)}` };
    if (!lengthOk(k)) return { problem: `QR code function ${hex(qr)} with ${k} parameter bytes` };
    if (qr === 0x43 && (param! < 1 || param! > 16)) return { problem: `QR module size ${param} is not 1–16` };
    if (qr === 0x45 && (param! < 0x30 || param! > 0x33)) return { problem: `QR error level ${param} is not 48–51` };
  } else if (k < 1) {
    return { problem: `GS ( ${String.fromCharCode(fn)} with no parameters` };
  }
  return 3 + k;
};

const ESC_COMMANDS: Record<number, Spec> = {
  0x0c: { name: 'ESC FF', size: fixed(0) },
  0x20: { name: 'ESC SP', size: fixed(1) },
  0x21: { name: 'ESC !', size: fixed(1) },
  0x24: { name: 'ESC $', size: fixed(2) },
  0x2a: {
    name: 'ESC *',
    size: (b, at) => {
      if (at + 3 > b.length) return 'truncated';
      const m = b[at]!;
      if (![0, 1, 32, 33].includes(m)) return { problem: `bit-image mode ${m} is not 0, 1, 32 or 33` };
      const k = word(b, at + 1) * (m < 2 ? 1 : 3);
      return at + 3 + k > b.length ? 'truncated' : 3 + k;
    },
  },
  0x2d: { name: 'ESC -', size: fixed(1, [0, 1, 2, 48, 49, 50]) },
  0x32: { name: 'ESC 2', size: fixed(0) },
  0x33: { name: 'ESC 3', size: fixed(1) },
  /** Italic: not Epson's, but what the encoder sends for italic() and what many clones accept. */
  0x34: { name: 'ESC 4', size: fixed(1, [0, 1]) },
  0x3d: { name: 'ESC =', size: fixed(1) },
  0x40: { name: 'ESC @', size: fixed(0) },
  0x44: { name: 'ESC D', size: nulTerminated(32) },
  0x45: { name: 'ESC E', size: fixed(1) },
  0x47: { name: 'ESC G', size: fixed(1) },
  0x4a: { name: 'ESC J', size: fixed(1) },
  0x4d: { name: 'ESC M', size: fixed(1, [0, 1, 2, 3, 4, 48, 49, 50, 51, 52, 97, 98]) },
  0x52: { name: 'ESC R', size: fixed(1) },
  0x53: { name: 'ESC S', size: fixed(0) },
  0x4c: { name: 'ESC L', size: fixed(0) },
  0x54: { name: 'ESC T', size: fixed(1, [0, 1, 2, 3, 48, 49, 50, 51]) },
  0x55: { name: 'ESC U', size: fixed(1) },
  0x56: { name: 'ESC V', size: fixed(1, [0, 1, 2, 48, 49, 50]) },
  0x57: { name: 'ESC W', size: fixed(8) },
  0x5c: { name: 'ESC \\', size: fixed(2) },
  0x61: { name: 'ESC a', size: fixed(1, [0, 1, 2, 48, 49, 50]) },
  0x63: {
    name: 'ESC c',
    size: (b, at) => {
      if (at + 2 > b.length) return 'truncated';
      return [0x33, 0x34, 0x35].includes(b[at]!) ? 2 : { problem: `ESC c ${hex(b[at]!)} is not a known function` };
    },
  },
  0x64: { name: 'ESC d', size: fixed(1) },
  0x69: { name: 'ESC i', size: fixed(0) },
  0x6d: { name: 'ESC m', size: fixed(0) },
  0x70: {
    name: 'ESC p',
    size: (b, at) =>
      at + 3 > b.length ? 'truncated' : [0, 1, 48, 49].includes(b[at]!) ? 3 : { problem: `drawer pin ${b[at]} is not 0 or 1` },
  },
  0x72: { name: 'ESC r', size: fixed(1, [0, 1, 48, 49]) },
  0x74: { name: 'ESC t', size: fixed(1) },
  0x7b: { name: 'ESC {', size: fixed(1) },
};

const GS_COMMANDS: Record<number, Spec> = {
  0x21: {
    name: 'GS !',
    size: (b, at) => {
      if (at + 1 > b.length) return 'truncated';
      const n = b[at]!;
      return (n & 0x0f) <= 7 && n >> 4 <= 7 ? 1 : { problem: `character size ${hex(n)} is beyond 8×8` };
    },
  },
  0x28: { name: 'GS (', size: gsParen, subName: true },
  0x2f: { name: 'GS /', size: fixed(1) },
  0x3a: { name: 'GS :', size: fixed(0) },
  0x42: { name: 'GS B', size: fixed(1) },
  0x48: { name: 'GS H', size: fixed(1, [0, 1, 2, 3, 48, 49, 50, 51]) },
  0x49: { name: 'GS I', size: fixed(1) },
  0x4c: { name: 'GS L', size: fixed(2) },
  0x50: { name: 'GS P', size: fixed(2) },
  0x56: {
    name: 'GS V',
    size: (b, at) => {
      if (at + 1 > b.length) return 'truncated';
      const m = b[at]!;
      if ([0, 1, 48, 49].includes(m)) return 1;
      if ([65, 66, 97, 98, 103, 104].includes(m)) return at + 2 > b.length ? 'truncated' : 2;
      return { problem: `cut mode ${m} is not a known cut` };
    },
  },
  0x57: { name: 'GS W', size: fixed(2) },
  0x61: { name: 'GS a', size: fixed(1) },
  0x62: { name: 'GS b', size: fixed(1) },
  0x66: { name: 'GS f', size: fixed(1) },
  0x68: { name: 'GS h', size: fixed(1) },
  0x6b: {
    name: 'GS k',
    size: (b, at) => {
      if (at + 1 > b.length) return 'truncated';
      const m = b[at]!;
      if (m <= 6) {
        const rest = nulTerminated(255)(b, at + 1);
        return typeof rest === 'number' ? 1 + rest : rest;
      }
      if (m >= 65 && m <= 79) {
        if (at + 2 > b.length) return 'truncated';
        const n = b[at + 1]!;
        return at + 2 + n > b.length ? 'truncated' : 2 + n;
      }
      return { problem: `barcode system ${m} is not known` };
    },
  },
  0x72: { name: 'GS r', size: fixed(1, [1, 2, 4, 49, 50, 52]) },
  0x76: {
    name: 'GS v 0',
    size: (b, at) => {
      if (at + 6 > b.length) return 'truncated';
      if (b[at] !== 0x30) return { problem: `GS v ${hex(b[at]!)} is not GS v 0` };
      if (![0, 1, 2, 3, 48, 49, 50, 51].includes(b[at + 1]!)) return { problem: `raster mode ${b[at + 1]} is unknown` };
      const k = word(b, at + 2) * word(b, at + 4);
      return at + 6 + k > b.length ? 'truncated' : 6 + k;
    },
  },
  0x77: { name: 'GS w', size: fixed(1) },
};

const FS_COMMANDS: Record<number, Spec> = {
  0x21: { name: 'FS !', size: fixed(1) },
  0x26: { name: 'FS &', size: fixed(0) },
  0x2d: { name: 'FS -', size: fixed(1) },
  0x2e: { name: 'FS .', size: fixed(0) },
  0x43: { name: 'FS C', size: fixed(1) },
  0x70: { name: 'FS p', size: fixed(2) },
};

const DLE_COMMANDS: Record<number, Spec> = {
  0x04: { name: 'DLE EOT', size: fixed(1, [1, 2, 3, 4]) },
  0x05: { name: 'DLE ENQ', size: fixed(1, [0, 1, 2]) },
  0x14: {
    name: 'DLE DC4',
    size: (b, at) => {
      if (at + 1 > b.length) return 'truncated';
      const more: Record<number, number> = { 1: 2, 2: 2, 7: 1, 8: 7 };
      const n = more[b[at]!];
      if (n === undefined) return { problem: `DLE DC4 function ${b[at]} is not known` };
      return at + 1 + n > b.length ? 'truncated' : 1 + n;
    },
  },
};

const PREFIXES: Record<number, { readonly label: string; readonly table: Record<number, Spec> }> = {
  [ESC]: { label: 'ESC', table: ESC_COMMANDS },
  [GS]: { label: 'GS', table: GS_COMMANDS },
  [FS]: { label: 'FS', table: FS_COMMANDS },
  [DLE]: { label: 'DLE', table: DLE_COMMANDS },
};

const SINGLE_BYTES: Record<number, string> = { 0x09: 'HT', 0x0a: 'LF', 0x0c: 'FF', 0x0d: 'CR', 0x18: 'CAN' };

const isText = (byte: number) => byte >= 0x20;

/** Reads the whole buffer; never throws. The tokens' bytes, end to end, are exactly the input. */
export function tokenizeEscPos(input: Uint8Array): EscPosReading {
  const tokens: EscPosToken[] = [];
  const problems: EscPosProblem[] = [];
  const unknown = (offset: number, length: number, message: string) => {
    tokens.push({ kind: 'unknown', offset, bytes: input.slice(offset, offset + length) });
    problems.push({ offset, message });
  };
  let i = 0;
  while (i < input.length) {
    const byte = input[i]!;
    if (isText(byte)) {
      let end = i;
      while (end < input.length && isText(input[end]!)) end++;
      tokens.push({ kind: 'text', offset: i, bytes: input.slice(i, end) });
      i = end;
      continue;
    }
    const single = SINGLE_BYTES[byte];
    if (single) {
      tokens.push({ kind: 'command', offset: i, name: single, bytes: input.slice(i, i + 1) });
      i += 1;
      continue;
    }
    const prefix = PREFIXES[byte];
    if (!prefix) {
      unknown(i, 1, `unexpected control byte ${hex(byte)} at ${i}`);
      i += 1;
      continue;
    }
    if (i + 1 >= input.length) {
      unknown(i, 1, `${prefix.label} at ${i} is cut off by the end of the data`);
      i += 1;
      continue;
    }
    const code = input[i + 1]!;
    const spec = prefix.table[code];
    if (!spec) {
      unknown(i, 2, `unknown command ${prefix.label} ${hex(code)} at ${i}`);
      i += 2;
      continue;
    }
    const size = spec.size(input, i + 2);
    if (size === 'truncated') {
      unknown(i, input.length - i, `${spec.name} at ${i} is cut off by the end of the data`);
      i = input.length;
    } else if (typeof size === 'object') {
      unknown(i, 2, `${spec.name} at ${i}: ${size.problem}`);
      i += 2;
    } else {
      const name = spec.subName ? `${spec.name} ${String.fromCharCode(input[i + 2]!)}` : spec.name;
      tokens.push({ kind: 'command', offset: i, name, bytes: input.slice(i, i + 2 + size) });
      i += 2 + size;
    }
  }
  return { tokens, problems };
}

/*
 * The upper halves (0x80–0xFF) of the code pages receipts use, as Python's codecs and the vendors'
 * tables give them, keyed by Epson's ESC t number. Written out here rather than borrowed from the
 * encoder's own library, so a test decoding the encoder's bytes is not checking it against itself.
 */
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';
/** CP858 is CP850 with the euro sign where CP850 has a dotless i (0xD5). */
const CP858 = CP850.slice(0, 0x55) + '€' + CP850.slice(0x56);
const WINDOWS_1252 =
  '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

export const ESC_POS_CODEPAGES: Readonly<Record<number, { readonly name: string; readonly high: string }>> = {
  0: { name: 'cp437', high: CP437 },
  2: { name: 'cp850', high: CP850 },
  16: { name: 'windows1252', high: WINDOWS_1252 },
  19: { name: 'cp858', high: CP858 },
};

/**
 * The printable text, as the printer would show it: text runs decoded with the code page the last
 * ESC t selected (CP437 after ESC @, the power-on default), LF as a newline, every other command
 * dropped. A byte in a page we do not know becomes U+FFFD.
 */
export function decodeText(bytes: Uint8Array): string {
  let page = 0;
  let out = '';
  for (const token of tokenizeEscPos(bytes).tokens) {
    if (token.kind === 'text') {
      const high = ESC_POS_CODEPAGES[page]?.high;
      for (const b of token.bytes) out += b < 0x80 ? String.fromCharCode(b) : (high?.[b - 0x80] ?? '\ufffd');
    } else if (token.kind === 'command') {
      if (token.name === 'LF') out += '\n';
      else if (token.name === 'ESC @') page = 0;
      else if (token.name === 'ESC t') page = token.bytes[2]!;
    }
  }
  return out;
}
