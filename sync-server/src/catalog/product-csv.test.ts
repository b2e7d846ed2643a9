import { FRENCH_VAT_RATES, withGtinCheckDigit } from '@pos/core';
import { describe, expect, it } from 'vitest';
import { decodeCsv, detectDelimiter, readCsv, type CsvTable } from './csv-table';
import { checkProduct } from './product-checks';
import { parsePrice, productsOfCsv, resolveVatRate } from './product-csv';

const HEADER = 'id,sku,name,barcodes,price,vat_rate,measure,category';
const A = withGtinCheckDigit('376000000001');
const B = withGtinCheckDigit('376000000002');
const options = { vatRates: FRENCH_VAT_RATES, currency: 'EUR' };

function table(text: string | Uint8Array): CsvTable {
  const read = readCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.table;
}

describe('reading a CSV file as spreadsheets save it', () => {
  it('finds the separator on the header line, whatever commas the data hold', () => {
    expect(detectDelimiter(`${HEADER}\n1,a,"Sel, fin",,"1,20",FR-20,unit,x`)).toBe(',');
    expect(detectDelimiter('id;sku;name;barcodes;price;vat_rate;measure;category\n1;a;Sel, fin, 1,5 kg;;1,20;20;unit;x')).toBe(';');
    expect(detectDelimiter('id\tsku\tname\n')).toBe('\t');
  });

  it('reads UTF-8 with or without a byte order mark, UTF-16 and Windows-1252 (French Excel)', () => {
    const text = 'id;name\n1;Pâté à l’ancienne\n';
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    // "Pâté" in Windows-1252: â = 0xE2, é = 0xE9 — not valid UTF-8.
    const cp1252 = Buffer.from([...Buffer.from('id;name\n1;P', 'latin1'), 0xe2, 0x74, 0xe9, 0x0a]);
    expect(decodeCsv(cp1252)).toBe('id;name\n1;Pâté\n');
    expect(table(Buffer.from(`\uFEFF${HEADER}\n`, 'utf8')).header[0]).toBe('id');
  });

  it('numbers rows as a spreadsheet does: header row 1, blank lines and multi-line cells count as one row each', () => {
    const t = table(`${HEADER}\n1,a,A,,1,20,unit,\n\n2,b,"Two\nlines",,1,20,unit,\n3,c,C,,1,20,unit,\n`);
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(t.rows[2]!.cells[2]).toBe('Two\nlines');
  });

  it('says where a file cannot be read', () => {
    const read = readCsv(Buffer.from(`${HEADER}\n1,a,"unclosed,,1,20,unit,\n`));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]!.message).toMatch(/cannot be read as CSV/);
    expect(readCsv(Buffer.from('  \n'))).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringMatching(/empty/) }] });
  });
});

describe('prices and VAT rates as people type them', () => {
  it('reads euros with a decimal comma or point, a euro sign, spaces', () => {
    expect(parsePrice('12,50')).toBe(1250);
    expect(parsePrice('12.5')).toBe(1250);
    expect(parsePrice('3 €')).toBe(300);
    expect(parsePrice('1 234,00')).toBe(123400);
    expect(parsePrice('0,999')).toBeNull();
    expect(parsePrice('-1')).toBeNull();
    expect(parsePrice('12,50,1')).toBeNull();
  });

  it('reads a rate id or the rate itself', () => {
    expect(resolveVatRate('FR-20', FRENCH_VAT_RATES)).toEqual({ id: 'FR-20' });
    expect(resolveVatRate('fr-5.5', FRENCH_VAT_RATES)).toEqual({ id: 'FR-5.5' });
    expect(resolveVatRate('20', FRENCH_VAT_RATES)).toEqual({ id: 'FR-20' });
    expect(resolveVatRate('5,5', FRENCH_VAT_RATES)).toEqual({ id: 'FR-5.5' });
    expect(resolveVatRate('5.5 %', FRENCH_VAT_RATES)).toEqual({ id: 'FR-5.5' });
    expect(resolveVatRate('2,1', FRENCH_VAT_RATES)).toEqual({ id: 'FR-2.1' });
    expect(resolveVatRate('7', FRENCH_VAT_RATES)).toEqual({
      problem: expect.stringMatching(/no known VAT rate is 7 %/),
      code: 'invalid_vat_rate',
    });
    expect(resolveVatRate('TVA', FRENCH_VAT_RATES)).toEqual({
      problem: expect.stringMatching(/neither a VAT rate id/),
      code: 'invalid_vat_rate',
    });
    // A rate shared by a French id and another store's id resolves to the French one; two foreign ones must be named.
    const rates = [
      ...FRENCH_VAT_RATES,
      { id: 'BE-21', rateBp: 2100, code: 'E', label: '21 %' },
      { id: 'ES-21', rateBp: 2100, code: 'F', label: '21 %' },
    ];
    expect(resolveVatRate('21', rates)).toEqual({
      problem: expect.stringMatching(/BE-21, ES-21/),
      code: 'ambiguous_vat_rate',
      ids: 'BE-21, ES-21',
    });
    expect(resolveVatRate('BE-21', rates)).toEqual({ id: 'BE-21' });
  });
});

