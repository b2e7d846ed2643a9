import type { Gs1Date } from './gs1-date';

/** One application identifier and its value, decoded where the till uses it. */
export type Gs1Element =
  | { readonly kind: 'gtin'; readonly ai: '01'; readonly value: string }
  | {
      readonly kind: 'net-weight-kg';
      readonly ai: string;
      readonly value: string;
      readonly decimals: number;
      /** Whole grams; a label with 4 or 5 decimals (0.1 g, 0.01 g) is rounded half up. */
      readonly grams: number;
    }
  | {
      readonly kind: 'price-to-pay';
      readonly ai: string;
      readonly value: string;
      readonly decimals: number;
      /** Minor units of a two-decimal currency (cents). */
      readonly cents: number;
    }
  | { readonly kind: 'date'; readonly ai: string; readonly title: string; readonly value: string; readonly date: Gs1Date }
  | { readonly kind: 'batch-lot'; readonly ai: '10'; readonly value: string }
  | { readonly kind: 'other'; readonly ai: string; readonly title: string; readonly value: string };

/** Why an element string cannot be read: the till says each in the cashier's language. */
export const GS1_ERROR_REASONS = [
  'empty',
  'unknown-ai',
  'truncated',
  'too-long',
  'too-short',
  'invalid-characters',
  'bad-check-digit',
  'bad-date',
  'value-out-of-range',
  'sub-cent-price',
  'duplicate-ai',
] as const;

export type Gs1ErrorReason = (typeof GS1_ERROR_REASONS)[number];

export type Gs1Error = {
  readonly ok: false;
  readonly reason: Gs1ErrorReason;
  /** Plain words for the cashier's message line. */
  readonly message: string;
  /** Offset in the element string where the problem starts. */
  readonly at: number;
  readonly ai?: string;
};

/**
 * An element the parser stepped over without refusing the label: an AI GS1 has not allocated, or a
 * value that breaks its AI's format, in an element the till does not act on.
 */
export type Gs1Problem = {
  readonly reason: Gs1ErrorReason;
  readonly message: string;
  readonly at: number;
  readonly ai?: string;
  /** The element as scanned (AI and value). */
  readonly text: string;
};

/** The fields a till looks at, taken from the elements. */
export type Gs1Summary = {
  readonly gtin?: string;
  readonly netWeightGrams?: number;
  readonly priceCents?: number;
  /** ISO date of AI 17. */
  readonly expiry?: string;
  readonly batchLot?: string;
};

export type Gs1Parsed = {
  readonly ok: true;
  readonly elements: readonly Gs1Element[];
  readonly summary: Gs1Summary;
  /** What was read past; empty for a label that reads whole. */
  readonly problems: readonly Gs1Problem[];
};

export type Gs1Result = Gs1Parsed | Gs1Error;
