// The team grid on the hand-built team (forecast-fixture.test-helper.ts), 2026-Q3.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { PEOPLE, seedForecastCalls, seedForecastTeam } from './forecast-fixture.test-helper.ts';
import { type TeamCallRow, teamRollup } from './team-rollup.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedForecastTeam(store.db);
  await seedForecastCalls(store.db);
});
afterAll(async () => {
  await store?.close();
});

// one line per row, indented by depth: name source commit / best case / pipeline, won
const lines = (row: TeamCallRow, depth = 0): string[] => [
  `${'  '.repeat(depth)}${row.name} ${row.source} ${row.commit} / ${row.bestCase} / ${row.pipeline} won ${row.wonToDate}`,
  ...row.reports.flatMap((r) => lines(r, depth + 1)),
];

test('week of 07-06: Lee still reports to Vera; Mia rolls up her own call and her reps, Rosa at 1.10', async () => {
  const grid = await teamRollup(store.db, { kind: 'all' }, { person: 'P-VERA', period: '2026-Q3', week: '2026-07-08' });
  expect(grid.weekOf).toBe('2026-07-06');
  expect(grid.currency).toBe('USD');
  // Mia: own 0/100/200 + Raj 1000/2000/3000 + Rosa 1000/1500/2000 EUR × 1.10 = 1100/1650/2200 → 2100/3750/5400
  // Vera: Mia 2100/3750/5400 + Lee 2000/2000/2500 = 4100/5750/7900 (her override is for a later week)
  // Won through Sunday 07-12: Raj 1,000 (07-08), Lee 2,000 (07-10); Raj's 9,000 closed in Q2
  expect(lines(grid.team)).toEqual([
    'Vera rollup 4100.00 / 5750.00 / 7900.00 won 3000.00',
    '  Lee own 2000.00 / 2000.00 / 2500.00 won 2000.00',
    '  Mia rollup 2100.00 / 3750.00 / 5400.00 won 1000.00',
    '    Raj own 1000.00 / 2000.00 / 3000.00 won 1000.00',
    '    Rosa own 1100.00 / 1650.00 / 2200.00 won 0.00',
  ]);
  expect(grid.team.override).toBeNull();
  expect(grid.team.reports[1]!.ownCall).toMatchObject({
    commit: '0.00',
    bestCase: '100.00',
    pipeline: '200.00',
    currency: 'USD',
  });
});

test("week of 07-13: Lee has moved under Mia, Raj's newer call counts, Vera's override replaces her roll-up", async () => {
  const grid = await teamRollup(store.db, { kind: 'all' }, { person: 'P-VERA', period: '2026-Q3', week: '2026-07-19' });
  // Mia: 0 + 1500 + 1100 + 2000 = 4600; 100 + 2500 + 1650 + 2000 = 6250; 200 + 4000 + 2200 + 2500 = 8900
  expect(lines(grid.team)).toEqual([
    'Vera override 8000.00 / 10000.00 / 12000.00 won 3000.00',
    '  Mia rollup 4600.00 / 6250.00 / 8900.00 won 3000.00',
    '    Lee own 2000.00 / 2000.00 / 2500.00 won 2000.00',
    '    Raj own 1500.00 / 2500.00 / 4000.00 won 1000.00',
    '    Rosa own 1100.00 / 1650.00 / 2200.00 won 0.00',
  ]);
  expect(grid.team.rollup).toEqual({ commit: '4600.00', bestCase: '6250.00', pipeline: '8900.00' });
  expect(grid.team.override).toMatchObject({ note: "Lee's renewal slips to Q4", weekOf: '2026-07-13', scope: 'team' });
});

test("week of 08-03: Mia's override counts for her team in Vera's roll-up; Rosa's call at 1.20", async () => {
  const grid = await teamRollup(store.db, { kind: 'all' }, { person: 'P-MIA', period: '2026-Q3', week: '2026-08-03' });
  // roll-up: 0 + 1500 + 1200 + 2000 = 4700; 100 + 2500 + 1800 + 2000 = 6400; 200 + 4000 + 2400 + 2500 = 9100
  // won through 08-09: Raj 1,000 + Lee 2,000 + Rosa 500 EUR × 1.20 (08-05) = 3,600
  expect(lines(grid.team)).toEqual([
    'Mia override 5000.00 / 6000.00 / 9000.00 won 3600.00',
    '  Lee own 2000.00 / 2000.00 / 2500.00 won 2000.00',
    '  Raj own 1500.00 / 2500.00 / 4000.00 won 1000.00',
    '  Rosa own 1200.00 / 1800.00 / 2400.00 won 600.00',
  ]);
  expect(grid.team.rollup).toEqual({ commit: '4700.00', bestCase: '6400.00', pipeline: '9100.00' });
  const vera = await teamRollup(store.db, { kind: 'all' }, { person: 'P-VERA', period: '2026-Q3', week: '2026-08-03' });
  // Vera still has her 07-13 override; beneath it, her roll-up takes Mia's override
  expect(vera.team.rollup).toEqual({ commit: '5000.00', bestCase: '6000.00', pipeline: '9000.00' });
});

test('a week before any call: every row is none, zeros', async () => {
  const grid = await teamRollup(store.db, { kind: 'all' }, { person: 'P-MIA', period: '2026-Q3', week: '2026-06-29' });
  expect(lines(grid.team)).toEqual([
    'Mia rollup 0.00 / 0.00 / 0.00 won 0.00',
    '  Raj none 0.00 / 0.00 / 0.00 won 0.00',
    '  Rosa none 0.00 / 0.00 / 0.00 won 0.00',
  ]);
});

test('a viewer sees only the people visible to them today, and counts only those', async () => {
  // Mia's visibility without Lee (as if he had left her team since)
  const visibility = { kind: 'team' as const, personIds: [PEOPLE.mia, PEOPLE.raj, PEOPLE.rosa] };
  const grid = await teamRollup(store.db, visibility, { person: 'P-MIA', period: '2026-Q3', week: '2026-08-03' });
  // 4700 − 2000 = 2700; 6400 − 2000 = 4400; 9100 − 2500 = 6600
  expect(grid.team.rollup).toEqual({ commit: '2700.00', bestCase: '4400.00', pipeline: '6600.00' });
  expect(grid.team.reports.map((r) => r.name)).toEqual(['Raj', 'Rosa']);
  await expect(
    teamRollup(
      store.db,
      { kind: 'own', personIds: [PEOPLE.raj] },
      { person: 'P-MIA', period: '2026-Q3', week: '2026-08-03' },
    ),
  ).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
});

test('a bad period is FORECAST_INVALID', async () => {
  await expect(
    teamRollup(store.db, { kind: 'all' }, { person: 'P-MIA', period: '2026-Q5', week: '2026-08-03' }),
  ).rejects.toMatchObject({ code: 'FORECAST_INVALID' });
});
