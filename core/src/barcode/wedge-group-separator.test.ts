import { describe, expect, it } from 'vitest';
import { parseScannedCode } from './gs1/parse-scanned-code';
import { DEFAULT_WEDGE_GS_FORMS, isGroupSeparatorKey, restoreGroupSeparators, WEDGE_GS_FORMS } from './wedge-group-separator';

const GS = '\u001d';
// GTIN, net weight 1.235 kg (3103), batch "L42" (variable length: a separator follows), use-by 2030-12-31.
const ELEMENTS = ['0103017620422003', '3103001235', '10L42', '17301231'];

describe('group separators typed by a keyboard-wedge scanner', () => {
  it.each([
    ['~', 'tilde'],
    ['|', 'pipe'],
    ['^]', 'caret-bracket'],
    ['<GS>', 'gs-mnemonic'],
  ] as const)('reads "%s" in a GS1-128 as the separator, so the code parses as one from a HID scanner', (substitute, _form) => {
    const typed = `]C1${ELEMENTS[0]}${ELEMENTS[1]}${ELEMENTS[2]}${substitute}${ELEMENTS[3]}`;
    const restored = restoreGroupSeparators(typed, DEFAULT_WEDGE_GS_FORMS);
    expect(restored).toBe(`]C1${ELEMENTS[0]}${ELEMENTS[1]}${ELEMENTS[2]}${GS}${ELEMENTS[3]}`);
    const scanned = parseScannedCode(restored);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      summary: { gtin: '03017620422003', netWeightGrams: 1235, expiry: '2030-12-31' },
    });
    expect(parseScannedCode(typed)).not.toMatchObject({ summary: { expiry: '2030-12-31' } });
  });

  it('takes a leading substitute for the leading FNC1 of a scanner sending no AIM identifier', () => {
    expect(restoreGroupSeparators(`~${ELEMENTS.join('')}`, DEFAULT_WEDGE_GS_FORMS)).toBe(`${GS}${ELEMENTS.join('')}`);
  });

  it('leaves the data of codes that are not GS1 as typed', () => {
    expect(restoreGroupSeparators(']C0AB~12|34', DEFAULT_WEDGE_GS_FORMS)).toBe(']C0AB~12|34');
    expect(restoreGroupSeparators('AB~12', DEFAULT_WEDGE_GS_FORMS)).toBe('AB~12');
    expect(restoreGroupSeparators('3017620422003', DEFAULT_WEDGE_GS_FORMS)).toBe('3017620422003');
  });

  it('reads only the substitutes the till is set for', () => {
    expect(restoreGroupSeparators(']C101030176204220031012~17301231', ['pipe'])).toBe(']C101030176204220031012~17301231');
    expect(restoreGroupSeparators(']C101030176204220031012|17301231', ['pipe'])).toBe(`]C101030176204220031012${GS}17301231`);
  });

  it('knows Ctrl+] by its physical key on any layout, F8 only when set, and ASCII 29 itself', () => {
    expect(isGroupSeparatorKey({ key: ']', code: 'BracketRight', ctrlKey: true }, DEFAULT_WEDGE_GS_FORMS)).toBe(true);
    // AZERTY: the same physical key types "$".
    expect(isGroupSeparatorKey({ key: '$', code: 'BracketRight', ctrlKey: true }, DEFAULT_WEDGE_GS_FORMS)).toBe(true);
    expect(isGroupSeparatorKey({ key: ']', code: 'BracketRight' }, DEFAULT_WEDGE_GS_FORMS)).toBe(false);
    expect(isGroupSeparatorKey({ key: 'F8' }, DEFAULT_WEDGE_GS_FORMS)).toBe(false);
    expect(isGroupSeparatorKey({ key: 'F8' }, WEDGE_GS_FORMS)).toBe(true);
    expect(isGroupSeparatorKey({ key: GS }, [])).toBe(true);
    expect(isGroupSeparatorKey({ key: ']', code: 'BracketRight', ctrlKey: true }, ['tilde'])).toBe(false);
  });
});
