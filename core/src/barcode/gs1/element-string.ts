import { aiLength, findAi, hasPredefinedLength } from './ai-table';
import { decodeElement, isDecodeFailure } from './decode-element';
import type { Gs1Element, Gs1Error, Gs1ErrorReason, Gs1Result, Gs1Summary } from './gs1-element';

/** FNC1 as scanners transmit it between variable-length fields: ASCII GS. */
export const FNC1_SEPARATOR = '\u001d';

export type Gs1ParseOptions = {
  /** Year the YYMMDD century rule counts from. Default: this year (UTC). */
  readonly referenceYear?: number;
};

const error = (reason: Gs1ErrorReason, message: string, at: number, ai?: string): Gs1Error =>
  ai === undefined ? { ok: false, reason, message, at } : { ok: false, reason, message, at, ai };

function summarise(elements: readonly Gs1Element[]): Gs1Summary {
  const summary: { -readonly [K in keyof Gs1Summary]: Gs1Summary[K] } = {};
  for (const element of elements) {
    if (element.kind === 'gtin') summary.gtin = element.value;
    else if (element.kind === 'net-weight-kg') summary.netWeightGrams = element.grams;
    else if (element.kind === 'price-to-pay') summary.priceCents = element.cents;
    else if (element.kind === 'batch-lot') summary.batchLot = element.value;
    else if (element.kind === 'date' && element.ai === '17') summary.expiry = element.date.iso;
  }
  return summary;
}

/**
 * Parses a GS1 element string as a scanner sends it after "]C1", "]e0", "]d2" or "]Q3": AIs and
 * their values, variable-length values ended by GS. A leading FNC1 (GS) is skipped, and so is a GS
 * after a predefined-length value (some printers put one there). Never throws.
 */
export function parseGs1ElementString(data: string, options: Gs1ParseOptions = {}): Gs1Result {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const elements: Gs1Element[] = [];
  const seen = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === FNC1_SEPARATOR) {
      at++;
      continue;
    }
    const entry = findAi(data, at);
    if (!entry) {
      const rest = data.slice(at);
      if (/^[0-9]{0,3}$/.test(rest)) return error('truncated', `The code ends in the middle of an application identifier ("${rest}")`, at);
      return error('unknown-ai', `Unknown application identifier at "${rest.slice(0, 4)}": not a GS1 code the till can read`, at);
    }
    const length = aiLength(entry);
    const ai = data.slice(at, at + length);
    if (ai.length < length) return error('truncated', `The code ends in the middle of application identifier (${entry.prefix}…)`, at);
    if (!/^[0-9]+$/.test(ai)) return error('unknown-ai', `Unknown application identifier "${ai}": not a GS1 code the till can read`, at);
    const valueStart = at + length;
    let value: string;
    if (hasPredefinedLength(ai)) {
      value = data.slice(valueStart, valueStart + entry.maxLength);
      if (value.length < entry.maxLength) {
        return error('truncated', `AI (${ai}) ${entry.title} needs ${entry.maxLength} characters, the code has ${value.length}`, at, ai);
      }
      at = valueStart + entry.maxLength;
    } else {
      const separator = data.indexOf(FNC1_SEPARATOR, valueStart);
      const end = separator === -1 ? data.length : separator;
      value = data.slice(valueStart, end);
      if (value.length > entry.maxLength) {
        return error(
          'too-long',
          `AI (${ai}) ${entry.title} is longer than ${entry.maxLength} characters: a separator (FNC1) is missing`,
          at,
          ai,
        );
      }
      if (value.length < entry.minLength) {
        return error('too-short', `AI (${ai}) ${entry.title} needs at least ${entry.minLength} characters`, at, ai);
      }
      at = end;
    }
    const decoded = decodeElement(entry, ai, value, referenceYear);
    if (isDecodeFailure(decoded)) return error(decoded.reason, decoded.message, valueStart, ai);
    const earlier = seen.get(ai);
    if (earlier !== undefined && earlier !== value) {
      return error('duplicate-ai', `AI (${ai}) appears twice with different values (${earlier}, ${value})`, valueStart, ai);
    }
    if (earlier === undefined) elements.push(decoded);
    seen.set(ai, value);
  }
  if (elements.length === 0) return error('empty', 'The code holds no GS1 data', 0);
  return { ok: true, elements, summary: summarise(elements) };
}
