import { gtinCheckDigit } from '../gtin';
import type { AiDefinition } from './ai-table';
import { parseGs1Date } from './gs1-date';
import type { Gs1Element, Gs1ErrorReason } from './gs1-element';

export type DecodeFailure = { readonly reason: Gs1ErrorReason; readonly message: string };

/** GS1 AI encodable character set 82 (General Specifications Figure 7.11-1). */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
const DIGITS = /^[0-9]*$/;

const fail = (reason: Gs1ErrorReason, message: string): DecodeFailure => ({ reason, message });

function hasValidCheckDigit(value: string): boolean {
  return gtinCheckDigit(value.slice(0, -1)) === value.charCodeAt(value.length - 1) - 48;
}

/** `value * 10^shift` for shift ≥ 0, or the exact quotient for shift < 0 (undefined when inexact). */
function scale(value: number, shift: number): number | undefined {
  if (shift >= 0) return value * 10 ** shift;
  const divisor = 10 ** -shift;
  return value % divisor === 0 ? value / divisor : undefined;
}

/**
 * Checks a value against its AI's format and decodes the AIs the till acts on. `ai` is the full AI
 * (with its decimal digit, if any). Never throws: a bad value is a failure with plain words.
 */
export function decodeElement(entry: AiDefinition, ai: string, value: string, referenceYear: number): Gs1Element | DecodeFailure {
  const numeric = entry.format === 'numeric';
  if (numeric ? !DIGITS.test(value) : !CSET_82.test(value)) {
    return fail('invalid-characters', `AI (${ai}) ${entry.title} holds characters it may not: "${value}"`);
  }
  if (entry.checkDigit && !hasValidCheckDigit(value)) {
    return fail('bad-check-digit', `AI (${ai}) ${entry.title} ${value} has a wrong check digit: the label is misprinted or misread`);
  }
  if (entry.date) {
    const date = parseGs1Date(value, referenceYear);
    if (!date) return fail('bad-date', `AI (${ai}) ${entry.title} ${value} is not a date (YYMMDD)`);
    return { kind: 'date', ai, title: entry.title, value, date };
  }
  const decimals = entry.decimalPlaces === undefined ? 0 : Number(ai.charAt(ai.length - 1));
  if (entry.decimalPlaces !== undefined && decimals > entry.decimalPlaces) {
    return fail('value-out-of-range', `AI (${ai}) ${entry.title}: ${decimals} decimals is more than the standard allows`);
  }
  if (entry.prefix === '01') return { kind: 'gtin', ai: '01', value };
  if (entry.prefix === '10') return { kind: 'batch-lot', ai: '10', value };
  if (entry.prefix === '310') {
    const milligrams = Number(value) * 10 ** (6 - decimals);
    // The weight kept as whole grams: half a gram and more rounds up.
    return { kind: 'net-weight-kg', ai, value, decimals, grams: Math.floor((milligrams + 500) / 1000) };
  }
  if (entry.prefix === '392' && /^392[0-3]$/.test(ai)) {
    const cents = scale(Number(value), 2 - decimals);
    if (cents === undefined) return fail('sub-cent-price', `AI (${ai}) price to pay ${value} has fractions of a cent`);
    if (!Number.isSafeInteger(cents)) return fail('value-out-of-range', `AI (${ai}) price to pay ${value} is too large`);
    return { kind: 'price-to-pay', ai, value, decimals, cents };
  }
  return { kind: 'other', ai, title: entry.title, value };
}

export function isDecodeFailure(decoded: Gs1Element | DecodeFailure): decoded is DecodeFailure {
  return 'reason' in decoded;
}
