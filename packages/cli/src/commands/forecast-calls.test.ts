// attain forecast submit | calls on the hand-built team of store/forecast/forecast-fixture.test-helper.ts
// (figures worked there and in store/forecast/team-rollup.test.ts), through the real binary.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedForecastTeam } from '@attain/store/forecast/forecast-fixture.test-helper.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const data = mkdtempSync(join(tmpdir(), 'attain-forecast-calls-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const forecast = (...args: string[]) =>
  runCli(['--data', data, 'forecast', ...args], { env: database ? { DATABASE_URL: database.url } : {} });

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    await seedForecastTeam(store.db);
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

const submit = (
  person: string,
  week: string,
  commit: string,
  bestCase: string,
  pipeline: string,
  ...more: string[]
) => {
  const result = forecast(
    'submit',
    '--person',
    person,
    '--period',
    '2026-Q3',
    '--week-of',
    week,
    '--commit',
    commit,
    '--best-case',
    bestCase,
    '--pipeline',
    pipeline,
    ...more,
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
};

test('submit: own calls, an override with its note; refused input exits 1 with the code', () => {
  expect(submit('P-RAJ', '2026-07-15', '1500', '2500', '4000')).toBe(
    'Call for Raj, 2026-Q3, week of 2026-07-13: commit 1500.00, best case 2500.00, pipeline 4000.00 USD\n',
  );
  submit('P-ROSA', '2026-07-13', '1000', '1500', '2000');
  const override = JSON.parse(
    submit('P-MIA', '2026-07-13', '5000', '6000', '9000', '--override', '--note', 'Two late deals', '--format', 'json'),
  );
  expect(override).toMatchObject({ person: 'P-MIA', scope: 'team', override: true, note: 'Two late deals' });
  expect(override.submittedBy).toMatch(/^cli:/);

  const bad = forecast(
    'submit',
    '--person',
    'P-RAJ',
    '--period',
    '2026-Q3',
    '--commit',
    '3',
    '--best-case',
    '2',
    '--pipeline',
    '1',
  );
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('FORECAST_INVALID');
});

test('calls: the team grid as of a week, as JSON, a table and CSV', () => {
  const json = forecast(
    'calls',
    '--period',
    '2026-Q3',
    '--as-of-week',
    '2026-07-13',
    '--manager',
    'P-MIA',
    '--format',
    'json',
  );
  expect(json.stderr).toBe('');
  const grid = JSON.parse(json.stdout);
  // roll-up: Raj 1500 + Rosa 1000 EUR × 1.10 = 1100 + Lee nothing = 2600 / 2500 + 1650 = 4150 / 4000 + 2200 = 6200
  expect(grid.team).toMatchObject({ source: 'override', commit: '5000.00', wonToDate: '3000.00' });
  expect(grid.team.rollup).toEqual({ commit: '2600.00', bestCase: '4150.00', pipeline: '6200.00' });

  const table = forecast('calls', '--period', '2026-Q3', '--as-of-week', '2026-07-13', '--manager', 'P-MIA');
  expect(table.stdout.split('\n')[0]).toBe('Forecast calls for 2026-Q3 as of the week of 2026-07-13, in USD');
  expect(table.stdout).toContain('Two late deals');

  // the head of the org by default; the week before the override Mia's row is her roll-up
  const csv = forecast('calls', '--period', '2026-Q3', '--as-of-week', '2026-07-06', '--format', 'csv');
  expect(csv.stdout.split('\n').slice(0, 4)).toEqual([
    'level,person,name,source,commit,best_case,pipeline,won_to_date,rollup_commit,rollup_best_case,rollup_pipeline,note',
    '0,P-VERA,Vera,rollup,0.00,0.00,0.00,3000.00,0.00,0.00,0.00,',
    '1,P-LEE,Lee,none,0.00,0.00,0.00,2000.00,,,,',
    '1,P-MIA,Mia,rollup,0.00,0.00,0.00,1000.00,0.00,0.00,0.00,',
  ]);
});
