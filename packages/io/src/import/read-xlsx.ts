// XLSX rows as cell arrays, streamed with exceljs's WorkbookReader: rows are read one at a time
// from the zip; only the shared-strings table (the workbook's distinct texts) is held in memory.
// The sheet is chosen by name, else the workbook's first sheet. Row numbers are the sheet's own.
// Cells become text: dates -> YYYY-MM-DD, numbers -> their decimal string (no exponent), formulas
// -> their cached result, rich text -> its plain text, booleans -> true/false, errors -> "#N/A"…
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import ExcelJS from 'exceljs';
import type { RawRow } from './read-csv.ts';

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

export async function* readXlsxRows(path: string, sheet?: string): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let found = false;
  try {
    // Every sheet is read to its end, the unwanted ones without yielding: exceljs parks sheets that
    // come before the shared strings in temp files, and leaving its reader half-way races with them.
    for await (const worksheet of workbook as AsyncIterable<SheetReader>) {
      const name = worksheet.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      const first = (workbook as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets?.[0]?.name;
      const wanted = sheet ?? first;
      const take = !found && (wanted === undefined || name === wanted);
      for await (const row of worksheet) if (take) yield { row: row.number, cells: cellsOf(row) };
      if (take) found = true;
    }
  } catch (error) {
    if (error instanceof AttainError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AttainError('IMPORT_MALFORMED_FILE', `${path} is not a readable XLSX workbook: ${message}`, { path });
  }
  if (found) return;
  throw new AttainError(
    'IMPORT_SHEET_NOT_FOUND',
    `${path} has no sheet named "${sheet}"; its sheets are: ${seen.join(', ')}`,
    { path, sheet, sheets: seen },
  );
}

function cellsOf(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(cells, (cell) => cell ?? '');
}

export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return isDateFormat(numFmt) ? excelDate(value) : decimalText(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, numFmt);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text, numFmt);
  }
  return String(value);
}

function decimalText(value: number): string {
  return Number.isFinite(value) ? new Decimal(value).toFixed() : '';
}

/** A number format that shows a date: has d or y outside quotes and brackets ("General" has neither). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[dy]/i.test(
    numFmt
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );
}

/** Excel's 1900 date system: serial 25569 is 1970-01-01; the time of day is dropped. */
function excelDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}
