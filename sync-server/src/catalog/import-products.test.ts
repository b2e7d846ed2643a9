import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { serve } from '../cli/serve-command';
import { ean, headOffice, adminHeaders, productBody } from '../test-support/head-office';
import { testTargets } from '../test-support/test-databases';
import { client, enrolledTills, useTestHub } from '../test-support/test-hub';
import { collect } from '../test-support/output-collector';

const HEADER = 'id,sku,name,barcodes,price,vat_rate,measure,category';
const good = [
  HEADER,
  `prd-1,epi-1,Pâté de campagne,${ean(1)}|${ean(11)},"3,49",5.5,unit,Épicerie`,
  `prd-2,fru-1,"Pommes Gala, au kg",${ean(2)},2.99,FR-5.5,weight,Fruits`,
  `prd-3,dro-1,Savon,,1,20,unit,Droguerie`,
].join('\n');

/** The same file as French Excel saves it: semicolons, decimal commas, Windows-1252, CRLF. */
function frenchExcel(): Buffer {
  const text = [
    'id;sku;name;barcodes;price;vat_rate;measure;category',
    `prd-1;epi-1;Pâté de campagne;${ean(1)}|${ean(11)};3,49;5,5;unit;Épicerie`,
    `prd-2;fru-1;Pommes Gala, au kg;${ean(2)};2,99;5,5;weight;Fruits`,
  ].join('\r\n');
  return Buffer.from(new Uint8Array([...text].map((c) => (c === '’' ? 0x92 : c.charCodeAt(0)))));
}

