// Writes export rows as an XLSX workbook with exceljs's streaming WorkbookWriter: every row is
// committed as it is added and strings are written inline (no shared-strings table), so memory
// stays flat however many rows there are. Cells are typed: dates are Excel dates shown yyyy-mm-dd,
// money and decimals are numbers (money with #,##0.00), integers are numbers; text cells are
// neutralised against formula injection exactly as in CSV. The header row is bold and frozen, with
// an autofilter over it; column widths come from the header and the first rows.
//
// Excel holds numbers as doubles, so a decimal string becomes a JS number here and only here, at
// the output edge; everything upstream keeps the exact decimal text.
import type { Writable } from 'node:stream';
import type { ColumnSpec } from '@attain/core/data/entity-columns.ts';
import ExcelJS from 'exceljs';
import { neutraliseCell } from './neutralise.ts';
import type { ExportRows } from './write-csv.ts';

export const MONEY_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
const INTEGER_FORMAT = '0';

/** Rows looked at to size the columns before the first one is written. */
const SAMPLE_ROWS = 200;
const MAX_WIDTH = 60;

export interface XlsxOptions {
  /** The worksheet's name (Excel allows 31 characters). */
  sheetName?: string;
}

/** Writes `rows` to `out` (a file path or a stream) and returns how many data rows were written. */
export async function writeXlsx(
  rows: ExportRows,
  columns: readonly ColumnSpec[],
  out: string | Writable,
  options: XlsxOptions = {},
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof out === 'string' ? { filename: out } : { stream: out }),
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet((options.sheetName ?? 'Export').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });

  const iterator = toAsyncIterator(rows);
  const sample: Record<string, string | null>[] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < SAMPLE_ROWS) {
    sample.push(next.value);
    next = await iterator.next();
  }

  sheet.columns = columns.map((column) => ({
    header: column.name,
    key: column.name,
    width: columnWidth(column, sample),
    style: numberFormat(column) ? { numFmt: numberFormat(column) } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  let count = 0;
  const add = (row: Record<string, string | null>) => {
    sheet.addRow(columns.map((column) => cellValue(column, row[column.name]))).commit();
    count += 1;
  };
  for (const row of sample) add(row);
  while (!next.done) {
    add(next.value);
    next = await iterator.next();
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

function numberFormat(column: ColumnSpec): string | undefined {
  if (column.kind === 'date') return DATE_FORMAT;
  if (column.kind === 'money') return MONEY_FORMAT;
  if (column.kind === 'integer') return INTEGER_FORMAT;
  return undefined;
}

/** The typed cell value: a Date (UTC midnight, which exceljs turns into the Excel day), a number or text. */
export function cellValue(column: ColumnSpec, value: string | null | undefined): Date | number | string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'date': {
      const [y, m, d] = value.split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    case 'money':
    case 'decimal':
    case 'integer': {
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    default:
      return neutraliseCell(column, value);
  }
}

function columnWidth(column: ColumnSpec, sample: readonly Record<string, string | null>[]): number {
  const floor = column.kind === 'date' ? 12 : column.kind === 'money' ? 14 : 8;
  const longest = sample.reduce((max, row) => Math.max(max, displayLength(column, row[column.name])), 0);
  // +2 for the autofilter button beside the header.
  return Math.min(MAX_WIDTH, Math.max(floor, column.name.length + 4, longest + 2));
}

function displayLength(column: ColumnSpec, value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  // Money shows with thousands separators and two decimals.
  if (column.kind === 'money') return Math.ceil(value.split('.')[0]!.length * 1.34) + 3;
  return neutraliseCell(column, value)!.length;
}

function toAsyncIterator<T>(rows: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
}
