// A CSV or XLSX file as a header row and a stream of records keyed by header (DESIGN §4, issue 3).
// Never holds the file in memory: records are produced as the file is read.
//
// - The header is the first non-blank row; header names are trimmed; an empty header name becomes
//   "Column N" (so a value under it is listed as an unknown column, never silently lost); two
//   columns with the same name are IMPORT_DUPLICATE_COLUMN.
// - Blank rows (every cell empty or spaces) are skipped; `row` still counts them, so it is the row
//   number a spreadsheet shows (header = 1, first data row = 2). Cells are passed on untrimmed.
// - A value in a column with no header is IMPORT_MALFORMED_FILE (in a CSV it means a stray
//   delimiter or quote has shifted the row); a row with fewer cells gets "" for the rest.
// - Report footers are not rows. Salesforce ends a report export with a blank line, then
//   "Grand Totals (N records)", a confidentiality line and a copyright line. The footer is the run
//   of rows at the very end of the file that starts with a "Grand Totals…" row, or starts after a
//   blank row, and whose rows (but a Grand Totals row) have at most one non-empty cell. Such rows
//   are held back until the next real row (then they are data after all) or the end of the file
//   (then they are dropped); at most FOOTER_LIMIT are held, so memory stays bounded. Files with a
//   single column have no footer detection (every row has one cell).
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { type RawRow, readCsvRows } from './read-csv.ts';
import { readXlsxRows } from './read-xlsx.ts';

export interface TableRecord {
  row: number;
  record: Record<string, string>;
}

export interface Table {
  headers: string[];
  records: AsyncIterable<TableRecord>;
  /** Releases the file when the records will not be read to the end (reading to the end closes it). */
  close(): Promise<void>;
}

export type FileType = 'csv' | 'xlsx';

const FOOTER_LIMIT = 1000;
const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.tab']);

export async function readTable(path: string, options: { sheet?: string } = {}): Promise<Table> {
  const type = await fileTypeOf(path);
  const rows = type === 'csv' ? readCsvRows(path) : readXlsxRows(path, options.sheet);
  let header: RawRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (!isBlank(next.value.cells)) {
      header = next.value;
      break;
    }
  }
  if (!header) throw new AttainError('IMPORT_EMPTY_FILE', `${path} has no header row`, { path });
  const headers = headerNames(header.cells);
  const duplicates = headers.filter((name, i) => headers.indexOf(name) !== i);
  if (duplicates.length > 0) {
    await rows.return(undefined);
    throw new AttainError(
      'IMPORT_DUPLICATE_COLUMN',
      `${path} has more than one column named ${[...new Set(duplicates)].map((d) => `"${d}"`).join(', ')}; rename one`,
      { path, columns: [...new Set(duplicates)] },
    );
  }
  return {
    headers,
    records: dataRecords(rows, headers),
    close: async () => {
      await rows.return(undefined);
    },
  };
}

/** By content first (a zip is XLSX, an OLE file is a legacy .xls), then by extension. */
export async function fileTypeOf(path: string): Promise<FileType> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new AttainError('IMPORT_FILE_NOT_FOUND', `No file at ${path}`, { path });
  const handle = await open(path, 'r');
  const magic = Buffer.alloc(4);
  await handle.read(magic, 0, 4, 0).finally(() => handle.close());
  if (magic.toString('latin1') === 'PK\u0003\u0004') return 'xlsx';
  const extension = extname(path).toLowerCase();
  if (magic.toString('hex') === 'd0cf11e0') {
    throw new AttainError(
      'IMPORT_UNKNOWN_FILE_TYPE',
      `${path} is a legacy Excel (.xls) file; save it as .xlsx or CSV UTF-8`,
      { path, extension },
    );
  }
  if (CSV_EXTENSIONS.has(extension)) return 'csv';
  throw new AttainError(
    'IMPORT_UNKNOWN_FILE_TYPE',
    `${path} is neither CSV (.csv, .tsv, .txt) nor XLSX; export the data as one of those`,
    { path, extension },
  );
}

function headerNames(cells: string[]): string[] {
  return cells.map((cell, i) => cell.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`);
}

async function* dataRecords(rows: AsyncGenerator<RawRow>, headers: string[]): AsyncGenerator<TableRecord> {
  const footer: RawRow[] = [];
  let afterBlank = false;
  for await (const raw of rows) {
    const filled = raw.cells.filter((cell) => cell.trim() !== '').length;
    if (filled === 0) {
      afterBlank = true;
      continue;
    }
    const grandTotals = /^grand totals\b/i.test(raw.cells[0]?.trim() ?? '');
    const thin = filled <= 1 && headers.length >= 2;
    const footerLike = (thin && (afterBlank || footer.length > 0)) || (grandTotals && footer.length === 0);
    if (footerLike && footer.length < FOOTER_LIMIT) {
      footer.push(raw);
      continue;
    }
    for (const held of footer.splice(0)) yield toRecord(held, headers);
    yield toRecord(raw, headers);
    afterBlank = false;
  }
}

function toRecord(raw: RawRow, headers: string[]): TableRecord {
  const extra = raw.cells.findIndex((cell, i) => i >= headers.length && cell.trim() !== '');
  if (extra >= 0) {
    throw new AttainError(
      'IMPORT_MALFORMED_FILE',
      `Row ${raw.row} has a value in column ${extra + 1}, but the header has ${headers.length} columns (a stray delimiter or quote?): "${raw.cells[extra]}"`,
      { row: raw.row, column: extra + 1, value: raw.cells[extra] },
    );
  }
  return { row: raw.row, record: Object.fromEntries(headers.map((h, i) => [h, raw.cells[i] ?? ''])) };
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
