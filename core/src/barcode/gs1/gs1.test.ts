import { describe, expect, it } from 'vitest';
import { AI_TABLE, findAi, PREDEFINED_ELEMENT_LENGTHS } from './ai-table';
import { describeAim, splitAimPrefix } from './aim-identifier';
import { parseGs1ElementString } from './element-string';
import { parseGs1Date } from './gs1-date';
import { GS1_SYNTAX_DICTIONARY, GS1_SYNTAX_DICTIONARY_RELEASE } from './gs1-syntax-dictionary';
import { parseScannedCode } from './parse-scanned-code';

const GS = '\u001d';
const year = { referenceYear: 2026 };

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1', 'gs1-128', true],
    [']e0', 'gs1-databar', true],
    [']d2', 'gs1-datamatrix', true],
    [']Q3', 'gs1-qr', true],
    [']E0', 'ean-13', false],
    [']E4', 'ean-8', false],
    [']C0', 'code-128', false],
    [']A0', 'code-39', false],
    [']X0', 'other', false],
  ] as const)('%s is %s (GS1: %s)', (aim, symbology, gs1) => {
    expect(describeAim(aim)).toEqual({ aim, symbology, gs1 });
  });

  it('splits the prefix off and leaves text without one alone', () => {
    expect(splitAimPrefix(']E03760000000017')).toEqual({ aim: { aim: ']E0', symbology: 'ean-13', gs1: false }, data: '3760000000017' });
    expect(splitAimPrefix('3760000000017')).toEqual({ data: '3760000000017' });
    expect(splitAimPrefix(']')).toEqual({ data: ']' });
  });
});

