/**
 * Walks ESC/POS bytes command by command, for tests: every byte must belong to a command we know,
 * with exactly the parameters the Epson ESC/POS Command Reference gives it, or to printable text.
 * A real printer would silently misread what follows a malformed command; here it is an error
 * with its offset, and the walk goes on at the next byte so one mistake does not hide the rest.
 */

export type EscPosToken = {
  readonly offset: number;
  /** "ESC @", "GS ( k", "GS v 0", "LF", "text" … */
  readonly name: string;
  readonly bytes: Uint8Array;
};

export type EscPosTokenError = { readonly offset: number; readonly message: string };

export type Tokenized = { readonly tokens: readonly EscPosToken[]; readonly errors: readonly EscPosTokenError[] };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** How long the command at `at` is, or why it is malformed. `bytes[at]` is its prefix. */
type Rule = (bytes: Uint8Array, at: number) => { readonly length: number } | { readonly error: string };

const u16 = (bytes: Uint8Array, at: number) => bytes[at]! + bytes[at + 1]! * 256;

/** A command of `params` parameter bytes after its 2-byte name, each checked by `valid` if given. */
const fixed =
  (params: number, valid?: (values: readonly number[]) => string | undefined): Rule =>
  (bytes, at) => {
    const values = [...bytes.subarray(at + 2, at + 2 + params)];
    if (values.length < params) return { error: `cut short: ${params} parameter byte(s) expected, ${values.length} left` };
    const problem = valid?.(values);
    return problem ? { error: problem } : { length: 2 + params };
  };

const oneOf =
  (allowed: readonly number[], what: string) =>
  ([n]: readonly number[]): string | undefined =>
    allowed.includes(n!) ? undefined : `${what} ${n} is not one of ${allowed.join(', ')}`;

/** Commands with a 2-byte length (pL pH) after `head` bytes, the length counting what follows it. */
const sized =
  (head: number, check?: (data: Uint8Array) => string | undefined): Rule =>
  (bytes, at) => {
    if (at + head + 2 > bytes.length) return { error: 'cut short before its length bytes' };
    const size = u16(bytes, at + head);
    const end = at + head + 2 + size;
    if (end > bytes.length) return { error: `announces ${size} byte(s), only ${bytes.length - at - head - 2} left` };
    const problem = check?.(bytes.subarray(at + head + 2, end));
    return problem ? { error: problem } : { length: end - at };
  };

const ESC_RULES: Record<number, readonly [string, Rule]> = {
  0x40: ['ESC @', fixed(0)],
  0x61: ['ESC a', fixed(1, oneOf([0, 1, 2, 48, 49, 50], 'alignment'))],
  0x45: ['ESC E', fixed(1)],
  0x21: ['ESC !', fixed(1)],
  0x74: ['ESC t', fixed(1)],
  0x64: ['ESC d', fixed(1)],
  0x4d: ['ESC M', fixed(1, oneOf([0, 1, 2, 3, 4, 48, 49, 50, 51, 52], 'font'))],
  0x2d: ['ESC -', fixed(1, oneOf([0, 1, 2, 48, 49, 50], 'underline'))],
  0x32: ['ESC 2', fixed(0)],
  0x33: ['ESC 3', fixed(1)],
  0x4a: ['ESC J', fixed(1)],
  0x47: ['ESC G', fixed(1)],
  0x52: ['ESC R', fixed(1)],
  0x56: ['ESC V', fixed(1)],
  0x7b: ['ESC {', fixed(1)],
  0x72: ['ESC r', fixed(1)],
  0x70: ['ESC p', fixed(3, oneOf([0, 1, 48, 49], 'drawer pin selector m'))],
  0x2a: [
    'ESC *',
    (bytes, at) => {
      if (at + 5 > bytes.length) return { error: 'cut short before m nL nH' };
      const m = bytes[at + 2]!;
      const perColumn = m === 0 || m === 1 ? 1 : m === 32 || m === 33 ? 3 : 0;
      if (perColumn === 0) return { error: `bit image mode ${m} is not 0, 1, 32 or 33` };
      const length = 5 + u16(bytes, at + 3) * perColumn;
      return at + length > bytes.length ? { error: 'image data cut short' } : { length };
    },
  ],
};

const GS_PAREN_RULES: Record<number, readonly [string, (data: Uint8Array) => string | undefined]> = {
  0x6b: ['GS ( k', (data) => (data.length < 2 ? 'a 2D code function needs at least cn and fn' : undefined)],
  0x4c: ['GS ( L', (data) => (data.length < 2 ? 'a graphics function needs at least m and fn' : undefined)],
  0x48: [
    'GS ( H',
    (data) => {
      if (data[0] !== 0x30) return `only fn 48 (process ID) is known, not ${data[0]}`;
      if (data.length !== 6 || data[1] !== 0x30) return 'fn 48 takes exactly m = 48 and 4 ID bytes';
      return [...data.subarray(2)].every((d) => d >= 0x20 && d <= 0x7e) ? undefined : 'a process ID byte is outside 0x20–0x7E';
    },
  ],
};

