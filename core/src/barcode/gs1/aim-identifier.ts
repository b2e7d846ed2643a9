/**
 * AIM symbology identifiers (ISO/IEC 15424): "]" + a code character naming the symbology + a
 * modifier. Scanners prefix the decoded data with it when told to; in HID POS it travels in its
 * own bytes. The modifiers that announce GS1 data (FNC1 in first position) are from the GS1
 * General Specifications §5.1.2 (Table 5.1.2-2).
 */
export type Symbology =
  | 'gs1-128'
  | 'code-128'
  | 'gs1-databar'
  | 'gs1-datamatrix'
  | 'datamatrix'
  | 'gs1-qr'
  | 'qr'
  | 'ean-13'
  | 'ean-8'
  | 'ean-upc-add-on'
  | 'code-39'
  | 'code-93'
  | 'codabar'
  | 'itf'
  | 'pdf417'
  | 'aztec'
  | 'other';

export type AimIdentifier = {
  /** The three characters, e.g. "]C1". */
  readonly aim: string;
  readonly symbology: Symbology;
  /** The data is a GS1 element string (AIs, FNC1 sent as GS). */
  readonly gs1: boolean;
};

const GS1_MODIFIERS: Readonly<Record<string, Symbology>> = {
  C1: 'gs1-128',
  e0: 'gs1-databar',
  d2: 'gs1-datamatrix',
  Q3: 'gs1-qr',
};

const BY_MODIFIER: Readonly<Record<string, Symbology>> = {
  C0: 'code-128',
  E0: 'ean-13',
  E4: 'ean-8',
  E1: 'ean-upc-add-on',
  E2: 'ean-upc-add-on',
  E3: 'ean-13',
  d1: 'datamatrix',
  Q1: 'qr',
};

/** When the modifier is not one we name, the code character still tells the family. */
const BY_CODE: Readonly<Record<string, Symbology>> = {
  A: 'code-39',
  C: 'code-128',
  d: 'datamatrix',
  E: 'ean-13',
  F: 'codabar',
  G: 'code-93',
  I: 'itf',
  L: 'pdf417',
  Q: 'qr',
  z: 'aztec',
};

const AIM_PATTERN = /^\][A-Za-z][0-9A-Za-z]/;

export function describeAim(aim: string): AimIdentifier | undefined {
  if (aim.length !== 3 || !AIM_PATTERN.test(aim)) return undefined;
  const key = aim.slice(1);
  const gs1 = GS1_MODIFIERS[key];
  if (gs1) return { aim, symbology: gs1, gs1: true };
  return { aim, symbology: BY_MODIFIER[key] ?? BY_CODE[aim.charAt(1)] ?? 'other', gs1: false };
}

/** Splits a leading AIM identifier off scanned text; text without one comes back whole. */
export function splitAimPrefix(text: string): { readonly aim?: AimIdentifier; readonly data: string } {
  const aim = describeAim(text.slice(0, 3));
  return aim ? { aim, data: text.slice(3) } : { data: text };
}