describe('checking one product', () => {
  const rules = { vatRateIds: new Set(FRENCH_VAT_RATES.map((r) => r.id)) };
  const body = {
    sku: ' epi-1 ',
    name: ' Pâté  de campagne ',
    barcodes: [A, `0${A}`.slice(1), '012345678905', 'PLU-42'],
    price: 349,
    currency: 'EUR',
    vatRateId: 'FR-5.5',
    measure: 'unit' as const,
  };

  it('builds the product as tills store it: sku in capitals, barcodes normalised once, search words', () => {
    const checked = checkProduct('prd-1', body, rules);
    expect(checked).toEqual({
      ok: true,
      product: {
        id: 'prd-1',
        sku: 'EPI-1',
        name: 'Pâté de campagne',
        barcodes: [A, '0012345678905', 'PLU-42'],
        words: ['pate', 'de', 'campagne'],
        price: 349,
        currency: 'EUR',
        vatRateId: 'FR-5.5',
        measure: 'unit',
        category: '',
      },
    });
  });

  it('lists every problem, with the check digit a barcode should have', () => {
    const checked = checkProduct(
      'bad id',
      { ...body, sku: '', barcodes: ['3760000000018', 'not a code!'], price: -1, currency: 'euro', vatRateId: 'FR-7' },
      rules,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.field)).toEqual(['id', 'sku', 'barcodes', 'barcodes', 'price', 'currency', 'vatRateId']);
    expect(checked.problems[2]!.message).toMatch(/3760000000018 has a wrong check digit \(the last digit should be 7\)/);
    expect(checked.problems.map((p) => p.code)).toEqual([
      'invalid_id',
      'invalid_sku',
      'barcode_check_digit',
      'invalid_barcode',
      'price_range',
      'invalid_currency',
      'unknown_vat_rate',
    ]);
  });

  it('keeps service only when true, and refuses a service that is not a boolean with its code', () => {
    expect(checkProduct('prd-1', { ...body, service: true }, rules)).toMatchObject({ ok: true, product: { service: true } });
    const goods = checkProduct('prd-1', { ...body, service: false }, rules);
    expect(goods.ok && 'service' in goods.product).toBe(false);
    const wrong = checkProduct('prd-1', { ...body, service: 'yes' as unknown as boolean }, rules);
    expect(wrong).toMatchObject({ ok: false, problems: [{ field: 'service', code: 'invalid_service', params: { value: 'yes' } }] });
  });
});

