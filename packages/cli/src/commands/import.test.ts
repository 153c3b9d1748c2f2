// attain import as a user runs it: a clean file, the same file again, a bad file (nothing written,
// every problem listed), --skip-invalid with its rejected-rows file, --dry-run, and a Salesforce
// report through its preset with --create-missing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../io/src/import/fixtures');
const dir = mkdtempSync(join(tmpdir(), 'attain-import-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const attain = (...args: string[]) =>
  runCli(['--data', join(dir, 'data'), ...args], {
    env: database ? { DATABASE_URL: database.url } : { DATABASE_URL: '' },
  });

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('a clean file is imported, and the same file again changes nothing', () => {
  const accounts = file(
    'accounts.csv',
    'External ID,Name,Industry\r\nA-1,Northwind,Retail\r\nA-2,"Contoso, Ltd",Software\r\n',
  );
  const first = attain('import', 'accounts', accounts);
  expect(first.stderr).toContain('2 accounts rows — 2 were created, 0 were updated, 0 unchanged');
  expect(first.status).toBe(0);
  const again = attain('import', 'accounts', accounts, '--format', 'json');
  expect(JSON.parse(again.stdout)).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, rejected: 0 });
});

test('a file with bad rows is refused whole, naming each row, column and value', () => {
  const people = file(
    'people.csv',
    'externalId,name,hireDate,manager\nP-1,Ada,2026-01-05,\nP-2,Grace,2026-13-01,\nP-3,Linus,2026-02-01,Nobody\n',
  );
  const result = attain('import', 'people', people);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/IMPORT_INVALID_DATE\s+Row 3, column "hireDate": "2026-13-01"/);
  expect(result.stderr).toMatch(
    /IMPORT_UNKNOWN_REFERENCE\s+Row 4, column "manager": no people with externalId or name "Nobody"/,
  );
  expect(result.stderr).toMatch(/error IMPORT_INVALID: people.csv: 2 problems in 2 rows; nothing was imported/);
  const dry = attain('import', 'people', people, '--dry-run', '--skip-invalid', '--format', 'json');
  expect(JSON.parse(dry.stdout)).toMatchObject({ created: 1, rejected: 2, dryRun: true });

  const skipped = attain('import', 'people', people, '--skip-invalid');
  expect(skipped.status).toBe(0);
  expect(skipped.stderr).toContain('1 were created');
  const rejected = join(dir, 'people.rejected.csv');
  expect(existsSync(rejected)).toBe(true);
  const lines = readFileSync(rejected, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('row,externalId,name,email,title,jobRole,manager,orgUnit,hireDate,termDate,currency,reason');
  expect(lines).toHaveLength(3);
});

test('a Salesforce report through its preset, creating the owners and accounts it names', () => {
  const report = join(FIXTURES, 'salesforce-opportunities-report.csv');
  const result = attain(
    'import',
    'opportunities',
    report,
    '--preset',
    'salesforce',
    '--create-missing',
    '--as-of',
    '2026-03-06',
    '--format',
    'json',
  );
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout)).toMatchObject({
    rows: 8,
    created: 8,
    rejected: 0,
    unknownColumns: ['Next Step', 'Lead Source'],
  });
  const again = attain(
    'import',
    'opportunities',
    report,
    '--preset',
    'salesforce',
    '--as-of',
    '2026-03-06',
    '--format',
    'json',
  );
  expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 8 });
});

test('usage errors: an unknown entity, a preset together with a mapping', () => {
  expect(attain('import', 'widgets', 'x.csv').status).toBe(2);
  const both = attain('import', 'accounts', 'x.csv', '--preset', 'salesforce', '--map', 'm.yaml');
  expect(both.status).toBe(2);
  const missing = attain('import', 'accounts', join(dir, 'nope.csv'));
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('IMPORT_FILE_NOT_FOUND');
});
