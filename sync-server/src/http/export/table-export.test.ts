import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { csvChunks } from './csv-writer';
import { exportLanguage, keysetBatches, type ExportColumn } from './export-table';
import { sendTableExport } from './send-export';
import { writeXlsx } from './xlsx-writer';

type Row = { id: number; name: string; amount: number | null; at: string };
const columns: ExportColumn<Row>[] = [
  { key: 'id', header: { fr: 'N°', en: 'No.' }, type: 'integer' },
  { key: 'name', header: { fr: 'Désignation', en: 'Name' } },
  { key: 'amount', header: { fr: 'Montant', en: 'Amount' }, type: 'money' },
  { key: 'at', header: { fr: 'Heure', en: 'Time' }, type: 'datetime' },
];
const at = '2026-12-07T10:15:00.000Z';

async function* once(rows: Row[]) {
  yield rows;
}

async function text(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/** The workbook exceljs reads from the bytes written. */
async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

/** Pages of `size` rows up to `total`, counting the pages read so far. */
function pages(total: number, size = 1000) {
  const read = { pages: 0 };
  const batches = keysetBatches<Row, number>(
    async (after, limit) => {
      // A database's round trip, as the route's keyset queries take.
      await new Promise((resolve) => setTimeout(resolve, 1));
      read.pages += 1;
      const start = (after ?? 0) + 1;
      return Array.from({ length: Math.max(0, Math.min(limit, total - start + 1)) }, (_, i) => ({
        id: start + i,
        name: `article ${start + i}`,
        amount: 1250,
        at,
      }));
    },
    (row) => row.id,
    size,
  );
  return { read, batches };
}

describe('table exports', () => {
  it('writes CSV with a byte order mark, the language’s dialect, RFC 4180 quoting and formulas disarmed', async () => {
    const rows: Row[] = [
      { id: 1, name: 'Café "crème"; grand', amount: 1250, at },
      { id: 2, name: '=HYPERLINK("http://x")', amount: -300, at },
      { id: 3, name: 'deux\nlignes', amount: null, at },
      { id: 4, name: '+33 1 23', amount: 0, at },
      { id: 5, name: '@SUM(A1)', amount: 5, at },
      { id: 6, name: '-2+3', amount: 5, at },
      { id: 7, name: '\tcmd', amount: 5, at },
    ];
    const fr = await text(csvChunks({ columns, batches: once(rows), lang: 'fr' }));
    expect(fr.startsWith('\uFEFFN°;Désignation;Montant;Heure\r\n')).toBe(true);
    expect(fr.split('\r\n').slice(1)).toEqual([
      `1;"Café ""crème""; grand";12,50;${at}`,
      `2;"'=HYPERLINK(""http://x"")";-3,00;${at}`,
      `3;"deux\nlignes";;${at}`,
      `4;'+33 1 23;0,00;${at}`,
      `5;'@SUM(A1);0,05;${at}`,
      `6;'-2+3;0,05;${at}`,
      `7;'\tcmd;0,05;${at}`,
      '',
    ]);
    const en = await text(csvChunks({ columns, batches: once(rows.slice(0, 1)), lang: 'en' }));
    expect(en).toBe(`\uFEFFNo.,Name,Amount,Time\r\n1,"Café ""crème""; grand",12.50,${at}\r\n`);
  });

  it('writes XLSX that exceljs reads back, with typed cells', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (chunk: Buffer) => parts.push(chunk));
    const ended = new Promise((resolve) => out.on('end', resolve));
    await writeXlsx({ columns, batches: once([{ id: 1, name: '=1+1 é', amount: 1250, at }]), lang: 'fr' }, out, 'clôtures');
    await ended;
    const workbook = await readBack(Buffer.concat(parts));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('clôtures');
    expect(sheet.getRow(1).values).toEqual([undefined, 'N°', 'Désignation', 'Montant', 'Heure']);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, '=1+1 é', 12.5, new Date(at)]);
  });

  it('picks the language from ?lang=, else Accept-Language, else French', () => {
    expect(exportLanguage('en', 'fr')).toBe('en');
    expect(exportLanguage(undefined, 'de-DE, en-GB;q=0.8, fr;q=0.5')).toBe('en');
    expect(exportLanguage(undefined, 'en;q=0.2, fr-CA')).toBe('fr');
    expect(exportLanguage(undefined, undefined)).toBe('fr');
  });

  // XLSX with fewer rows: reading a workbook back is slow, writing it is what is tested.
  it.each([
    ['csv', 50_000],
    ['xlsx', 10_000],
  ] as const)('streams %s rows (%i) in many chunks, reading pages as the client reads', async (format, total) => {
    const app = Fastify();
    const { read, batches } = pages(total);
    app.get('/rows', (request, reply) =>
      sendTableExport(request as never, reply, { format, name: 'rows', storeId: 'S1', columns, batches, totalRows: total }),
    );
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${address}/rows?lang=en`);
      expect(response.headers.get('x-total-rows')).toBe(String(total));
      expect(response.headers.get('transfer-encoding')).toBe('chunked');
      expect(response.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="rows-S1-\\d{4}-\\d{2}-\\d{2}\\.${format}"$`),
      );
      const reader = response.body!.getReader();
      const first = await reader.read();
      // The first bytes are out while pages are still unread: nothing waits for the whole file.
      expect(read.pages).toBeLessThan(51);
      const parts = [Buffer.from(first.value!)];
      for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(Buffer.from(next.value));
      expect(parts.length).toBeGreaterThan(3);
      expect(read.pages).toBe(total / 1000 + 1);
      const body = Buffer.concat(parts);
      if (format === 'csv') {
        const lines = body.toString('utf8').split('\r\n');
        expect(lines).toHaveLength(50_002);
        expect(lines[50_000]).toBe(`50000,article 50000,12.50,${at}`);
      } else {
        const workbook = await readBack(body);
        expect(workbook.worksheets[0]!.rowCount).toBe(total + 1);
      }
    } finally {
      await app.close();
    }
  });
});