describe('the rows of a products file', () => {
  it('turns good rows into products, in any column order, skipping blank rows', () => {
    const csv = `category;measure;vat_rate;price;barcodes;name;sku;id\nFruits;weight;5,5;2,99;${A};Pommes Gala au kg;plu-1;prd-1\n;;;;;;;\nÉpicerie;unit;FR-20;1.5;${B}|PLU-2;Sel fin;epi-2;prd-2\n`;
    const { products, errors } = productsOfCsv(table(csv), options);
    expect(errors).toEqual([]);
    expect(products.map((p) => [p.row, p.product.id, p.product.price, p.product.vatRateId, p.product.measure, p.product.barcodes])).toEqual(
      [
        [2, 'prd-1', 299, 'FR-5.5', 'weight', [A]],
        [4, 'prd-2', 150, 'FR-20', 'unit', [B, 'PLU-2']],
      ],
    );
  });

  it('reports every row error with its row and column, and none of the products of a row in error', () => {
    const csv = [
      HEADER,
      `prd-1,a,Good,${A},"1,00",20,unit,x`,
      `prd-2,,Missing sku,,1,20,unit,x`,
      `prd-3,c,Bad digit,3760000000018,1,20,unit,x`,
      `prd-4,d,Bad price,,"1,999",20,unit,x`,
      `prd-5,e,Bad VAT,,1,7,unit,x`,
      `prd-6,f,Bad measure,,1,20,litre,x`,
      `prd-1,g,Same id,,1,20,unit,x`,
      `prd-8,h,Same barcode,${A},1,20,unit,x`,
      `prd-9,i,Too few cells`,
    ].join('\n');
    const { products, errors } = productsOfCsv(table(csv), options);
    expect(products.map((p) => p.product.id)).toEqual(['prd-1']);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'sku', 'required'],
      [4, 'barcodes', 'barcode_check_digit'],
      [5, 'price', 'invalid_price'],
      [6, 'vat_rate', 'invalid_vat_rate'],
      [7, 'measure', 'invalid_measure'],
      [8, 'id', 'duplicate_id'],
      [9, 'barcodes', 'duplicate_barcode'],
      [10, '', 'cell_count'],
      [10, 'price', 'required'],
      [10, 'vat_rate', 'required'],
      [10, 'measure', 'required'],
    ]);
    expect(errors.find((e) => e.row === 10)!.params).toEqual({ cells: '3', expected: '8' });
    expect(errors.find((e) => e.row === 8)!.message).toBe('product prd-1 is also on row 2');
    expect(errors.find((e) => e.row === 9)!.message).toBe(`barcode ${A} is also on row 2`);
  });

  it('reads the optional service column as yes/no, oui/non, 1/0 or true/false (blank: goods), and codes anything else', () => {
    const answers = ['yes', 'Oui', '1', 'TRUE', 'no', 'non', '0', 'false', '', 'maybe', 'constructor'];
    const csv = [`${HEADER},service`, ...answers.map((answer, i) => `prd-${i},s${i},Coupe ${i},,25,20,unit,Salon,${answer}`)].join('\n');
    const { products, errors } = productsOfCsv(table(csv), options);
    expect(products.map((p) => p.product.service ?? false)).toEqual([true, true, true, true, false, false, false, false, false]);
    expect(products.filter((p) => !p.product.service).every((p) => !('service' in p.product))).toBe(true);
    expect(errors).toEqual([
      {
        row: 11,
        column: 'service',
        message: expect.stringMatching(/"maybe" is not yes or no/),
        code: 'invalid_service',
        params: { value: 'maybe' },
      },
      {
        row: 12,
        column: 'service',
        message: expect.stringMatching(/not yes or no/),
        code: 'invalid_service',
        params: { value: 'constructor' },
      },
    ]);
    // A file without the column (written before it existed) imports as goods.
    expect(productsOfCsv(table(`${HEADER}\nprd-1,a,A,,1,20,unit,\n`), options).products[0]?.product).not.toHaveProperty('service');
  });

  it('refuses a header without the known columns, or with others', () => {
    const { errors } = productsOfCsv(table('id,sku,nom,price\n1,a,b,1\n'), options);
    expect(errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'nom', message: expect.stringMatching(/unknown column "nom"/), code: 'unknown_column', params: { name: 'nom' } },
        { row: 1, column: 'barcodes', message: expect.stringMatching(/no barcodes column/), code: 'missing_column' },
      ]),
    );
  });
});
