// attain comp plan load|list|show through the real binary, on a temp data folder (or a fresh
// database of DATABASE_URL's server).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const data = mkdtempSync(join(tmpdir(), 'attain-comp-plan-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const comp = (args: string[]) =>
  runCli(['--data', data, 'comp', 'plan', ...args], {
    env: { ...(database ? { DATABASE_URL: database.url } : {}), USER: 'alice' },
  });
const file = (name: string, text: string) => {
  const path = join(data, name);
  writeFileSync(path, text);
  return path;
};

const AE = `id: ae-usd
name: Account Executive
currency: USD
components:
  - id: commission
    kind: rate-table
    tiers:
      - { to: 100000, rate: 0.05 }
      - { rate: 0.10 }
`;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

test('load stores versions; the same file again changes nothing', () => {
  const path = file('ae.yaml', AE);
  expect(comp(['load', path])).toMatchObject({
    status: 0,
    stdout: 'Plan ae-usd version 1 (valid from 1900-01-01) loaded\n',
  });
  expect(comp(['load', path]).stdout).toBe(
    'Plan ae-usd version 1 (valid from 1900-01-01) unchanged: the file is its latest version\n',
  );
  const v2 = file('ae-v2.yaml', AE.replace('rate: 0.10', 'rate: 0.12'));
  expect(comp(['load', v2, '--valid-from', '2026-07-01']).stdout).toBe(
    'Plan ae-usd version 2 (valid from 2026-07-01) loaded\n',
  );
});

test('an invalid plan exits 1 with PLAN_INVALID, the file, the line and the path', () => {
  const path = file('bad.yaml', AE.replace('kind: rate-table', 'kind: rate-table\n    rates: 3'));
  const result = comp(['load', path]);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('PLAN_INVALID');
  expect(result.stderr).toContain(`${path} line 7: components.0.rates: unknown field`);
});

test('list shows the latest version per plan; show prints the YAML of a version', () => {
  const list = comp(['list', '--format', 'json']);
  expect(list.status).toBe(0);
  expect(JSON.parse(list.stdout).plans).toEqual([
    expect.objectContaining({ planId: 'ae-usd', version: 2, versions: 2, currency: 'USD', validFrom: '2026-07-01' }),
  ]);
  expect(comp(['list']).stdout).toMatch(
    /^plan\s+version\s+versions\s+currency\s+valid from\s+name\nae-usd\s+2\s+2\s+USD/,
  );
  expect(comp(['show', 'ae-usd', '--version', '1']).stdout).toBe(AE);
  expect(comp(['show', 'ae-usd']).stdout).toContain('rate: 0.12');
  const missing = comp(['show', 'nope']);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain('PLAN_NOT_FOUND');
});
