import type { AiDefinition, AiDictionaryEntry } from './ai-definition';
import { GS1_SYNTAX_DICTIONARY } from './gs1-syntax-dictionary';

/**
 * Element lengths (AI + data) fixed by the standard for the AIs whose first two digits are here:
 * GS1 General Specifications, figure "Element strings with predefined length using application
 * identifiers". It holds for AIs GS1 has not allocated yet too, which is how the parser steps over
 * an AI it does not know; every other AI ends at FNC1 (GS) or at the end of the data.
 */
export const PREDEFINED_ELEMENT_LENGTHS: Readonly<Record<string, number>> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

function expand(entry: AiDictionaryEntry): AiDefinition[] {
  const width = entry.first.length;
  const minLength = entry.components.reduce((acc, c) => acc + (c.optional ? 0 : c.minLength), 0);
  const maxLength = entry.components.reduce((acc, c) => acc + c.maxLength, 0);
  const out: AiDefinition[] = [];
  for (let n = Number(entry.first); n <= Number(entry.last); n++) {
    const ai = String(n).padStart(width, '0');
    out.push({
      ai,
      title: entry.title || `AI (${ai})`,
      predefinedLength: entry.predefinedLength,
      components: entry.components,
      minLength,
      maxLength,
    });
  }
  return out;
}

/** Every AI of GS1's Barcode Syntax Dictionary, ranges expanded ("3100"…"3105" are six AIs). */
export const AI_TABLE: readonly AiDefinition[] = GS1_SYNTAX_DICTIONARY.flatMap(expand);

const BY_AI: ReadonlyMap<string, AiDefinition> = new Map(AI_TABLE.map((entry) => [entry.ai, entry]));

/** The AI that starts `data` at `at`; GS1 AIs are prefix-free, so the first hit is the one. */
export function findAi(data: string, at: number): AiDefinition | undefined {
  for (const length of [2, 3, 4]) {
    const entry = BY_AI.get(data.slice(at, at + length));
    if (entry) return entry;
  }
  return undefined;
}

/** AI + data length of an element whose AI starts with these two digits, when the standard fixes it. */
export function predefinedElementLength(ai: string): number | undefined {
  return PREDEFINED_ELEMENT_LENGTHS[ai.slice(0, 2)];
}