describe('GS1 element strings', () => {
  it('reads GS1-128 with GTIN, net weight (3103), expiry and batch, FNC1 after the batch', () => {
    const scanned = parseScannedCode(`]C1010950110153000331030012501727033110ABC123${GS}21XYZ`, year);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      aim: { aim: ']C1', symbology: 'gs1-128' },
      summary: { gtin: '09501101530003', netWeightGrams: 1250, expiry: '2027-03-31', batchLot: 'ABC123' },
    });
    if (!scanned.ok || scanned.kind !== 'gs1') throw new Error('not gs1');
    expect(scanned.elements.map((e) => e.ai)).toEqual(['01', '3103', '17', '10', '21']);
    expect(scanned.elements[1]).toEqual({ kind: 'net-weight-kg', ai: '3103', value: '001250', decimals: 3, grams: 1250 });
  });

  it('skips a leading FNC1 and accepts the same data without an AIM prefix', () => {
    expect(parseScannedCode(`${GS}0109501101530003`, year)).toMatchObject({ ok: true, kind: 'gs1', summary: { gtin: '09501101530003' } });
    expect(parseScannedCode({ text: `${GS}0109501101530003`, aim: ']C1' }, year)).toMatchObject({ ok: true, kind: 'gs1' });
  });

  it('reads GS1 DataMatrix with the AIM identifier given apart (HID POS), variable fields first', () => {
    const scanned = parseScannedCode({ text: `10LOT42${GS}21SER9${GS}0109501101530003172712003922599`, aim: ']d2' }, year);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      aim: { symbology: 'gs1-datamatrix' },
      summary: { gtin: '09501101530003', batchLot: 'LOT42', expiry: '2027-12-31', priceCents: 599 },
    });
  });

  it('turns price to pay 3922 into cents, and 3920/3921/3923 by their decimal digit', () => {
    const price = (ai: string, value: string) => parseGs1ElementString(`0109501101530003${ai}${value}`, year);
    expect(price('3922', '1234')).toMatchObject({ ok: true, summary: { priceCents: 1234 } });
    expect(price('3920', '12')).toMatchObject({ ok: true, summary: { priceCents: 1200 } });
    expect(price('3921', '125')).toMatchObject({ ok: true, summary: { priceCents: 1250 } });
    expect(price('3923', '12340')).toMatchObject({ ok: true, summary: { priceCents: 1234 } });
    expect(price('3923', '12345')).toMatchObject({ ok: false, reason: 'sub-cent-price', ai: '3923' });
  });

  it('reads an expiry with day 00 as the last day of that month', () => {
    expect(parseGs1ElementString('17280200', year)).toMatchObject({ ok: true, summary: { expiry: '2028-02-29' } });
    expect(parseGs1ElementString('17270200', year)).toMatchObject({ ok: true, summary: { expiry: '2027-02-28' } });
    expect(parseGs1Date('270200', 2026)).toEqual({ iso: '2027-02-28', year: 2027, month: 2, day: 28, endOfMonth: true });
    expect(parseGs1ElementString('17271301', year)).toMatchObject({ ok: false, reason: 'bad-date', ai: '17' });
    expect(parseGs1ElementString('17270230', year)).toMatchObject({ ok: false, reason: 'bad-date' });
  });

  it('places two-digit years within 49 years back and 50 ahead of the reference year', () => {
    expect(parseGs1Date('760101', 2026)?.year).toBe(2076);
    expect(parseGs1Date('770101', 2026)?.year).toBe(1977);
    expect(parseGs1Date('010101', 2099)?.year).toBe(2101);
  });

  it('converts net weight with every decimal position to grams', () => {
    const grams = (n: number, value: string) => parseGs1ElementString(`310${n}${value}`, year);
    expect(grams(0, '000002')).toMatchObject({ summary: { netWeightGrams: 2000 } });
    expect(grams(3, '001500')).toMatchObject({ summary: { netWeightGrams: 1500 } });
    expect(grams(5, '012345')).toMatchObject({ summary: { netWeightGrams: 123 } });
    expect(grams(4, '001235')).toMatchObject({ summary: { netWeightGrams: 124 } });
    // GS1 allocates 3100–3105 only: 3106 is no AI, and a label with nothing else reads nothing.
    expect(grams(6, '001235')).toMatchObject({ ok: false, reason: 'unknown-ai' });
  });

  it('rejects a GTIN with a bad check digit, in plain words', () => {
    const result = parseScannedCode(']C10109501101530004', year);
    expect(result).toMatchObject({ ok: false, reason: 'bad-check-digit', aim: { aim: ']C1' } });
    if (!result.ok) expect(result.message).toContain('wrong check digit');
  });

  it('rejects a truncated fixed field, and a missing separator or a bad character in a field the till reads', () => {
    expect(parseGs1ElementString('01095011015300', year)).toMatchObject({ ok: false, reason: 'truncated', ai: '01' });
    expect(parseGs1ElementString('10' + 'A'.repeat(21), year)).toMatchObject({ ok: false, reason: 'too-long', ai: '10' });
    expect(parseGs1ElementString('10AB CD', year)).toMatchObject({ ok: false, reason: 'invalid-characters' });
    expect(parseGs1ElementString('3', year)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(parseGs1ElementString(GS, year)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseGs1ElementString(`10A${GS}10B`, year)).toMatchObject({ ok: false, reason: 'duplicate-ai' });
  });

  it('reads a label carrying AIs the old hand-made table lacked (harvest date 7007, price per unit of measure 3955)', () => {
    const scanned = parseScannedCode(`]C101095011015300033103001250172701313955002150${GS}7007261101261130${GS}10LOT7`, year);
    expect(scanned).toMatchObject({
      ok: true,
      kind: 'gs1',
      summary: { gtin: '09501101530003', netWeightGrams: 1250, expiry: '2027-01-31', batchLot: 'LOT7' },
      problems: [],
    });
    if (!scanned.ok || scanned.kind !== 'gs1') throw new Error('not gs1');
    expect(scanned.elements.map((e) => e.ai)).toEqual(['01', '3103', '17', '3955', '7007', '10']);
  });

  it('keeps what reads and reports an AI GS1 has not allocated, stepping over it to FNC1 or its predefined length', () => {
    expect(parseGs1ElementString(`0109501101530003891234${GS}17270131`, year)).toMatchObject({
      ok: true,
      summary: { gtin: '09501101530003', expiry: '2027-01-31' },
      problems: [{ reason: 'unknown-ai', at: 16, text: '891234' }],
    });
    // 04 is reserved with a predefined length of 18: the use-by date right after it still reads.
    expect(parseGs1ElementString('01095011015300030412345678901234561727013110L1', year)).toMatchObject({
      ok: true,
      summary: { gtin: '09501101530003', expiry: '2027-01-31', batchLot: 'L1' },
      problems: [{ reason: 'unknown-ai', text: '041234567890123456' }],
    });
  });

  it('keeps what reads and reports a bad value in a field the till does not act on', () => {
    const result = parseGs1ElementString(`01095011015300031113130121AB CD${GS}422999${GS}700327013112009${GS}3922459`, year);
    expect(result).toMatchObject({ ok: true, summary: { gtin: '09501101530003', priceCents: 459 } });
    if (!result.ok) throw new Error(result.message);
    expect(result.problems.map((p) => [p.ai, p.reason])).toEqual([
      ['11', 'bad-date'],
      ['21', 'invalid-characters'],
      ['7003', 'too-long'],
    ]);
    expect(parseGs1ElementString(`010950110153000321A${GS}21B`, year)).toMatchObject({
      ok: true,
      problems: [{ reason: 'duplicate-ai', ai: '21' }],
    });
  });

  it('still refuses a label whose GTIN, weight, price, use-by date or batch is unreadable', () => {
    expect(parseGs1ElementString('0109501101530004', year)).toMatchObject({ ok: false, reason: 'bad-check-digit', ai: '01' });
    expect(parseGs1ElementString('01095011015300033103A01250', year)).toMatchObject({
      ok: false,
      reason: 'invalid-characters',
      ai: '3103',
    });
    expect(parseGs1ElementString('01095011015300033923123', year)).toMatchObject({ ok: false, reason: 'sub-cent-price', ai: '3923' });
    expect(parseGs1ElementString('010950110153000317271340', year)).toMatchObject({ ok: false, reason: 'bad-date', ai: '17' });
    expect(parseGs1ElementString(`0109501101530003${GS}10${'A'.repeat(21)}`, year)).toMatchObject({ ok: false, reason: 'too-long' });
    expect(parseGs1ElementString(`011234567890123117270101${GS}17270102`, year)).toMatchObject({ ok: false, reason: 'duplicate-ai' });
  });

  it('passes plain codes through with their symbology', () => {
    expect(parseScannedCode(']E03760000000017')).toEqual({
      ok: true,
      kind: 'plain',
      aim: { aim: ']E0', symbology: 'ean-13', gs1: false },
      code: '3760000000017',
    });
    expect(parseScannedCode(']Q1https://example.org/x')).toMatchObject({ ok: true, kind: 'plain', code: 'https://example.org/x' });
    expect(parseScannedCode('SHELF-42')).toEqual({ ok: true, kind: 'plain', code: 'SHELF-42' });
  });

  it('splits an EAN/UPC add-on sent in the same transmission under its own AIM identifier', () => {
    expect(parseScannedCode(']E00060992011187]E112')).toMatchObject({ kind: 'plain', code: '0060992011187', addOn: '12' });
    expect(parseScannedCode(']E400210126]E212345')).toMatchObject({ kind: 'plain', code: '00210126', addOn: '12345' });
    expect(parseScannedCode(']E212345')).toMatchObject({ kind: 'plain', aim: { symbology: 'ean-upc-add-on' }, code: '12345' });
  });
});

