import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_NAMES } from '@attain/core/quality/rule-catalog.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

// The real binary on a temp data folder (or a fresh database of DATABASE_URL's server), holding one
// account with two open opportunities: one long past its close date and with no owner, one far
// in the future.
const data = mkdtempSync(join(tmpdir(), 'attain-check-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const env = () => (database ? { DATABASE_URL: database.url } : {});
const check = (...args: string[]) => runCli(['--data', data, 'check', ...args], { env: env() });

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    await store.db.insertInto('accounts').values({ id: 1, external_id: 'A-1', name: 'Acme' }).execute();
    await store.db
      .insertInto('opportunities')
      .values([
        { external_id: 'O-1', account_id: '1', amount: '100', status: 'open', close_date: '2001-01-31' },
        { external_id: 'O-2', account_id: '1', amount: '100', status: 'open', close_date: '2999-12-31' },
      ])
      .execute();
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

describe('attain check', () => {
  test('--format json prints exactly issues and summary, every rule counted, and exits 0', () => {
    const result = check('--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['issues', 'summary']);
    expect(Object.keys(report.summary)).toEqual([...RULE_NAMES].sort());
    expect(report.issues.filter((i: { rule: string }) => i.rule.startsWith('opportunity_'))).toEqual([
      {
        rule: 'opportunity_missing_fields',
        severity: 'error',
        entity: 'opportunities',
        id: 'O-1',
        message: 'missing owner',
      },
      {
        rule: 'opportunity_missing_fields',
        severity: 'error',
        entity: 'opportunities',
        id: 'O-2',
        message: 'missing owner',
      },
      {
        rule: 'opportunity_past_close_date',
        severity: 'warning',
        entity: 'opportunities',
        id: 'O-1',
        message: expect.stringMatching(/^open, with close date 2001-01-31: \d+ days before today/),
      },
    ]);
    expect(report.summary.account_without_territory).toBe(1);
    expect(report.summary.fx_rate_missing).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  test('--rule runs only the rules named; the table groups issues under each rule', () => {
    const result = check('--rule', 'opportunity_past_close_date', '--rule', 'fx_rate_missing');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^fx_rate_missing \(error\): 0 issues — /);
    expect(result.stdout).toMatch(
      /\nopportunity_past_close_date \(warning\): 1 issue — .*\n {2}O-1 {2}open, with close date/,
    );
    expect(result.stdout).toMatch(/\n1 issue \(0 errors, 1 warning\) from 2 rules\n$/);
  });

  test('an unknown rule or threshold is a usage error listing what exists', () => {
    const rule = check('--rule', 'opportunity_bogus');
    expect(rule.status).toBe(2);
    expect(rule.stderr).toContain('unknown rule "opportunity_bogus"');
    expect(rule.stderr).toContain('opportunity_past_close_date');
    const threshold = check('--threshold', 'staleDayz=3');
    expect(threshold.status).toBe(2);
    expect(threshold.stderr).toMatch(/No threshold named "staleDayz"; thresholds: staleDays, pushCount/);
    const bad = check('--threshold', 'staleDays=soon');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Threshold staleDays: "soon" is not a whole number');
  });
});
