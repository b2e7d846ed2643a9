/**
 * Caisse-AP TLV (protocol version 3, ECR ↔ terminal over IP): every field is a 2-character tag,
 * a 3-digit decimal length (001–999) and that many ASCII characters; a message is fields one after
 * another with no header, no checksum and no end marker. Sources: the HiPay/Nepting "Local API"
 * page describing Caisse-AP (tags alphabetic, length > 0, each tag once, CZ first) and the
 * open-source akretion/caisse-ap-ip simulator and OCA l10n_fr_pos_caisse_ap_ip module.
 *
 * The writer keeps every rule; the reader only those that frame a message (tag, 3-digit length).
 * A value is read as whatever bytes its length covers, each byte one Latin-1 character, and may be
 * empty, and a tag may come twice: a label with an accented letter, an empty or repeated display
 * field must not make a readable answer unreadable. Whether the fields that decide the outcome
 * (AE, AF, CB, and the echoed CA, CD, CE) hold what they must is checked where they are used
 * (messages.ts), never here.
 */

export type TlvField = { readonly tag: string; readonly value: string };

export type TlvEncodeResult = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string };

export type TlvParseResult =
  { readonly ok: true; readonly fields: readonly TlvField[] } | { readonly ok: false; readonly error: string; readonly offset: number };

export type TlvFieldRead =
  | { readonly kind: 'field'; readonly field: TlvField; readonly next: number }
  /** More bytes are needed (a stream may bring them; a whole message may not end here). */
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'error'; readonly error: string };

export const MAX_VALUE_LENGTH = 999;
const HEADER_LENGTH = 5;
/** Tags seen in the wild are capital letters (CZ, AE) and, in vendor extensions, digits. */
const TAG_PATTERN = /^[A-Z0-9]{2}$/;

/**
 * What the writer sends: printable ASCII, plus the ASCII separators FS..US (HiPay documents a
 * one-character separator inside CF).
 */
function isValueByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || (byte >= 0x1c && byte <= 0x1f);
}

const isTagByte = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39);
const isDigit = (byte: number) => byte >= 0x30 && byte <= 0x39;

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** A printable rendering of raw bytes for error messages ("C\x00"). */
export function showBytes(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) {
    const byte = bytes[i] ?? 0;
    text += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return text;
}

/** Reads the field starting at `offset`. Never throws, whatever the bytes. */
export function readTlvField(bytes: Uint8Array, offset: number): TlvFieldRead {
  const available = bytes.length - offset;
  for (let i = 0; i < Math.min(2, available); i++) {
    if (!isTagByte(bytes[offset + i] ?? 0)) {
      return {
        kind: 'error',
        error: `bad tag "${showBytes(bytes, offset, offset + 2)}" at byte ${offset}: a tag is 2 capital letters or digits`,
      };
    }
  }
  for (let i = 2; i < Math.min(HEADER_LENGTH, available); i++) {
    if (!isDigit(bytes[offset + i] ?? 0)) {
      return {
        kind: 'error',
        error: `bad length "${showBytes(bytes, offset + 2, offset + HEADER_LENGTH)}" for tag ${ascii(bytes, offset, offset + 2)} at byte ${offset}: the length is 3 decimal digits`,
      };
    }
  }
  if (available < HEADER_LENGTH) return { kind: 'incomplete' };
  const tag = ascii(bytes, offset, offset + 2);
  const length = Number(ascii(bytes, offset + 2, offset + HEADER_LENGTH));
  const start = offset + HEADER_LENGTH;
  const end = start + length;
  if (bytes.length < end) return { kind: 'incomplete' };
  return { kind: 'field', field: { tag, value: ascii(bytes, start, end) }, next: end };
}

/** Parses one whole message: every field complete, nothing left over; a repeated tag is kept in order. */
export function parseTlv(bytes: Uint8Array): TlvParseResult {
  if (bytes.length === 0) return { ok: false, error: 'empty message', offset: 0 };
  const fields: TlvField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const read = readTlvField(bytes, offset);
    if (read.kind === 'error') return { ok: false, error: read.error, offset };
    if (read.kind === 'incomplete') {
      return {
        ok: false,
        error: `message truncated in the field starting at byte ${offset} (${bytes.length - offset} bytes left)`,
        offset,
      };
    }
    fields.push(read.field);
    offset = read.next;
  }
  return { ok: true, fields };
}

/** Encodes fields in the given order, refusing anything a terminal could misread. */
export function encodeTlv(fields: readonly TlvField[]): TlvEncodeResult {
  const seen = new Set<string>();
  const bytes: number[] = [];
  for (const { tag, value } of fields) {
    if (!TAG_PATTERN.test(tag)) return { ok: false, error: `tag "${tag}" is not 2 capital letters or digits` };
    if (seen.has(tag)) return { ok: false, error: `tag ${tag} appears twice` };
    seen.add(tag);
    if (value.length < 1 || value.length > MAX_VALUE_LENGTH) {
      return { ok: false, error: `tag ${tag}: a value is 1 to ${MAX_VALUE_LENGTH} characters, not ${value.length}` };
    }
    const header = `${tag}${String(value.length).padStart(3, '0')}`;
    for (const char of header) bytes.push(char.charCodeAt(0));
    for (const char of value) {
      const code = char.charCodeAt(0);
      if (char.length !== 1 || !isValueByte(code)) return { ok: false, error: `tag ${tag}: "${char}" is not ASCII text` };
      bytes.push(code);
    }
  }
  return { ok: true, bytes: Uint8Array.from(bytes) };
}
