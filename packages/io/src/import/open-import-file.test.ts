import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { beforeAll, expect, test } from 'vitest';
import { guessMapping, loadMappingFile, openImportFile, type ParsedRow } from './open-import-file.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attain-open-import-'));
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function rowsOf(source: { rows: AsyncIterable<ParsedRow> }): Promise<ParsedRow[]> {
  const rows: ParsedRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
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

const NO_OPPORTUNITY = {
  externalId: null,
  name: null,
  account: null,
  owner: null,
  product: null,
  stage: null,
  status: null,
  probability: null,
  forecastCategory: null,
  amount: null,
  currency: null,
  createdDate: null,
  closeDate: null,
  type: null,
  partner: null,
};
const opportunity = (row: number, values: Partial<Record<keyof typeof NO_OPPORTUNITY, string>>): ParsedRow => ({
  row,
  values: { ...NO_OPPORTUNITY, ...values },
  issues: [],
});

test('the Salesforce report export through the salesforce preset', async () => {
  const source = await openImportFile(join(FIXTURES, 'salesforce-opportunities-report.csv'), {
    entity: 'opportunities',
    preset: 'salesforce',
  });
  expect(source.unknownColumns).toEqual(['Next Step', 'Lead Source']);
  expect(source.columnSources).toMatchObject({ externalId: 'Opportunity ID', status: 'derived from Closed|Won' });
  const sf = (externalId: string) => `0065e00000A1bC${externalId}AAJ`;
  expect(await rowsOf(source)).toEqual([
    // "125,000.00" -> 125000.00; 3/28/2026 US date; Upgrade -> expansion; Closed 0, Won 0 -> open
    opportunity(2, {
      externalId: sf('2'),
      name: 'Northwind - Platform Expansion',
      account: 'Northwind Traders',
      owner: 'Maria Lopez',
      stage: 'Negotiation/Review',
      status: 'open',
      probability: '90',
      forecastCategory: 'commit',
      amount: '125000.00',
      createdDate: '2025-11-02',
      closeDate: '2026-03-28',
      type: 'expansion',
    }),
    opportunity(3, {
      externalId: sf('3'),
      name: 'Contoso - New Logo',
      account: 'Contoso Ltd',
      owner: 'Maria Lopez',
      stage: 'Closed Won',
      status: 'won',
      probability: '100',
      forecastCategory: 'closed',
      amount: '48500.00',
      createdDate: '2025-10-20',
      closeDate: '2026-02-14',
      type: 'new_business',
    }),
    // Replacement -> renewal; Closed 1, Won 0 -> lost
    opportunity(4, {
      externalId: sf('4'),
      name: 'Fabrikam - Renewal FY26',
      account: 'Fabrikam, Inc.',
      owner: 'Kenji Watanabe',
      stage: 'Closed Lost',
      status: 'lost',
      probability: '0',
      forecastCategory: 'omitted',
      amount: '0.00',
      createdDate: '2025-09-01',
      closeDate: '2026-01-30',
      type: 'renewal',
    }),
    // doubled quotes in the name; "Next Step" held a newline, so this record spans two lines but is row 5
    opportunity(5, {
      externalId: sf('5'),
      name: '"Tailspin" - Data add-on',
      account: 'Tailspin Toys',
      owner: 'Kenji Watanabe',
      stage: 'Proposal/Price Quote',
      status: 'open',
      probability: '75',
      forecastCategory: 'best_case',
      amount: '18250.50',
      createdDate: '2026-01-12',
      closeDate: '2026-04-15',
      type: 'expansion',
    }),
    opportunity(6, {
      externalId: sf('6'),
      name: 'Adventure Works - EMEA rollout',
      account: 'Adventure Works',
      owner: 'Aisha Bello',
      stage: 'Qualification',
      status: 'open',
      probability: '10',
      forecastCategory: 'pipeline',
      amount: '310000.00',
      createdDate: '2026-02-02',
      closeDate: '2026-06-30',
      type: 'new_business',
    }),
    opportunity(7, {
      externalId: sf('7'),
      name: 'WWI - Usage true-up',
      account: 'Wide World Importers',
      owner: 'Aisha Bello',
      stage: 'Closed Won',
      status: 'won',
      probability: '100',
      forecastCategory: 'closed',
      amount: '7980.00',
      createdDate: '2026-02-20',
      closeDate: '2026-03-03',
      type: 'expansion',
    }),
    // blank amount -> null
    opportunity(8, {
      externalId: sf('8'),
      name: 'Litware - Pilot',
      account: 'Litware',
      owner: 'Maria Lopez',
      stage: 'Prospecting',
      status: 'open',
      probability: '10',
      forecastCategory: 'pipeline',
      createdDate: '2026-03-01',
      closeDate: '2026-05-31',
      type: 'new_business',
    }),
    // the formula-looking account name is kept as text; the footer lines after it are not rows
    opportunity(9, {
      externalId: sf('9'),
      name: 'Formula test account',
      account: '=HYPERLINK("http://example.invalid","click")',
      owner: 'Kenji Watanabe',
      stage: 'Needs Analysis',
      status: 'open',
      probability: '20',
      forecastCategory: 'pipeline',
      amount: '1000.00',
      createdDate: '2026-03-05',
      closeDate: '2026-07-15',
      type: 'new_business',
    }),
  ]);
});

test('the HubSpot deals export through the hubspot preset', async () => {
  const source = await openImportFile(join(FIXTURES, 'hubspot-deals-export.csv'), {
    entity: 'opportunities',
    preset: 'hubspot',
  });
  expect(source.unknownColumns).toEqual(['Pipeline']);
  expect(source.columnSources.status).toBe('derived from Is closed|Is Closed Won');
  expect(await rowsOf(source)).toEqual([
    // date-times keep their date; Is closed true, Is Closed Won true -> won; newbusiness -> new_business
    opportunity(2, {
      externalId: '9876543210',
      name: 'Globex - Annual subscription',
      account: 'Globex Corporation',
      owner: 'Priya Raman',
      stage: 'Closed won',
      status: 'won',
      forecastCategory: 'closed',
      amount: '54000',
      createdDate: '2025-12-01',
      closeDate: '2026-02-27',
      type: 'new_business',
    }),
    opportunity(3, {
      externalId: '9876543211',
      name: 'Initech - Seats expansion',
      account: 'Initech',
      owner: 'Priya Raman',
      stage: 'Contract sent',
      status: 'open',
      forecastCategory: 'commit',
      amount: '12000.5',
      createdDate: '2026-01-15',
      closeDate: '2026-04-10',
      type: 'expansion',
    }),
    opportunity(4, {
      externalId: '9876543212',
      name: 'Umbrella - POC',
      account: 'Umbrella Corp',
      owner: 'Tom Becker',
      stage: 'Appointment scheduled',
      status: 'open',
      forecastCategory: 'pipeline',
      createdDate: '2026-03-02',
      closeDate: '2026-06-30',
      type: 'new_business',
    }),
    // closed, not won -> lost; "Omit" -> omitted; existingbusiness -> expansion (HubSpot has no renewal type)
    opportunity(5, {
      externalId: '9876543213',
      name: 'Hooli - Renewal',
      account: 'Hooli',
      owner: 'Tom Becker',
      stage: 'Closed lost',
      status: 'lost',
      forecastCategory: 'omitted',
      amount: '23000',
      createdDate: '2025-11-11',
      closeDate: '2026-01-31',
      type: 'expansion',
    }),
    opportunity(6, {
      externalId: '9876543214',
      name: 'Stark - Platform',
      account: 'Stark Industries',
      owner: 'Priya Raman',
      stage: 'Decision maker bought-in',
      status: 'open',
      forecastCategory: 'best_case',
      amount: '180000',
      createdDate: '2026-02-20',
      closeDate: '2026-05-15',
      type: 'new_business',
    }),
  ]);
});

test('a preset takes columns in any order, without its optional columns, with unknown ones', async () => {
  const path = await file('sf-short.csv', 'Won,Closed,Custom Field,Opportunity ID,Amount\n1,1,x,006A,"(1,200.50)"\n');
  const source = await openImportFile(path, { entity: 'opportunities', preset: 'salesforce' });
  expect(source.unknownColumns).toEqual(['Custom Field']);
  expect(await rowsOf(source)).toEqual([opportunity(2, { externalId: '006A', status: 'won', amount: '-1200.50' })]);
});

test('every row-level issue names row, column, value and what was expected', async () => {
  const path = await file(
    'people.csv',
    'External ID,Name,Job Role,Hire Date,Currency\nP1,Ann,rep,2026-01-05,usd\n,Bob,Janitor,2026-02-30,dollars\n',
  );
  const [ok, bad] = await rowsOf(await openImportFile(path, { entity: 'people' }));
  expect(ok!.values).toMatchObject({ externalId: 'P1', jobRole: 'rep', hireDate: '2026-01-05', currency: 'USD' });
  expect(bad!.issues.map((i) => i.message)).toEqual([
    'Row 3, column "Job Role": "Janitor" is not one of rep, manager, overlay, sdr, exec, ops',
    'Row 3, column "Hire Date": "2026-02-30" is not a date in YYYY-MM-DD',
    'Row 3, column "Currency": "dollars" is not an ISO 4217 currency code such as USD',
    'Row 3, column "External ID": a value is required (people.externalId)',
  ]);
  expect(bad!.issues.map((i) => [i.code, i.column, i.value])).toEqual([
    ['IMPORT_INVALID_ENUM', 'Job Role', 'Janitor'],
    ['IMPORT_INVALID_DATE', 'Hire Date', '2026-02-30'],
    ['IMPORT_INVALID_CURRENCY', 'Currency', 'dollars'],
    ['IMPORT_REQUIRED_VALUE', 'External ID', ''],
  ]);
  const accounts = await file('accounts.csv', 'externalId,name,employees,annualRevenue\nA1,Acme,12.5,1.234,56\n');
  // 5 cells under 4 headers (an unquoted "1.234,56"): the file is malformed, not just the row
  const shifted = await errorOf(async () => rowsOf(await openImportFile(accounts, { entity: 'accounts' })));
  expect(shifted.code).toBe('IMPORT_MALFORMED_FILE');
  const accounts2 = await file('accounts2.csv', 'externalId;name;employees;annualRevenue\nA1;Acme;12.5;1.234,56\n');
  const [row] = await rowsOf(await openImportFile(accounts2, { entity: 'accounts' }));
  expect(row!.issues.map((i) => [i.code, i.message])).toEqual([
    ['IMPORT_INVALID_INTEGER', 'Row 2, column "employees": "12.5" is not a whole number such as 12'],
    [
      'IMPORT_INVALID_NUMBER',
      'Row 2, column "annualRevenue": "1.234,56" is not a number such as 1250.00 or (1,250.00)',
    ],
  ]);
});

test('header-level problems throw before any row', async () => {
  const path = await file('deals.csv', 'Deal,Value\nD1,10\n');
  const missing = await errorOf(() => openImportFile(path, { entity: 'transactions' }));
  expect([missing.code, missing.message]).toEqual([
    'IMPORT_MISSING_COLUMN',
    "The file has no column for externalId, type, date, amount (required for transactions); the file's columns are: Deal, Value. Rename the column or map it with --map",
  ]);
  const mismatch = await errorOf(() =>
    openImportFile(path, { entity: 'accounts', mapping: { entity: 'opportunities', columns: { externalId: 'Deal' } } }),
  );
  expect(mismatch.code).toBe('MAPPING_ENTITY_MISMATCH');
  expect((await errorOf(() => openImportFile(join(dir, 'none.csv'), { entity: 'accounts' }))).code).toBe(
    'IMPORT_FILE_NOT_FOUND',
  );
  const pdf = await file('deals.pdf', '%PDF-1.7');
  expect((await errorOf(() => openImportFile(pdf, { entity: 'accounts' }))).code).toBe('IMPORT_UNKNOWN_FILE_TYPE');
  expect((await errorOf(() => openImportFile(path, { entity: 'quotas', preset: 'hubspot' }))).code).toBe(
    'IMPORT_PRESET_UNSUPPORTED',
  );
  const typo = await errorOf(() =>
    openImportFile(path, {
      entity: 'opportunities',
      mapping: { entity: 'opportunities', columns: { externalId: 'Dael' } },
    }),
  );
  expect([typo.code, typo.message]).toEqual(['IMPORT_MISSING_COLUMN', expect.stringContaining('externalId -> "Dael"')]);
  const dup = await file('dup.csv', 'id,name,id\n1,2,3\n');
  expect((await errorOf(() => openImportFile(dup, { entity: 'accounts' }))).code).toBe('IMPORT_DUPLICATE_COLUMN');
});

test('loadMappingFile reads YAML and reports the line of a problem', async () => {
  const good = await file('map.yaml', 'entity: opportunities\ncolumns:\n  externalId: Deal\n  amount: Value\n');
  const mapping = await loadMappingFile(good);
  const source = await openImportFile(join(dir, 'deals.csv'), { entity: 'opportunities', mapping });
  expect(source.columnSources).toEqual({ externalId: 'Deal', amount: 'Value' });
  expect((await rowsOf(source))[0]!.values).toMatchObject({ externalId: 'D1', amount: '10' });
  const bad = await file(
    'bad.yaml',
    'entity: opportunities\ncolumns:\n  externalId: Deal\ndefault:\n  currency: USD\n',
  );
  const error = await errorOf(() => loadMappingFile(bad));
  expect([error.code, error.details.line, error.details.path]).toEqual(['MAPPING_INVALID', 4, 'default']);
  expect((await errorOf(() => loadMappingFile(join(dir, 'nope.yaml')))).code).toBe('IMPORT_FILE_NOT_FOUND');
});

test('guessMapping is exported for the mapping screen', () => {
  expect(guessMapping(['Record ID', 'Amount'], 'opportunities')).toEqual({ amount: 'Amount', externalId: 'Record ID' });
});
