import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';

// Every XLSX the hub writes: one sheet written by exceljs's streaming writer (WorkbookWriter),
// rows committed as they come, so an export of a million rows never sits in memory. The header
// row is bold and frozen, every column has a filter button (autoFilter over the whole table),
// date columns hold real date cells (dd/mm/yyyy), and texts keep their line breaks (wrapped).

export type Cell = string | number | Date;

export interface XlsxOptions {
  /** 0-based columns holding Date values, shown as dd/mm/yyyy */
  dateColumns?: readonly number[];
}

/** What XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) is dropped. */
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 cannot carry
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cellValue(v: Cell): ExcelJS.CellValue {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const s = v.replace(NOT_XML, '');
  return s === '' ? null : s;
}

/** Pauses the writer while the reader has more than this waiting. */
const HIGH_WATER = 4 * 1024 * 1024;

/** Column letters as spreadsheets name them: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A one-sheet workbook as a byte stream: `header`, then the rows of each group `rows` yields.
 * An error while reading rows destroys the stream (the client sees a broken download, never
 * a truncated file that looks whole).
 */
export function xlsxStream(sheetName: string, header: readonly string[], rows: AsyncIterable<Cell[][]>, opts: XlsxOptions = {}): Readable {
  const out = new PassThrough();
  const dates = new Set(opts.dateColumns ?? []);
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Kariole';
    workbook.created = new Date(0);
    const sheet = workbook.addWorksheet(sheetName.replace(/[[\]*?:/\\]/g, ' ').slice(0, 31) || 'Feuille', {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    sheet.columns = header.map((_, i) => ({ width: dates.has(i) ? 12 : 20 }));
    // Wrapped text (line breaks between values), dates as dd/mm/yyyy. Each cell gets one of two
    // shared style objects: exceljs recognises a style object it has seen, so a million rows
    // cost two style lookups, not one per cell.
    const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
    const textStyle: Partial<ExcelJS.Style> = { alignment: wrap };
    const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy', alignment: wrap };
    const head = sheet.addRow(header.map((h) => h.replace(NOT_XML, '')));
    head.font = { bold: true };
    head.commit();
    let last = 1;
    for await (const group of rows) {
      for (const values of group) {
        const row = sheet.addRow(values.map(cellValue));
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cell.style = dates.has(col - 1) ? dateStyle : textStyle;
        });
        row.commit();
        last = row.number;
      }
      while (out.readableLength > HIGH_WATER && !out.destroyed) await once(out, 'data');
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: Math.max(1, header.length) } };
    sheet.commit();
    await workbook.commit();
  };
  write().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
