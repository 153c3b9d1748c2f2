// attain import / export of plan assignments and MBO scores as a user runs them: plans loaded
// first, a clean file, the same file again, a bad file refused whole, export → import unchanged.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'attain-plan-assignments-'));
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
const json = (result: ReturnType<typeof attain>) => {
  expect(result.stderr).not.toContain('error');
  return JSON.parse(result.stdout);
};

test('assignments and scores import, re-import unchanged, and survive export → import', () => {
  const plan = file(
    'ae.yaml',
    'id: ae-usd\ncurrency: USD\ncomponents:\n  - { id: commission, kind: rate-table, tiers: [{ rate: 0.1 }] }\n  - { id: goals, kind: mbo, weight: 0.1 }\n',
  );
  expect(attain('comp', 'plan', 'load', plan).status).toBe(0);
  expect(attain('import', 'people', file('people.csv', 'externalId,name\nP-1,Ada\nP-2,Bob\n')).status).toBe(0);

  const assignments = file(
    'assignments.csv',
    'Person,Plan,Valid From,Valid To,Target Incentive,Currency\nP-1,ae-usd,2026-01-01,,"60,000.00",USD\nBob,AE-USD,2026-03-01,2027-01-01,50000,\n',
  );
  expect(json(attain('import', 'planAssignments', assignments, '--format', 'json'))).toMatchObject({
    created: 2,
    updated: 0,
  });
  expect(json(attain('import', 'planAssignments', assignments, '--format', 'json'))).toMatchObject({
    created: 0,
    unchanged: 2,
  });
  const scores = file('scores.csv', 'person,component,period,score\nP-1,goals,2026-03,0.8\n');
  expect(json(attain('import', 'mboScores', scores, '--format', 'json'))).toMatchObject({ created: 1 });

  for (const entity of ['planAssignments', 'mboScores']) {
    const out = join(dir, `${entity}.csv`);
    expect(attain('export', entity, '--out', out).status).toBe(0);
    expect(json(attain('import', entity, out, '--format', 'json'))).toMatchObject({ created: 0, updated: 0 });
  }
}, 180_000);

test('a bad file is refused whole: unknown plan, validTo not after validFrom, score out of range', () => {
  const bad = attain(
    'import',
    'planAssignments',
    file('bad.csv', 'person,plan,validFrom,validTo\nP-2,sdr-usd,2028-01-01,\nP-2,ae-usd,2029-01-01,2029-01-01\n'),
  );
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('IMPORT_INVALID');
  expect(bad.stderr).toContain('Row 2, column "plan": no plan with id "sdr-usd"');
  expect(bad.stderr).toContain('Row 3, column "validTo": validTo 2029-01-01 must come after validFrom 2029-01-01');
  const score = attain(
    'import',
    'mboScores',
    file('bad-scores.csv', 'person,component,period,score\nP-1,goals,2026-06,1.5\n'),
  );
  expect(score.status).toBe(1);
  expect(score.stderr).toContain('a score is between 0 and 1, not 1.5');
}, 180_000);