describe('the AI table generated from the GS1 Barcode Syntax Dictionary', () => {
  it('holds every AI of the dictionary release, ranges expanded', () => {
    expect(GS1_SYNTAX_DICTIONARY_RELEASE).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    const expected = GS1_SYNTAX_DICTIONARY.reduce((acc, e) => acc + Number(e.last) - Number(e.first) + 1, 0);
    expect(AI_TABLE).toHaveLength(expected);
    expect(AI_TABLE.length).toBeGreaterThan(500);
    for (const ai of ['00', '01', '10', '17', '3103', '3929', '422', '4309', '7007', '7259', '8008', '8112', '8200', '99']) {
      expect(findAi(ai + '0', 0)?.ai, ai).toBe(ai);
    }
  });

  it('is prefix-free, so the first AI that matches is the one', () => {
    const ais = AI_TABLE.map((e) => e.ai);
    for (const ai of ais)
      expect(
        ais.filter((other) => other !== ai && other.startsWith(ai)),
        ai,
      ).toEqual([]);
  });

  it('agrees with the General Specifications on predefined lengths: same AIs, same element lengths', () => {
    for (const entry of AI_TABLE) {
      const length = PREDEFINED_ELEMENT_LENGTHS[entry.ai.slice(0, 2)];
      expect(entry.predefinedLength, entry.ai).toBe(length !== undefined);
      if (length !== undefined) expect(entry.ai.length + entry.maxLength, entry.ai).toBe(length);
    }
  });
});
