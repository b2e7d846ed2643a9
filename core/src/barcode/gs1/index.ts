export type { AiCharset, AiComponent, AiDefinition, AiDictionaryEntry } from './ai-definition';
export { AI_TABLE, findAi, PREDEFINED_ELEMENT_LENGTHS, predefinedElementLength } from './ai-table';
export { GS1_SYNTAX_DICTIONARY_RELEASE } from './gs1-syntax-dictionary';
export { describeAim, splitAimPrefix, type AimIdentifier, type Symbology } from './aim-identifier';
export { FNC1_SEPARATOR, isNeededAi, parseGs1ElementString, type Gs1ParseOptions } from './element-string';
export { daysInMonth, parseGs1Date, resolveCentury, type Gs1Date } from './gs1-date';
export type { Gs1Element, Gs1Error, Gs1ErrorReason, Gs1Parsed, Gs1Problem, Gs1Result, Gs1Summary } from './gs1-element';
export { GS1_ERROR_REASONS } from './gs1-element';
export { parseScannedCode, type ScannedCode, type ScannedCodeInput } from './parse-scanned-code';
