import { describeAim } from './gs1/aim-identifier';
import { FNC1_SEPARATOR } from './gs1/element-string';

/**
 * How a keyboard-wedge scanner types the GS1 group separator (FNC1 inside the data, ASCII 29),
 * which no keyboard has a key for. Scanners are set to send one of these (Honeywell, Zebra and
 * Datalogic call it "FNC1 / GS substitution" or "control character output"):
 * - `ctrl-bracket`: Ctrl+], the keystroke of ASCII 29 (the default of most scanners in USB keyboard mode);
 * - `f8`: a function key (scanners that map control characters to function keys);
 * - `tilde`, `pipe`: one printable character in its place;
 * - `caret-bracket`: "^]", the caret notation of ASCII 29;
 * - `gs-mnemonic`: "<GS>", the label-printing notation.
 * The printable forms are outside the characters GS1 allows in data (set 82, except "<GS>"'s
 * brackets), so they cannot be mistaken for data in a GS1 code; they are read only in GS1 codes.
 */
export const WEDGE_GS_FORMS = ['ctrl-bracket', 'f8', 'tilde', 'pipe', 'caret-bracket', 'gs-mnemonic'] as const;
export type WedgeGsForm = (typeof WEDGE_GS_FORMS)[number];

/**
 * F8 is left out: it is also a till shortcut (parked sales), and a scanner sending a leading FNC1
 * as F8 would open that screen. The others cannot be typed by a cashier by mistake inside a scan.
 */
export const DEFAULT_WEDGE_GS_FORMS: readonly WedgeGsForm[] = ['ctrl-bracket', 'tilde', 'pipe', 'caret-bracket', 'gs-mnemonic'];

const TEXT_FORMS: Partial<Record<WedgeGsForm, string>> = { tilde: '~', pipe: '|', 'caret-bracket': '^]', 'gs-mnemonic': '<GS>' };

/** A key as a keydown reports it: what it types, which physical key, and the modifiers held. */
export type WedgeKey = { readonly key: string; readonly code?: string; readonly ctrlKey?: boolean; readonly altKey?: boolean };

/** Whether this key is a group separator the scanner typed: Ctrl+] by its physical key (any layout), F8, or ASCII 29 itself. */
export function isGroupSeparatorKey(key: WedgeKey, forms: readonly WedgeGsForm[]): boolean {
  if (key.key === FNC1_SEPARATOR) return true;
  if (forms.includes('ctrl-bracket') && key.ctrlKey && !key.altKey && (key.code === 'BracketRight' || key.key === ']')) return true;
  return forms.includes('f8') && key.key === 'F8' && !key.ctrlKey && !key.altKey;
}

/**
 * The scanned text with its printable GS substitutes turned back into ASCII 29, when the text is
 * GS1 data: its AIM identifier says so (]C1, ]e0, ]d2, ]Q3), or it starts with a substitute (the
 * leading FNC1 of a scanner sending no AIM identifier). Any other code comes back as typed: a
 * "~" or "|" in a Code 128 of the store's own is data.
 */
export function restoreGroupSeparators(text: string, forms: readonly WedgeGsForm[]): string {
  const substitutes = forms.flatMap((form) => TEXT_FORMS[form] ?? []);
  if (substitutes.length === 0) return text;
  const aim = describeAim(text.slice(0, 3));
  const data = aim ? text.slice(3) : text;
  const leading = substitutes.find((s) => data.startsWith(s));
  if (!(aim?.gs1 ?? false) && leading === undefined) return text;
  let restored = data;
  // Longest first: "<GS>" before a "|" that might be configured too.
  for (const s of [...substitutes].sort((a, b) => b.length - a.length)) restored = restored.split(s).join(FNC1_SEPARATOR);
  return (aim ? aim.aim : '') + restored;
}