for (const target of testTargets()) {
  describe.skipIf(target.skip)(`CSV import of products on ${target.name}`, () => {
    const ctx = useTestHub(target, { rateLimit: false });
    const dir = mkdtempSync(path.join(tmpdir(), 'pos-hub-import-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const office = async () => headOffice(ctx().hub, await adminHeaders(ctx().db));
    const catalog = async () =>
      (
        await ctx().db.query<{ id: string; seq: number; doc: { price: number; barcodes: string[]; name: string; measure: string } }>(
          "SELECT id, seq, doc FROM catalog_docs WHERE collection = 'products' ORDER BY id",
        )
      ).map((r) => [r.id, r.seq, r.doc.price, r.doc.measure]);

    it('imports a good file (with a byte order mark) in one go, with fresh sequences; the same file again changes nothing', async () => {
      const ho = await office();
      const first = await ho.importCsv(`\uFEFF${good}\n`);
      expect(first).toEqual({ status: 200, body: { rows: 3, written: 3, unchanged: 0, dryRun: false, lastSeq: 3 } });
      expect(await catalog()).toEqual([
        ['prd-1', 1, 349, 'unit'],
        ['prd-2', 2, 299, 'weight'],
        ['prd-3', 3, 100, 'unit'],
      ]);
      expect(await ho.importCsv(good)).toEqual({ status: 200, body: { rows: 3, written: 0, unchanged: 3, dryRun: false, lastSeq: null } });
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const pulled = await client(ctx().hub, till!).pull('products', 0, 10);
      expect(pulled.documents[1]).toEqual({
        id: 'prd-2',
        sku: 'FRU-1',
        name: 'Pommes Gala, au kg',
        barcodes: [ean(2)],
        words: ['pommes', 'gala', 'au', 'kg'],
        price: 299,
        currency: 'EUR',
        vatRateId: 'FR-5.5',
        measure: 'weight',
        category: 'Fruits',
        _deleted: false,
      });
    });

    it('reads a French Excel file: semicolons, decimal commas, Windows-1252', async () => {
      const ho = await office();
      expect(await ho.importCsv(frenchExcel(), '', 'text/csv; charset=windows-1252')).toMatchObject({
        status: 200,
        body: { rows: 2, written: 2 },
      });
      const [row] = await ctx().db.query<{ doc: { name: string; category: string; price: number } }>(
        "SELECT doc FROM catalog_docs WHERE id = 'prd-1'",
      );
      expect(row!.doc).toMatchObject({ name: 'Pâté de campagne', category: 'Épicerie', price: 349 });
    });

    it('one bad row: every error reported by row and column, and nothing imported', async () => {
      const ho = await office();
      await ho.putProduct('prd-old', productBody({ barcodes: [ean(99)] }));
      const file = [
        good,
        `prd-4,x,Wrong digit,3760000000018,1,20,unit,`,
        `prd-5,y,Taken barcode,${ean(99)},1,7,unit,`,
        `prd-6,z,Bad price,,"1,2,3",20,unit,`,
        `prd-7,w,Same as row 2,${ean(1)},1,20,unit,`,
      ].join('\n');
      const res = await ho.importCsv(file);
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        error: 'invalid_import',
        message: '4 rows have errors (5 in all): nothing was imported. Fix them and import the whole file again.',
        errorCount: 5,
        errors: [
          {
            row: 5,
            column: 'barcodes',
            message: expect.stringContaining('wrong check digit (the last digit should be 7)'),
            code: 'barcode_check_digit',
            params: { barcode: '3760000000018', expected: '7' },
          },
          {
            row: 6,
            column: 'vat_rate',
            message: expect.stringContaining('no known VAT rate is 7 %'),
            code: 'invalid_vat_rate',
            params: { value: '7' },
          },
          {
            row: 6,
            column: 'barcodes',
            message: `barcode ${ean(99)} already belongs to product prd-old (Pâté de campagne 200 g)`,
            code: 'barcode_taken',
            params: { barcode: ean(99), ownerId: 'prd-old', ownerName: 'Pâté de campagne 200 g' },
          },
          {
            row: 7,
            column: 'price',
            message: expect.stringContaining('"1,2,3" is not a price'),
            code: 'invalid_price',
            params: { value: '1,2,3' },
          },
          {
            row: 8,
            column: 'barcodes',
            message: `barcode ${ean(1)} is also on row 2`,
            code: 'duplicate_barcode',
            params: { barcode: ean(1), otherRow: '2' },
          },
        ],
      });
      expect((await catalog()).map((r) => r[0])).toEqual(['prd-old']);
      // A file replacing the owner of a barcode may move that barcode.
      const moved = [HEADER, `prd-old,epi-001,Pâté de campagne 200 g,,"3,49",5.5,unit,`, `prd-new,epi-9,New,${ean(99)},1,20,unit,`].join(
        '\n',
      );
      expect((await ho.importCsv(moved)).status).toBe(200);
    });

    it('imports the service column for tills, and refuses a file whose service is neither yes nor no', async () => {
      const ho = await office();
      const file = [
        `${HEADER},service`,
        `prd-1,coi-1,Coupe brushing,,35,20,unit,Salon,oui`,
        `prd-2,sha-1,Shampooing,,12,20,unit,Salon,non`,
      ];
      expect(await ho.importCsv(file.join('\n'))).toMatchObject({ status: 200, body: { rows: 2, written: 2 } });
      const [till] = await enrolledTills(ctx().db, 'S1', ['T1']);
      const [haircut, shampoo] = (await client(ctx().hub, till!).pull('products', 0, 10)).documents;
      expect(haircut).toMatchObject({ id: 'prd-1', service: true });
      expect(shampoo).not.toHaveProperty('service');
      expect(await ho.importCsv([...file, `prd-3,man-1,Manucure,,25,20,unit,Salon,peut-être`].join('\n'))).toMatchObject({
        status: 422,
        body: { errors: [{ row: 4, column: 'service', code: 'invalid_service', params: { value: 'peut-être' } }] },
      });
    });

    it('a dry run checks everything and imports nothing; refusals are clear', async () => {
      const ho = await office();
      expect(await ho.importCsv(good, '?dryRun=true')).toEqual({
        status: 200,
        body: { rows: 3, written: 3, unchanged: 0, dryRun: true, lastSeq: null },
      });
      expect(await catalog()).toEqual([]);
      expect(await ho.importCsv(`${HEADER}\n`)).toMatchObject({
        status: 422,
        body: { errors: [{ row: 2, message: expect.stringContaining('no product rows') }] },
      });
      expect(await ho.importCsv('')).toMatchObject({
        status: 422,
        body: { error: 'invalid_import', errors: [{ row: 1, message: expect.stringContaining('empty') }] },
      });
      expect(await ho.call('POST', '/api/v1/admin/imports/products', { rows: [] })).toMatchObject({
        status: 415,
        body: { error: 'bad_request' },
      });
      const anonymous = await ctx().hub.app.inject({
        method: 'POST',
        url: '/api/v1/admin/imports/products',
        headers: { 'content-type': 'text/csv' },
        payload: good,
      });
      expect(anonymous.statusCode).toBe(401);
    });

    it('npm run hub -- import: through the running hub (PGlite) or PostgreSQL directly; --dry-run; row errors printed, exit 1', async () => {
      const dataDir = path.join(dir, 'data');
      const env = target.name === 'postgres' ? { DATABASE_URL: ctx().database.url! } : {};
      // PGlite: a hub serving the data directory takes the import (one process per directory).
      const hub = target.name === 'pglite' ? await serve({ database: { kind: 'pglite', dataDir }, port: 0, host: '127.0.0.1' }) : null;
      const cli = async (...argv: string[]) => {
        const out = collect();
        const err = collect();
        const code = await runCli([...argv, '--data-dir', dataDir], {
          stdout: out.stream,
          stderr: err.stream,
          env,
          untilStopped: () => new Promise(() => undefined),
        });
        return { code, out: out.text(), err: err.text() };
      };
      try {
        writeFileSync(path.join(dir, 'good.csv'), good);
        writeFileSync(path.join(dir, 'bad.csv'), `${good}\nprd-9,x,Bad,3760000000018,abc,20,unit,\n`);
        expect(await cli('import', path.join(dir, 'good.csv'), '--dry-run')).toMatchObject({
          code: 0,
          out: expect.stringContaining('3 products checked, no errors; 3 would be created or changed. Nothing imported'),
        });
        expect(await cli('import', path.join(dir, 'good.csv'))).toMatchObject({
          code: 0,
          out: expect.stringMatching(/3 products imported: 3 created or changed, 0 unchanged \(catalog sequence \d+\)/),
        });
        const bad = await cli('import', path.join(dir, 'bad.csv'));
        expect(bad.code).toBe(1);
        expect(bad.err).toContain('1 row has errors (2 in all): nothing was imported');
        expect(bad.err).toContain('  row 5, barcodes: barcode 3760000000018 has a wrong check digit');
        expect(bad.err).toContain('  row 5, price: "abc" is not a price');
        expect(await cli('import', path.join(dir, 'missing.csv'))).toMatchObject({ code: 1, err: expect.stringContaining('Cannot read') });
        expect(await cli('import')).toMatchObject({ code: 2, err: expect.stringContaining('import needs the CSV file') });
      } finally {
        await hub?.close();
      }
    });
  });
}
