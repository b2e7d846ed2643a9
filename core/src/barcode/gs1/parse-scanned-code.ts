import { describeAim, splitAimPrefix, type AimIdentifier, type Symbology } from './aim-identifier';
import { FNC1_SEPARATOR, parseGs1ElementString, type Gs1ParseOptions } from './element-string';
import type { Gs1Element, Gs1ErrorReason, Gs1Problem, Gs1Summary } from './gs1-element';

export type ScannedCode =
  /** GS1 data: the elements and the fields a till uses, and what was read past. */
  | {
      readonly ok: true;
      readonly kind: 'gs1';
      readonly aim?: AimIdentifier;
      readonly elements: readonly Gs1Element[];
      readonly summary: Gs1Summary;
      readonly problems: readonly Gs1Problem[];
    }
  /**
   * Anything else (EAN-13, Code 128, a QR code with a URL…): the data as scanned, AIM prefix
   * removed; an EAN/UPC add-on sent in the same transmission under its own AIM identifier apart.
   */
  | { readonly ok: true; readonly kind: 'plain'; readonly aim?: AimIdentifier; readonly code: string; readonly addOn?: string }
  | {
      readonly ok: false;
      readonly reason: Gs1ErrorReason;
      readonly message: string;
      readonly aim?: AimIdentifier;
      readonly code: string;
    };

export type ScannedCodeInput = {
  /** The scanned text; may start with an AIM identifier ("]C1…"). */
  readonly text: string;
  /** The AIM identifier when it came apart from the data (HID POS reports carry it in own bytes). */
  readonly aim?: string;
};

const EAN_UPC: readonly Symbology[] = ['ean-13', 'ean-8'];
/** A second AIM identifier inside the data: "]E0" + main code + "]E1" + 2-digit add-on. */
const NEXT_AIM = /\][A-Za-z][0-9A-Za-z]/;

/**
 * Tells GS1 data from plain codes by the AIM identifier, then parses GS1 element strings. Without an
 * AIM identifier, data that starts with FNC1 (GS) is taken as GS1 too: some scanners send the
 * leading FNC1 instead of "]C1".
 */
export function parseScannedCode(input: ScannedCodeInput | string, options: Gs1ParseOptions = {}): ScannedCode {
  const { text, aim: separateAim } = typeof input === 'string' ? { text: input, aim: undefined } : input;
  const given = separateAim === undefined ? undefined : describeAim(separateAim);
  const split = given ? { aim: given, data: text } : splitAimPrefix(text);
  const { aim, data } = split;
  const withAim = <T extends object>(result: T) => (aim ? { ...result, aim } : result);
  const gs1 = aim ? aim.gs1 : data.startsWith(FNC1_SEPARATOR);
  if (!gs1) {
    const addOnAt = aim && EAN_UPC.includes(aim.symbology) ? NEXT_AIM.exec(data)?.index : undefined;
    if (addOnAt === undefined) return withAim({ ok: true as const, kind: 'plain' as const, code: data });
    return withAim({ ok: true as const, kind: 'plain' as const, code: data.slice(0, addOnAt), addOn: data.slice(addOnAt + 3) });
  }
  const parsed = parseGs1ElementString(data, options);
  if (!parsed.ok) return withAim({ ok: false as const, reason: parsed.reason, message: parsed.message, code: data });
  return withAim({
    ok: true as const,
    kind: 'gs1' as const,
    elements: parsed.elements,
    summary: parsed.summary,
    problems: parsed.problems,
  });
}
