import { findAi, predefinedElementLength } from './ai-table';
import { decodeElement, isDecodeFailure, type DecodeFailure } from './decode-element';
import type { Gs1Element, Gs1Error, Gs1ErrorReason, Gs1Problem, Gs1Result, Gs1Summary } from './gs1-element';

/** FNC1 as scanners transmit it between variable-length fields: ASCII GS. */
export const FNC1_SEPARATOR = '\u001d';

export type Gs1ParseOptions = {
  /** Year the YYMMDD century rule counts from. Default: this year (UTC). */
  readonly referenceYear?: number;
};

const error = (reason: Gs1ErrorReason, message: string, at: number, ai?: string): Gs1Error =>
  ai === undefined ? { ok: false, reason, message, at } : { ok: false, reason, message, at, ai };

/**
 * The AIs the summary reads (GTIN, batch, use-by date, net weight in kg, price to pay): a label
 * whose one of these is unreadable is refused, since selling it would mean guessing.
 */
export function isNeededAi(ai: string): boolean {
  return ai === '01' || ai === '10' || ai === '17' || /^310[0-9]$/.test(ai) || /^392[0-9]$/.test(ai);
}

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

/** A variable-length value too long for its AI means the FNC1 after it is missing. */
function explained(failure: DecodeFailure, predefinedLength: boolean): DecodeFailure {
  if (failure.reason !== 'too-long' || predefinedLength) return failure;
  return { ...failure, message: `${failure.message}: a separator (FNC1) is missing` };
}

/** Where an element that starts at `at` ends: after its predefined length, or at the next FNC1. */
function elementEnd(data: string, valueStart: number, predefinedLength: number | undefined): number {
  if (predefinedLength !== undefined) return valueStart + predefinedLength;
  const separator = data.indexOf(FNC1_SEPARATOR, valueStart);
  return separator === -1 ? data.length : separator;
}

/**
 * Parses a GS1 element string as a scanner sends it after "]C1", "]e0", "]d2" or "]Q3": AIs and
 * their values, variable-length values ended by GS. A leading FNC1 (GS) is skipped, and so is a GS
 * after a predefined-length value (some printers put one there). Never throws.
 *
 * What reads is kept and the rest reported: an unknown AI, or a bad value in an element the till
 * does not act on, is stepped over (to its predefined length or the next FNC1) and listed in
 * `problems`. The label is refused only when data is cut short, when nothing reads, or when a
 * field the till acts on (isNeededAi) is unreadable or given twice with different values.
 */
export function parseGs1ElementString(data: string, options: Gs1ParseOptions = {}): Gs1Result {
  const referenceYear = options.referenceYear ?? new Date().getUTCFullYear();
  const elements: Gs1Element[] = [];
  const problems: Gs1Problem[] = [];
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
      const length = /^[0-9]{2}/.test(rest) ? predefinedElementLength(rest) : undefined;
      if (length !== undefined && rest.length < length) {
        return error('truncated', `The code ends inside the element "${rest}" (${length} characters expected)`, at);
      }
      const end = elementEnd(data, at, length);
      const text = data.slice(at, end);
      problems.push({
        reason: 'unknown-ai',
        message: `Unknown application identifier at "${text.slice(0, 4)}": element skipped`,
        at,
        text,
      });
      at = end;
      continue;
    }
    const ai = entry.ai;
    const valueStart = at + ai.length;
    const end = elementEnd(data, valueStart, entry.predefinedLength ? entry.maxLength : undefined);
    if (end > data.length) {
      const got = data.length - valueStart;
      return error('truncated', `AI (${ai}) ${entry.title} needs ${entry.maxLength} characters, the code has ${got}`, at, ai);
    }
    const value = data.slice(valueStart, end);
    const decoded = decodeElement(entry, value, referenceYear);
    const earlier = seen.get(ai);
    const failure = isDecodeFailure(decoded)
      ? explained(decoded, entry.predefinedLength)
      : earlier !== undefined && earlier !== value
        ? { reason: 'duplicate-ai' as const, message: `AI (${ai}) appears twice with different values (${earlier}, ${value})` }
        : undefined;
    if (failure) {
      if (isNeededAi(ai)) return error(failure.reason, failure.message, valueStart, ai);
      problems.push({ ...failure, at: valueStart, ai, text: data.slice(at, end) });
    } else if (earlier === undefined && !isDecodeFailure(decoded)) {
      elements.push(decoded);
      seen.set(ai, value);
    }
    at = end;
  }
  if (elements.length === 0) {
    const first = problems[0];
    return first ? error(first.reason, first.message, first.at, first.ai) : error('empty', 'The code holds no GS1 data', 0);
  }
  return { ok: true, elements, summary: summarise(elements), problems };
}
