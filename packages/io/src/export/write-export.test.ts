import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColumnSpec, ENTITY_COLUMNS } from '@attain/core/data/entity-columns.ts';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { writeCsv } from './write-csv.ts';
import { DATE_FORMAT, MONEY_FORMAT, writeXlsx } from './write-xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'attain-export-'));
const TRANSACTIONS = ENTITY_COLUMNS.transactions;
const BOM = '\uFEFF';
const HEADER = 'externalId,type,date,amount,currency,account,opportunity,product,owner,contractMonths,cancels';

const transaction = (over: Record<string, string | null>) => ({
  externalId: 'X-1',
  type: 'booking',
  date: '2026-02-01',
  amount: '1234567.89',
  currency: 'USD',
  account: 'A-1',
  opportunity: null,
  product: null,
  owner: null,
  contractMonths: '12',
  cancels: null,
  ...over,
});

// One row per dangerous first character, in the account column (text); its amount is negative,
// which must stay a number.
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
const dangerousRows = DANGEROUS.map((start, i) =>
  transaction({ externalId: `X-${i + 1}`, account: `${start}cmd|' /C calc'!A0`, amount: '-10.50' }),
);

async function readXlsx(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('writeCsv', () => {
  test('header, BOM, CRLF, RFC 4180 quoting, nulls as empty fields', async () => {
    const file = join(dir, 'quoting.csv');
    const count = await writeCsv(
      [transaction({ account: 'Acme, "The" Inc', owner: 'line\nbreak', product: 'Ünïcode' })],
      TRANSACTIONS,
      file,
    );
    expect(count).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(
      `${BOM}${HEADER}\r\nX-1,booking,2026-02-01,1234567.89,USD,"Acme, ""The"" Inc",,Ünïcode,"line\nbreak",12,\r\n`,
    );
  });

  test('an empty export still has its header row', async () => {
    const file = join(dir, 'empty.csv');
    expect(await writeCsv([], TRANSACTIONS, file)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`${BOM}${HEADER}\r\n`);
  });

  test('each dangerous first character is neutralised in text columns, not in amounts', async () => {
    const file = join(dir, 'dangerous.csv');
    await writeCsv(dangerousRows, TRANSACTIONS, file);
    const lines = readFileSync(file, 'utf8').slice(1).split('\r\n');
    expect(lines.slice(1, 7)).toEqual([
      `X-1,booking,2026-02-01,-10.50,USD,'=cmd|' /C calc'!A0,,,,12,`,
      `X-2,booking,2026-02-01,-10.50,USD,'+cmd|' /C calc'!A0,,,,12,`,
      `X-3,booking,2026-02-01,-10.50,USD,'-cmd|' /C calc'!A0,,,,12,`,
      `X-4,booking,2026-02-01,-10.50,USD,'@cmd|' /C calc'!A0,,,,12,`,
      `X-5,booking,2026-02-01,-10.50,USD,'\tcmd|' /C calc'!A0,,,,12,`,
      // A field holding a CR is quoted (RFC 4180), and neutralised inside the quotes.
      `X-6,booking,2026-02-01,-10.50,USD,"'\rcmd|' /C calc'!A0",,,,12,`,
    ]);
  });

  test('accepts an async iterable, as the store yields rows', async () => {
    async function* rows() {
      yield transaction({ externalId: 'X-1' });
      yield transaction({ externalId: 'X-2' });
    }
    expect(await writeCsv(rows(), TRANSACTIONS, join(dir, 'async.csv'))).toBe(2);
  });
});

describe('writeXlsx', () => {
  test('typed cells: a real date with yyyy-mm-dd, money with #,##0.00, integers and decimals as numbers', async () => {
    const file = join(dir, 'typed.xlsx');
    const count = await writeXlsx([transaction({})], TRANSACTIONS, file, { sheetName: 'transactions' });
    expect(count).toBe(1);
    const sheet = await readXlsx(file);
    expect(sheet.name).toBe('transactions');
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(TRANSACTIONS.findIndex((c) => c.name === name) + 1);
    expect(cell('date').type).toBe(ExcelJS.ValueType.Date);
    expect((cell('date').value as Date).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(cell('date').numFmt).toBe(DATE_FORMAT);
    expect(cell('amount').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('amount').value).toBe(1234567.89);
    expect(cell('amount').numFmt).toBe(MONEY_FORMAT);
    expect(cell('contractMonths').type).toBe(ExcelJS.ValueType.Number);
    expect(cell('contractMonths').value).toBe(12);
    expect(cell('externalId').type).toBe(ExcelJS.ValueType.String);
    expect(cell('owner').type).toBe(ExcelJS.ValueType.Null);

    const probability = ENTITY_COLUMNS.opportunities.find((c) => c.name === 'probability')!;
    const decimals = join(dir, 'decimal.xlsx');
    await writeXlsx([{ probability: '37.5' }], [probability], decimals);
    const decimalCell = (await readXlsx(decimals)).getRow(2).getCell(1);
    expect([decimalCell.type, decimalCell.value]).toEqual([ExcelJS.ValueType.Number, 37.5]);
  });

  test('header row bold and frozen, autofilter over it, columns wide enough for the header', async () => {
    const file = join(dir, 'header.xlsx');
    await writeXlsx([transaction({ account: 'A fairly long account name for the width' })], TRANSACTIONS, file);
    const sheet = await readXlsx(file);
    expect(sheet.getRow(1).values).toEqual([undefined, ...TRANSACTIONS.map((c) => c.name)]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K1');
    const width = (name: string) => sheet.getColumn(TRANSACTIONS.findIndex((c) => c.name === name) + 1).width!;
    expect(width('contractMonths')).toBeGreaterThanOrEqual('contractMonths'.length);
    expect(width('account')).toBeGreaterThanOrEqual('A fairly long account name for the width'.length);
  });

  test('each dangerous first character is neutralised in text cells; negative amounts stay numbers', async () => {
    const file = join(dir, 'dangerous.xlsx');
    await writeXlsx(dangerousRows, TRANSACTIONS, file);
    const sheet = await readXlsx(file);
    DANGEROUS.forEach((start, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
      // XML reads a bare CR back as LF (line-end normalisation); the guard quote is there either way.
      const kept = start === '\r' ? '\n' : start;
      expect(row.getCell(6).value).toBe(`'${kept}cmd|' /C calc'!A0`);
      expect(row.getCell(4).value).toBe(-10.5);
    });
  });

  test('an empty export is a sheet with its header row', async () => {
    const file = join(dir, 'empty.xlsx');
    expect(await writeXlsx([], TRANSACTIONS, file)).toBe(0);
    const sheet = await readXlsx(file);
    expect(sheet.rowCount).toBe(1);
  });

  test('every column kind of every entity writes (a smoke test over the canonical table)', async () => {
    for (const [entity, columns] of Object.entries(ENTITY_COLUMNS) as [string, readonly ColumnSpec[]][]) {
      const row = Object.fromEntries(columns.map((c) => [c.name, sample(c)]));
      expect(await writeXlsx([row], columns, join(dir, `${entity}.xlsx`)), entity).toBe(1);
    }
  });
});

function sample(column: ColumnSpec): string {
  switch (column.kind) {
    case 'date':
      return '2026-12-31';
    case 'money':
    case 'decimal':
      return '12.5';
    case 'integer':
      return '3';
    case 'currency':
      return 'EUR';
    case 'enum':
      return column.values![0]!;
    default:
      return 'x';
  }
}
