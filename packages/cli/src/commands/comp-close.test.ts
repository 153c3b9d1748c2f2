// attain comp payroll | amortization | statements through the real binary, on a temp data folder
// (or a fresh database of DATABASE_URL's server) holding the hand-made runs of
// store/comp/comp-close.test-helper.ts. Ben's name starts with "=" to show the file neutralises it.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedClose } from '@attain/store/comp/comp-close.test-helper.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const data = mkdtempSync(join(tmpdir(), 'attain-comp-close-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const comp = (args: string[]) =>
  runCli(['--data', data, 'comp', ...args], { env: database ? { DATABASE_URL: database.url } : {} });

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    await seedClose(store.db);
    await store.db.updateTable('people').set({ name: '=Ben Brooks' }).where('external_id', '=', 'E-BEN').execute();
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

test('payroll CSV: one row per paid payee, held payees as warnings', () => {
  const out = join(data, 'payroll.csv');
  const result = comp(['payroll', '--period', '2026-03', '--out', out]);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe(
    'warning: E-CAL (Cal Cruz) is held and not in the file: QUOTA_MISSING No bookings quota for FY2026\n' +
      `Wrote 2 payees of 2026-03 (run 4, approved) to ${out}\n`,
  );
  expect(readFileSync(out, 'utf8').split('\r\n')).toEqual([
    '\uFEFFemployeeId,name,payCurrency,amount,period,planCurrency,planAmount,fxRate,club,commission,new-logo,priorPeriodAdjustments,manualAdjustments,drawTopUp,drawRecovery',
    'E-ANA,Ana Alves,EUR,6080.00,2026-03,USD,7600.00,0.8,5000.00,1500.00,1000.00,-200.00,300.00,0.00,0.00',
    "E-BEN,'=Ben Brooks,USD,2000.00,2026-03,USD,2000.00,1,0.00,800.00,0.00,0.00,0.00,1200.00,0.00",
    '',
  ]);
});

test('payroll XLSX: typed amounts', async () => {
  const out = join(data, 'payroll.xlsx');
  expect(comp(['payroll', '--period', '2026-03', '--out', out]).status).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(4).value).toBe('amount');
  expect(sheet.getRow(2).getCell(4).value).toBe(6080);
  expect(sheet.getRow(3).getCell(2).value).toBe("'=Ben Brooks");
});

test('payroll of a draft period is refused with its status', () => {
  const result = comp(['payroll', '--period', '2026-04', '--out', join(data, 'draft.csv')]);
  expect(result.status).toBe(1);
  expect(result.stderr).toBe(
    'error PERIOD_NOT_APPROVED: Period 2026-04 is draft: approve its compensation run first\n',
  );
  expect(existsSync(join(data, 'draft.csv'))).toBe(false);
});

test('amortization as JSON and as a two-sheet workbook', async () => {
  const result = comp(['amortization', '--period', '2026-03', '--format', 'json']);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout);
  // Worked in store/comp/amortization-schedule.test.ts.
  expect(report.totals).toEqual([
    {
      currency: 'USD',
      openingBalance: '2200.00',
      capitalised: '2800.00',
      writtenDown: '200.00',
      amortisation: '179.80',
      expensedAsIncurred: '5800.00',
      totalExpense: '5979.80',
      closingBalance: '4620.20',
    },
  ]);
  expect(report.lines).toHaveLength(3);

  const out = join(data, 'asc.xlsx');
  const xlsx = comp([
    'amortization',
    '--period',
    '2026-03',
    '--benefit-months',
    '60',
    '--format',
    'xlsx',
    '--out',
    out,
  ]);
  expect(xlsx.status).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['summary 2026-03', 'schedule']);
  expect(workbook.worksheets[0]!.getRow(2).getCell(3).value).toBe(3300); // capitalised with a 60-month benefit
  expect(comp(['amortization', '--period', '2026-03', '--format', 'xlsx']).stderr).toContain('OUT_REQUIRED');
});

test('statements: one PDF per payee of the current run', () => {
  const dir = join(data, 'statements');
  const result = comp(['statements', '--period', '2026-03', '--out', dir]);
  expect(result.stderr).toBe(`Wrote 2 approved statements of 2026-03 to ${dir}\n`);
  expect(result.status).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['E-ANA-2026-03.pdf', 'E-BEN-2026-03.pdf']);
  const pdf = readFileSync(join(dir, 'E-ANA-2026-03.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = /\/Type\s*\/Pages\b[^>]*\/Count\s+(\d+)/.exec(pdf.toString('latin1'));
  expect(Number(pages?.[1])).toBeGreaterThan(0);
});

test('statements as HTML, for one payee', () => {
  const dir = join(data, 'html');
  const result = comp(['statements', '--period', '2026-04', '--out', dir, '--person', 'E-ANA', '--format', 'html']);
  expect(result.status).toBe(0);
  const html = readFileSync(join(dir, 'E-ANA-2026-04.html'), 'utf8');
  expect(html).toContain('<strong>Ana Alves</strong> (E-ANA)');
  expect(html).toContain('DRAFT');
  expect(comp(['statements', '--period', '2026-04', '--out', dir, '--person', 'E-CAL']).stderr).toBe(
    'error NOT_FOUND: E-CAL has no statement in 2026-04\n',
  );
});
