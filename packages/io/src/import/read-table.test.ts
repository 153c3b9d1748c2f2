import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import { readTable } from './read-table.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attain-read-table-'));
});

let files = 0;
async function file(content: string | Buffer, extension = 'csv'): Promise<string> {
  files += 1;
  const path = join(dir, `t${files}.${extension}`);
  await writeFile(path, content);
  return path;
}

async function read(path: string, sheet?: string) {
  const table = await readTable(path, { sheet });
  const records: { row: number; record: Record<string, string> }[] = [];
  for await (const record of table.records) records.push(record);
  return { headers: table.headers, records };
}

async function errorOf(run: () => Promise<unknown>): Promise<AttainError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    return error as AttainError;
  }
  throw new Error('expected an AttainError');
}

test('semicolon and tab delimiters are detected from the header line', async () => {
  const semicolon = await read(await file('id;name;amount\n1;Acme, Inc.;1.000\n'));
  expect(semicolon.headers).toEqual(['id', 'name', 'amount']);
  expect(semicolon.records).toEqual([{ row: 2, record: { id: '1', name: 'Acme, Inc.', amount: '1.000' } }]);
  const tab = await read(await file('id\tname\n1\tA;B,C\n', 'tsv'));
  expect(tab.records).toEqual([{ row: 2, record: { id: '1', name: 'A;B,C' } }]);
});

test('a UTF-8 BOM, Windows line ends, quoted newlines and doubled quotes', async () => {
  const text = '\uFEFF"id","name"\r\n"1","say ""hi""\r\nthen go"\r\n"2","Zoë"\r\n';
  const { headers, records } = await read(await file(text));
  expect(headers).toEqual(['id', 'name']);
  // row counts records, not lines: the quoted newline stays inside row 2
  expect(records).toEqual([
    { row: 2, record: { id: '1', name: 'say "hi"\r\nthen go' } },
    { row: 3, record: { id: '2', name: 'Zoë' } },
  ]);
});

test('UTF-16LE with BOM (Excel "Unicode text") is read', async () => {
  const path = await file(
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tname\r\n1\tZoë\r\n', 'utf16le')]),
    'txt',
  );
  expect((await read(path)).records).toEqual([{ row: 2, record: { id: '1', name: 'Zoë' } }]);
});

test('blank lines are skipped but counted; short rows are padded; cells are not trimmed', async () => {
  const { records } = await read(await file('a,b,c\n\n1, x ,3\n,,\n4\n5,6\n'));
  expect(records).toEqual([
    { row: 3, record: { a: '1', b: ' x ', c: '3' } },
    { row: 5, record: { a: '4', b: '', c: '' } },
    { row: 6, record: { a: '5', b: '6', c: '' } },
  ]);
});

test('the Salesforce report footer is not a row; one-cell rows followed by data are', async () => {
  const footer =
    'a,b\n1,2\n\n"Grand Totals (1 records)"\n\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n';
  expect((await read(await file(footer))).records).toEqual([{ row: 2, record: { a: '1', b: '2' } }]);
  const totalsWithSums = await read(await file('a,b\n1,2\nGrand Totals (1 records),2\n'));
  expect(totalsWithSums.records).toHaveLength(1);
  const notFooter = await read(await file('a,b\n1,2\n\nonly-a\n3,4\n'));
  expect(notFooter.records.map((r) => r.row)).toEqual([2, 4, 5]);
  const oneColumn = await read(await file('a\n1\n\n2\n'));
  expect(oneColumn.records.map((r) => r.record.a)).toEqual(['1', '2']);
});

test('header problems: duplicate names, empty names, values under no header, empty files', async () => {
  const error = await errorOf(async () => readTable(await file('Amount,Name, Amount \n1,2,3\n')));
  expect([error.code, error.message]).toEqual([
    'IMPORT_DUPLICATE_COLUMN',
    expect.stringContaining('more than one column named "Amount"'),
  ]);
  expect((await read(await file('a,,c\n1,2,3\n'))).headers).toEqual(['a', 'Column 2', 'c']);
  const shifted = await errorOf(async () => read(await file('a,b\n1,2,3\n4,5,,\n')));
  expect([shifted.code, shifted.details]).toEqual(['IMPORT_MALFORMED_FILE', { row: 2, column: 3, value: '3' }]);
  expect((await read(await file('a,b\n1,2,,\n'))).records).toHaveLength(1);
  expect((await errorOf(async () => readTable(await file('\n\n')))).code).toBe('IMPORT_EMPTY_FILE');
  expect((await errorOf(async () => read(await file('a,b\n"1,2\n')))).code).toBe('IMPORT_MALFORMED_FILE');
  expect(
    (await errorOf(async () => read(await file(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a]))))).code,
  ).toBe('IMPORT_INVALID_ENCODING');
});

