import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

// The real binary on a temp data folder (or a fresh database of DATABASE_URL's server) holding two
// accounts; A-1 moves from territory T-1 to T-2 on 2026-06-01.
const data = mkdtempSync(join(tmpdir(), 'attain-export-cli-'));
const out = mkdtempSync(join(tmpdir(), 'attain-export-out-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const attain = (...args: string[]) =>
  runCli(['--data', data, 'export', ...args], { env: database ? { DATABASE_URL: database.url } : {} });

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    await store.db
      .insertInto('accounts')
      .values([
        { id: 1, external_id: 'A-1', name: 'Acme', annual_revenue: '1234567.89' },
        { id: 2, external_id: 'A-2', name: '@risk Ltd' },
      ])
      .execute();
    await store.db
      .insertInto('territories')
      .values([
        { id: 1, external_id: 'T-1', name: 'West' },
        { id: 2, external_id: 'T-2', name: 'East' },
      ])
      .execute();
    await store.db
      .insertInto('territory_assignments')
      .values([
        { account_id: '1', territory_id: '1', valid_from: '2025-01-01', valid_to: '2026-06-01' },
        { account_id: '1', territory_id: '2', valid_from: '2026-06-01' },
      ])
      .execute();
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

describe('attain export', () => {
  test('CSV as of a date, with a message on stderr', () => {
    const file = join(out, 'accounts.csv');
    const result = attain('accounts', '--format', 'csv', '--out', file, '--as-of', '2026-05-31');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`Exported 2 accounts to ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(
      '\uFEFFexternalId,name,parent,industry,segment,country,region,city,employees,annualRevenue,potential,territory\r\n' +
        'A-1,Acme,,,,,,,,1234567.89,,T-1\r\n' +
        "A-2,'@risk Ltd,,,,,,,,,,\r\n",
    );
    attain('accounts', '--out', file, '--as-of', '2026-06-01');
    expect(readFileSync(file, 'utf8')).toContain('A-1,Acme,,,,,,,,1234567.89,,T-2\r\n');
  });

  test('XLSX, the format taken from the file name', async () => {
    const file = join(out, 'accounts.xlsx');
    const result = attain('accounts', '--out', file);
    expect(result.stderr).toBe(`Exported 2 accounts to ${file}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('accounts')!;
    expect(sheet.getRow(2).getCell(10).value).toBe(1234567.89);
    expect(sheet.getRow(2).getCell(12).value).toBe('T-2');
    expect(sheet.getRow(3).getCell(2).value).toBe("'@risk Ltd");
  });

  test('an unknown entity is a usage error listing the entities, and writes nothing', () => {
    const file = join(out, 'nothing.csv');
    const result = attain('acounts', '--out', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown entity "acounts"; expected one of orgUnits, people, products, accounts');
    expect(existsSync(file)).toBe(false);
  });

  test('--out is required and --format is csv or xlsx', () => {
    expect(attain('accounts').status).toBe(2);
    const format = attain('accounts', '--out', join(out, 'x.pdf'), '--format', 'pdf');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Allowed choices are csv, xlsx');
  });
});
