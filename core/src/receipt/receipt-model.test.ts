import { describe, expect, it } from 'vitest';
import { demoStoreProfile } from '../demo/demo-store';
import type { SealedRecord } from '../fiscal/chain';
import { cashSale, sampleSaleRecord, signedSaleRecord } from '../test-support/sample-sale';
import { twoColumns } from './receipt-format';
import { buildReceipt, receiptFingerprint, receiptText } from './receipt-model';

const store = demoStoreProfile();
const softwareVersion = '1.2.3';

describe('buildReceipt', () => {
  it('carries every mandatory mention', () => {
    const record = sampleSaleRecord();
    const receipt = buildReceipt(record, store, { width: 42, cashierName: 'Camille', softwareVersion });
    const text = receiptText(receipt);
    for (const expected of [
      store.name,
      '12 rue des Halles',
      'FR83404833048',
      'Caisse 1',
      'T01-000042',
      '22/11/2026 11:05:00',
      'Camille',
      'TOTAL TTC',
      'Espèces',
      'Carte bancaire **** 4242',
      'Rendu',
      'Remise 10,0 %',
      'Remise ticket 5,0 %',
      '0,532 kg',
    ]) {
      expect(text).toContain(expected);
    }
    for (const row of record.payload.vat) expect(text).toMatch(new RegExp(`^${row.code}\\s`, 'm'));
    expect(receipt.lines.some((l) => l.kind === 'qrcode' && l.value === record.id)).toBe(true);
    expect(text).not.toContain('DUPLICATA');
    for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(42);
  });

  it('marks a reprint DUPLICATA with its number', () => {
    const text = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 32, cashierName: 'Camille', duplicate: 2, softwareVersion }));
    expect(text.match(/DUPLICATA n° 2/g)).toHaveLength(2);
    for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(32);
  });
});

/**
 * The receipt mentions of docs/fiscal.md ("Receipt mentions"), each with what shows it on the
 * sample sale's French ticket. A mention the layout drops fails here by its name.
 */
const MANDATORY_MENTIONS: readonly (readonly [string, RegExp])[] = [
  ['shop name', /Épicerie du Marché\n/],
  ['legal name', /Épicerie du Marché SAS/],
  ['address', /12 rue des Halles[\s\S]*69002 Lyon/],
  ['SIRET', /SIRET 40483304800014/],
  ['VAT number', /N° TVA FR83404833048/],
  ['date and time in the store’s zone (10:05 UTC is 11:05 in Paris)', /22\/11\/2026 11:05:00/],
  ['till', /Caisse 1/],
  ['receipt number', /Ticket n° T01-000042/],
  ['unit price of a line of one', /^ {2}1 x 6,19 €/m],
  ['unit price of a line of two', /^ {2}2 x 1,99 €/m],
  ['price per kg of a weighed line', /0,532 kg x 6,09 €\/kg/],
  ['VAT rate of each line', /^ {2}2 x 1,99 € +TVA 5,5 %$[\s\S]*^ {2}1 x 6,19 € +TVA 20,0 %$/m],
  ['total without VAT', /^Total HT +10,91 €$/m],
  ['total VAT', /^Total TVA +1,24 €$/m],
  ['total with VAT', /^TOTAL TTC +12,15 €$/m],
  ['VAT per rate (base, VAT, total)', /^B +5,5 % +6,50 +0,36 +6,86$[\s\S]*^D +20,0 % +4,41 +0,88 +5,29$/m],
  ['tenders', /^Carte bancaire \*\*\*\* 4242 +5,00 €$[\s\S]*^Espèces +50,00 €$/m],
  ['signature fingerprint (first 8 hex of the hash)', /Empreinte: 9f86d081$/m],
  ['software and version', /Logiciel: POS Caisse 1\.2\.3$/m],
];

