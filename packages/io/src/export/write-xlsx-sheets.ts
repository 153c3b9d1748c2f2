// A workbook of several small sheets (a report: a summary and its detail), each with its own
// columns, typed and neutralised cell by cell exactly as write-xlsx.ts does for one big sheet.
// Not streamed: for reports of thousands of rows, not exports of millions.
import type { ColumnSpec } from '@attain/core/data/entity-columns.ts';
import ExcelJS from 'exceljs';
import { cellValue, DATE_FORMAT, MONEY_FORMAT } from './write-xlsx.ts';

export interface XlsxSheet {
  name: string;
  columns: readonly ColumnSpec[];
  rows: readonly Record<string, string | null>[];
}

export async function writeXlsxSheets(sheets: readonly XlsxSheet[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: column.name,
      key: column.name,
      width: Math.max(12, column.name.length + 4),
      style: column.kind === 'money' ? { numFmt: MONEY_FORMAT } : column.kind === 'date' ? { numFmt: DATE_FORMAT } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(sheet.columns.map((column) => cellValue(column, row[column.name])));
  }
  await workbook.xlsx.writeFile(path);
}
