export { AI_TABLE, aiLength, findAi, hasPredefinedLength, type AiDefinition, type AiFormat } from './ai-table';
export { describeAim, splitAimPrefix, type AimIdentifier, type Symbology } from './aim-identifier';
export { FNC1_SEPARATOR, parseGs1ElementString, type Gs1ParseOptions } from './element-string';
export { daysInMonth, parseGs1Date, resolveCentury, type Gs1Date } from './gs1-date';
export type { Gs1Element, Gs1Error, Gs1ErrorReason, Gs1Parsed, Gs1Result, Gs1Summary } from './gs1-element';
export { parseScannedCode, type ScannedCode, type ScannedCodeInput } from './parse-scanned-code';
