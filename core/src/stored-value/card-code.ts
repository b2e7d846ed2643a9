import { LedgerRefusal } from '../ledger/ledger-refusal';

/**
 * Gift card and store credit codes. A code is a bearer secret (whoever has it spends the card), so
 * it is random, never derived from anything: 19 characters of 5 bits (95 bits from 12 random bytes)
 * and one check character, shown in five groups of four ("7KQ2-M9XD-4HTR-PZ3W-8NCA"). The alphabet
 * leaves out 0, O, 1 and I, which read alike.
 *
 * The check character makes the code a word of a Reed-Solomon-like code over GF(32): the sum of
 * each character times α^position is zero, with α a generator of the field. Every position has its
 * own non-zero weight, so changing one character, or swapping any two different characters
 * (adjacent or not), always leaves a non-zero sum: the typo is caught before the hub is asked.
 */
export const CARD_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const DATA_LENGTH = 19;
export const CARD_CODE_LENGTH = DATA_LENGTH + 1;
/** Random bytes newCardCode needs (it uses 95 of their 96 bits). */
export const CARD_CODE_RANDOM_BYTES = 12;

/** x × α in GF(32) built on x⁵ + x² + 1 (a primitive polynomial: α has order 31, more than the 20 positions). */
function timesAlpha(x: number): number {
  const shifted = x << 1;
  return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
}

/** Σ value(i) × α^i over the characters' values, by Horner's rule from the last. */
function syndrome(values: readonly number[]): number {
  let s = 0;
  for (let i = values.length - 1; i >= 0; i -= 1) s = timesAlpha(s) ^ (values[i] ?? 0);
  return s;
}

function group(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * A new card code from `randomBytes` (at least 12, from the platform's cryptographic generator:
 * crypto.getRandomValues, never Math.random). The code is the check character then 19 data
 * characters, shown grouped.
 */
export function newCardCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < CARD_CODE_RANDOM_BYTES) throw new RangeError(`A card code needs ${CARD_CODE_RANDOM_BYTES} random bytes`);
  let bits = 0n;
  for (const byte of randomBytes.subarray(0, CARD_CODE_RANDOM_BYTES)) bits = (bits << 8n) | BigInt(byte);
  const data: number[] = [];
  for (let i = 0; i < DATA_LENGTH; i += 1) data.push(Number((bits >> BigInt(5 * i)) & 31n));
  // The check sits at position 0 (weight 1): it is what makes the whole sum zero.
  const values = [syndrome([0, ...data]), ...data];
  return group(values.map((v) => CARD_CODE_ALPHABET[v]).join(''));
}

export type ParsedCardCode =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly code: 'card_code_length' | 'card_code_character' | 'card_code_check' };

/** Longest input read: a code typed with spaces or dashes between every character. */
const MAX_INPUT = 80;

/**
 * A code as typed or scanned, normalised (case, spaces, dashes) and checked: the grouped code, or
 * the reason it is not one. Nothing is looked up: a code that parses may still not be a card.
 */
export function parseCardCode(input: string): ParsedCardCode {
  if (input.length > MAX_INPUT) return { ok: false, code: 'card_code_length' };
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== CARD_CODE_LENGTH) return { ok: false, code: 'card_code_length' };
  const values = [...plain].map((c) => CARD_CODE_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return { ok: false, code: 'card_code_character' };
  if (syndrome(values) !== 0) return { ok: false, code: 'card_code_check' };
  return { ok: true, code: group(plain) };
}

/** parseCardCode, throwing its refusal (for code that expects a valid code). */
export function cardCode(input: string): string {
  const parsed = parseCardCode(input);
  if (!parsed.ok) throw new LedgerRefusal(parsed.code);
  return parsed.code;
}

/** The code as a receipt or a screen may show it: the last group only ("••••-••••-••••-••••-8NCA"). */
export function maskCardCode(code: string): string {
  return code.replace(/[^-](?=.*-)/g, '•');
}