const GS_RULES: Record<number, readonly [string, Rule]> = {
  0x21: ['GS !', fixed(1)],
  0x42: ['GS B', fixed(1)],
  0x61: ['GS a', fixed(1)],
  0x68: ['GS h', fixed(1)],
  0x77: ['GS w', fixed(1)],
  0x48: ['GS H', fixed(1, oneOf([0, 1, 2, 3, 48, 49, 50, 51], 'HRI position'))],
  0x66: ['GS f', fixed(1)],
  0x72: ['GS r', fixed(1)],
  0x49: ['GS I', fixed(1)],
  0x4c: ['GS L', fixed(2)],
  0x57: ['GS W', fixed(2)],
  0x50: ['GS P', fixed(2)],
  0x56: [
    'GS V',
    (bytes, at) => {
      const m = bytes[at + 2];
      if (m === undefined) return { error: 'cut short before m' };
      if ([0, 1, 48, 49].includes(m)) return { length: 3 };
      if ([65, 66, 97, 98, 103, 104].includes(m)) return at + 4 <= bytes.length ? { length: 4 } : { error: 'cut short before n' };
      return { error: `cut mode ${m} is unknown` };
    },
  ],
  0x76: [
    'GS v 0',
    (bytes, at) => {
      if (at + 8 > bytes.length) return { error: 'cut short before 0 m xL xH yL yH' };
      if (bytes[at + 2] !== 0x30) return { error: `GS v must be followed by "0", not ${bytes[at + 2]}` };
      if (![0, 1, 2, 3, 48, 49, 50, 51].includes(bytes[at + 3]!)) return { error: `raster mode ${bytes[at + 3]} is unknown` };
      const length = 8 + u16(bytes, at + 4) * u16(bytes, at + 6);
      return at + length > bytes.length ? { error: 'raster data cut short' } : { length };
    },
  ],
  0x6b: [
    'GS k',
    (bytes, at) => {
      const m = bytes[at + 2];
      if (m === undefined) return { error: 'cut short before the symbology' };
      if (m <= 6) {
        const end = bytes.indexOf(0x00, at + 3);
        return end < 0 || end - at > 258 ? { error: 'function A barcode data has no NUL' } : { length: end - at + 1 };
      }
      if (m >= 65 && m <= 79) {
        const n = bytes[at + 3];
        if (n === undefined) return { error: 'cut short before n' };
        return at + 4 + n > bytes.length ? { error: 'barcode data cut short' } : { length: 4 + n };
      }
      return { error: `barcode symbology ${m} is unknown` };
    },
  ],
};

const CONTROL_NAMES: Record<number, string> = { 0x0a: 'LF', 0x0d: 'CR', 0x09: 'HT' };

function ruleAt(bytes: Uint8Array, at: number): readonly [string, Rule] | string {
  const prefix = bytes[at]!;
  const second = bytes[at + 1];
  if (second === undefined) return 'a command prefix ends the stream';
  if (prefix === ESC) return ESC_RULES[second] ?? `ESC 0x${second.toString(16)} is not a known command`;
  if (prefix === FS) return second === 0x2e || second === 0x26 ? [`FS ${String.fromCharCode(second)}`, fixed(0)] : `FS 0x${second.toString(16)} is not a known command`;
  if (prefix === DLE) {
    if (second === 0x04) return ['DLE EOT', fixed(1, oneOf([1, 2, 3, 4], 'status n'))];
    return `DLE 0x${second.toString(16)} is not a known command`;
  }
  if (second === 0x28) {
    const fn = bytes[at + 2];
    if (fn === undefined) return 'GS ( ends the stream';
    const known = GS_PAREN_RULES[fn];
    return known ? [known[0], sized(3, known[1])] : `GS ( 0x${fn.toString(16)} is not a known command`;
  }
  return GS_RULES[second] ?? `GS 0x${second.toString(16)} is not a known command`;
}

export function tokenizeEscPos(bytes: Uint8Array): Tokenized {
  const tokens: EscPosToken[] = [];
  const errors: EscPosTokenError[] = [];
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at]!;
    if (byte >= 0x20) {
      let end = at;
      while (end < bytes.length && bytes[end]! >= 0x20) end++;
      tokens.push({ offset: at, name: 'text', bytes: bytes.subarray(at, end) });
      at = end;
      continue;
    }
    const control = CONTROL_NAMES[byte];
    if (control) {
      tokens.push({ offset: at, name: control, bytes: bytes.subarray(at, at + 1) });
      at += 1;
      continue;
    }
    if (byte !== ESC && byte !== GS && byte !== FS && byte !== DLE) {
      errors.push({ offset: at, message: `control byte 0x${byte.toString(16).padStart(2, '0')} is not a command` });
      at += 1;
      continue;
    }
    const rule = ruleAt(bytes, at);
    if (typeof rule === 'string') {
      errors.push({ offset: at, message: rule });
      at += 1;
      continue;
    }
    const [name, measure] = rule;
    const measured = measure(bytes, at);
    if ('error' in measured) {
      errors.push({ offset: at, message: `${name}: ${measured.error}` });
      at += 1;
      continue;
    }
    tokens.push({ offset: at, name, bytes: bytes.subarray(at, at + measured.length) });
    at += measured.length;
  }
  return { tokens, errors };
}