test('unknown file types: by content, then extension', async () => {
  expect((await errorOf(async () => readTable(await file('{"a":1}', 'json')))).code).toBe('IMPORT_UNKNOWN_FILE_TYPE');
  const xls = await errorOf(async () => readTable(await file(Buffer.from('d0cf11e0a1b11ae1', 'hex'), 'xls')));
  expect([xls.code, xls.message]).toEqual(['IMPORT_UNKNOWN_FILE_TYPE', expect.stringContaining('legacy Excel (.xls)')]);
  expect((await errorOf(() => readTable(join(dir, 'missing.csv')))).code).toBe('IMPORT_FILE_NOT_FOUND');
  expect((await errorOf(() => readTable(dir))).code).toBe('IMPORT_FILE_NOT_FOUND');
});

test('XLSX: dates, numbers, a formula, rich text and booleans become text; the sheet is chosen by name', async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['not this one']);
  const sheet = workbook.addWorksheet('Deals');
  sheet.addRow(['Id', 'Close Date', 'Amount', 'Total', 'Name', 'Closed']);
  sheet.addRow(['D-1', new Date(Date.UTC(2026, 2, 28)), 125000.5, { formula: 'C2*2', result: 251001 }, 'Acme', true]);
  sheet.addRow([]);
  sheet.addRow([
    7,
    new Date(Date.UTC(2026, 1, 27, 16, 4)),
    0.1,
    { formula: 'C4+1', result: 1.1 },
    { richText: [{ text: 'Zo' }, { font: { bold: true }, text: 'ë' }] },
    false,
  ]);
  sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
  const path = join(dir, 'deals.xlsx');
  await workbook.xlsx.writeFile(path);

  const { headers, records } = await read(path, 'Deals');
  expect(headers).toEqual(['Id', 'Close Date', 'Amount', 'Total', 'Name', 'Closed']);
  expect(records).toEqual([
    {
      row: 2,
      record: {
        Id: 'D-1',
        'Close Date': '2026-03-28',
        Amount: '125000.5',
        Total: '251001',
        Name: 'Acme',
        Closed: 'true',
      },
    },
    {
      row: 4,
      record: { Id: '7', 'Close Date': '2026-02-27', Amount: '0.1', Total: '1.1', Name: 'Zoë', Closed: 'false' },
    },
  ]);
  expect((await read(path)).headers).toEqual(['not this one']);
  const missing = await errorOf(() => read(path, 'Pipeline'));
  expect([missing.code, missing.message]).toEqual([
    'IMPORT_SHEET_NOT_FOUND',
    expect.stringContaining('its sheets are: Notes, Deals'),
  ]);
});

// Any text a CRM can hold — delimiters, quotes, newlines, leading "=", unicode — comes back as written.
const awkward = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(
      'a,b',
      '"quoted"',
      'line\nbreak',
      'crlf\r\nx',
      '=SUM(A1)',
      '+1',
      ' padded ',
      'Zoë 日本 🎉',
      ';',
      '\t',
    ),
  )
  .filter((s) => !s.includes('\uFFFD'));
const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc
    .array(
      fc
        .array(awkward, { minLength: width, maxLength: width })
        .map(([first, second, ...rest]) => [`k${first}`, `v${second}`, ...rest]),
      { minLength: 1, maxLength: 20 },
    )
    .map((rows) => ({ headers: Array.from({ length: width }, (_, i) => `col ${i}`), rows })),
);

test('property: a table written with csv-stringify reads back identically', async () => {
  await fc.assert(
    fc.asyncProperty(table, fc.constantFrom(',', ';', '\t'), async ({ headers, rows }, delimiter) => {
      const path = await file(stringify([headers, ...rows], { delimiter, record_delimiter: 'windows' }));
      const read_ = await read(path);
      expect(read_.headers).toEqual(headers);
      expect(read_.records.map((r) => headers.map((h) => r.record[h]))).toEqual(rows);
    }),
    { numRuns: 60 },
  );
});
