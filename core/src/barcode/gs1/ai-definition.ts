/**
 * The shape of GS1 application identifiers as GS1's Barcode Syntax Dictionary gives them: each
 * AI's data is a run of components, each of one character set and length.
 * Character sets: N digits, X the AI encodable character set 82, Y set 39, Z base64url (set 64).
 */
export type AiCharset = 'N' | 'X' | 'Y' | 'Z';

export type AiComponent = {
  readonly charset: AiCharset;
  readonly minLength: number;
  readonly maxLength: number;
  /** May be left out when the data ends before it (optional components come last). */
  readonly optional?: boolean;
  /** GS1's names for the checks on the component's content ("csum", "yymmd0", "iso4217"…). */
  readonly linters?: readonly string[];
};

/** One line of the dictionary: an AI, or a range of AIs sharing their format ("3100"–"3105"). */
export type AiDictionaryEntry = {
  readonly first: string;
  readonly last: string;
  readonly title: string;
  /** Predefined length ("*" in the dictionary): the next AI follows without FNC1. */
  readonly predefinedLength: boolean;
  readonly components: readonly AiComponent[];
};

/** One AI, ready for the parser; its data length summed over the components. */
export type AiDefinition = Omit<AiDictionaryEntry, 'first' | 'last'> & {
  readonly ai: string;
  readonly minLength: number;
  readonly maxLength: number;
};