describe('mandatory mentions', () => {
  const text = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 42, cashierName: 'Camille', softwareVersion }));
  for (const [mention, pattern] of MANDATORY_MENTIONS) {
    it(`prints the ${mention}, in French`, () => expect(text).toMatch(pattern));
  }

  it('prints the fingerprint of the record it was built from', () => {
    const record = { ...sampleSaleRecord(), hash: `0123abcd${'e'.repeat(56)}` };
    expect(receiptFingerprint(record)).toBe('0123abcd');
    expect(receiptText(buildReceipt(record, store, { width: 32, softwareVersion }))).toMatch(/Empreinte: 0123abcd$/m);
  });

  it('has no mention left out at 32 columns either, and no line wider than the paper', () => {
    const narrow = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 32, cashierName: 'Camille', softwareVersion }));
    for (const expected of ['SIRET 40483304800014', 'N° TVA FR83404833048', 'Total HT', 'Total TVA', 'TVA 20,0 %', 'Empreinte: 9f86d081'])
      expect(narrow).toContain(expected);
    for (const line of narrow.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length, line).toBeLessThanOrEqual(32);
  });
});

describe('a sale of training mode', () => {
  const training = (): SealedRecord<'sale'> => signedSaleRecord(cashSale({ saleId: 'train-1', training: true }), 1);

  it('says MODE ÉCOLE at the top and at the bottom, and is marked training in the model', () => {
    const receipt = buildReceipt(training(), store, { width: 42, cashierName: 'Camille', softwareVersion });
    const lines = receiptText(receipt).split('\n');
    expect(receipt.training).toBe(true);
    expect(lines[0]).toMatch(/^ *\*\*\* MODE ÉCOLE \*\*\*$/);
    expect(lines.at(-2)).toMatch(/^ *\*\*\* MODE ÉCOLE \*\*\*$/);
    expect(lines.at(-1)).toMatch(/Vente fictive, sans valeur/);
  });

  it('is never said of a real sale', () => {
    const receipt = buildReceipt(signedSaleRecord(cashSale({ saleId: 'real-1' }), 1), store, { width: 42, softwareVersion });
    expect(receipt.training).toBeUndefined();
    expect(receiptText(receipt)).not.toContain('ÉCOLE');
  });
});

describe('receipt figures that add up', () => {
  it('prints the subtotal after line discounts, so lines, subtotal, ticket discount and total add up', () => {
    const text = receiptText(buildReceipt(sampleSaleRecord(), store, { width: 42, cashierName: 'Camille', softwareVersion }));
    // 3,98 + 3,24 + 6,19 − 0,62 = 12,79; 12,79 − 0,64 = 12,15
    expect(text).toMatch(/^Sous-total +12,79 €$/m);
    expect(text).toMatch(/^Remise ticket 5,0 % +-0,64 €$/m);
    expect(text).toContain('TOTAL TTC     12,15 €');
  });

  it('prints the weight of a price-labelled weighed line, never grams times the price per kg', () => {
    const record = sampleSaleRecord();
    const lines = record.payload.lines.map((l) => (l.lineId === 'l2' ? { ...l, labelAmount: l.gross } : l));
    const text = receiptText(
      buildReceipt({ ...record, payload: { ...record.payload, lines } }, store, { width: 42, cashierName: 'C', softwareVersion }),
    );
    expect(text).toMatch(/^  0,532 kg +TVA 5,5 %$/m);
    expect(text).not.toContain('532 x');
  });

  it('keeps every VAT figure whole and apart, on two lines per rate when five columns do not fit', () => {
    const record = sampleSaleRecord();
    const vat = [{ vatRateId: 'FR-20', rateBp: 2000, code: 'D', inclusive: 148_148_80, base: 123_457_33, vat: 24_691_47 }];
    for (const width of [32, 42, 48]) {
      const text = receiptText(
        buildReceipt({ ...record, payload: { ...record.payload, vat } }, store, { width, cashierName: 'C', softwareVersion }),
      );
      expect(text.replace(/\n/g, ' '), String(width)).toMatch(/D +20,0 % +123457,33 +24691,47 +148148,80/);
      for (const line of text.split('\n').filter((l) => !l.startsWith('[QR'))) expect(line.length).toBeLessThanOrEqual(width);
    }
  });

  it('puts two spaces between a name ending in a digit and its amount, so "12 345,00" cannot be read', () => {
    expect(twoColumns('Lot 12', '345,00 €', 15)).toEqual(['Lot 12', '       345,00 €']);
    expect(twoColumns('Lot 12', '345,00 €', 16)).toEqual(['Lot 12  345,00 €']);
    expect(twoColumns('Lot A', '345,00 €', 14)).toEqual(['Lot A 345,00 €']);
  });
});
