import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellOf, type ExportCell, type ExportColumn, type ExportTable } from './export-table';

const NUMBER_FORMATS: Partial<Record<NonNullable<ExportColumn<unknown>['type']>, string>> = {
  integer: '0',
  money: '#,##0.00',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

function xlsxCell<Row>(column: ExportColumn<Row>, value: ExportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === 'money' && typeof value === 'number') return value / 100;
  if (column.type === 'datetime' && typeof value === 'string') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  return value;
}

/** Resolves once `out` can take more (or is gone): a slow download holds the database reads back. */
function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done).off('close', done);
      resolve();
    };
    out.on('drain', done).on('close', done);
  });
}

/**
 * Writes the table as an XLSX workbook of one sheet into `out`, row by row through exceljs's
 * streaming writer (each row committed is written out, never kept), and ends `out`. Cells are
 * typed: text stays text (a spreadsheet never runs it as a formula), numbers and dates are numbers.
 */
export async function writeXlsx<Row>(table: ExportTable<Row>, out: Writable, sheetName: string): Promise<void> {
  const { columns, lang } = table;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'export', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => {
    const numFmt = column.type ? NUMBER_FORMATS[column.type] : undefined;
    return {
      header: column.header[lang],
      key: column.key,
      width: Math.max(12, column.header[lang].length + 2),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of table.batches) {
    if (out.destroyed) return;
    for (const row of batch) sheet.addRow(columns.map((c) => xlsxCell(c, cellOf(c, row, lang)))).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}
