import { gtinCheckDigit } from '../gtin';
import type { AiCharset, AiComponent, AiDefinition } from './ai-definition';
import { parseGs1Date } from './gs1-date';
import type { Gs1Element, Gs1ErrorReason } from './gs1-element';

export type DecodeFailure = { readonly reason: Gs1ErrorReason; readonly message: string };

/** The character sets of GS1 General Specifications §7.11 (sets 82, 39 and 64). */
const CHARSETS: Readonly<Record<AiCharset, RegExp>> = {
  N: /^[0-9]*$/,
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/,
  Y: /^[#\-/0-9A-Z]*$/,
  Z: /^[-0-9A-Z_a-z=]*$/,
};

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
 * Checks a value component by component (character set, length, and the content checks a till can
 * rely on: check digits and dates). GS1's other checks (country and currency codes, company prefix
 * positions…) are not run: a till acts on none of those fields.
 */
function checkComponents(entry: AiDefinition, value: string, referenceYear: number): DecodeFailure | undefined {
  const name = `AI (${entry.ai}) ${entry.title}`;
  let at = 0;
  for (const [i, component] of entry.components.entries()) {
    if (at === value.length && component.optional) break;
    const part = value.slice(at, at + (i === entry.components.length - 1 ? component.maxLength : component.minLength));
    if (part.length < component.minLength) return fail('too-short', `${name} needs at least ${entry.minLength} characters`);
    if (!CHARSETS[component.charset].test(part)) return fail('invalid-characters', `${name} holds characters it may not: "${value}"`);
    const problem = contentProblem(component, part, name, referenceYear);
    if (problem) return problem;
    at += part.length;
  }
  return at < value.length ? fail('too-long', `${name} is longer than ${entry.maxLength} characters`) : undefined;
}

function contentProblem(component: AiComponent, part: string, name: string, referenceYear: number): DecodeFailure | undefined {
  const linters = component.linters ?? [];
  if (linters.includes('csum') && !hasValidCheckDigit(part)) {
    return fail('bad-check-digit', `${name} ${part} has a wrong check digit: the label is misprinted or misread`);
  }
  const date = linters.includes('yymmd0') || linters.includes('yymmdd');
  // yymmd0 allows day 00 (the end of the month), yymmdd does not.
  if (date && (!parseGs1Date(part, referenceYear) || (linters.includes('yymmdd') && part.endsWith('00')))) {
    return fail('bad-date', `${name} ${part} is not a date (YYMMDD)`);
  }
  return undefined;
}

/**
 * Checks a value against its AI's format and decodes the AIs the till acts on: GTIN (01), batch
 * (10), the YYMMDD dates (11–17), net weight in kg (310n) and price to pay (392n). Never throws: a
 * bad value is a failure with plain words.
 */
export function decodeElement(entry: AiDefinition, value: string, referenceYear: number): Gs1Element | DecodeFailure {
  const problem = checkComponents(entry, value, referenceYear);
  if (problem) return problem;
  const ai = entry.ai;
  if (ai === '01') return { kind: 'gtin', ai, value };
  if (ai === '10') return { kind: 'batch-lot', ai, value };
  if (entry.components.length === 1 && entry.components[0]?.linters?.includes('yymmd0')) {
    const date = parseGs1Date(value, referenceYear);
    if (!date) return fail('bad-date', `AI (${ai}) ${entry.title} ${value} is not a date (YYMMDD)`);
    return { kind: 'date', ai, title: entry.title, value, date };
  }
  const decimals = Number(ai.charAt(3));
  if (/^310[0-9]$/.test(ai)) {
    const milligrams = Number(value) * 10 ** (6 - decimals);
    // The weight kept as whole grams: half a gram and more rounds up.
    return { kind: 'net-weight-kg', ai, value, decimals, grams: Math.floor((milligrams + 500) / 1000) };
  }
  if (/^392[0-9]$/.test(ai)) {
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
