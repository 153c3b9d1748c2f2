import { expect, test } from 'vitest';
import { type ForecastCallBasis, generateForecastCalls } from './generate-forecast-calls.ts';

const basis = (over: Partial<ForecastCallBasis>): ForecastCallBasis => ({
  personId: '7',
  period: '2026-Q3',
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  weekOf: '2026-08-03',
  currency: 'USD',
  won: '10000',
  commit: '20000',
  bestCase: '30000',
  pipeline: '50000',
  scope: 'own',
  ...over,
});

test('calls stay within the rules: won + 80–110 % of commit, cumulative, whole hundreds', () => {
  const weeks = ['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27', '2026-08-03'];
  const rows = generateForecastCalls(
    weeks.map((weekOf) => basis({ weekOf })),
    42,
  );
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    const [commit, bestCase, pipeline] = [row.commit_amount, row.best_case_amount, row.pipeline_amount].map(Number);
    // 10,000 + 0.8 × 20,000 = 26,000 ≤ commit ≤ 10,000 + 1.1 × 20,000 = 32,000
    expect(commit).toBeGreaterThanOrEqual(26000);
    expect(commit).toBeLessThanOrEqual(32000);
    expect(commit! % 100).toBe(0);
    expect(bestCase).toBeGreaterThanOrEqual(commit!);
    expect(bestCase! - commit!).toBeLessThanOrEqual(0.75 * 30000);
    expect(pipeline).toBeGreaterThanOrEqual(bestCase!);
    expect(row).toMatchObject({ scope: 'own', override: false, note: null, currency: 'USD' });
  }
});

test('deterministic from the seed; nothing to call, no call; overrides now and then, with a note', () => {
  const bases = [basis({}), basis({ won: '0', commit: '0', bestCase: '0', pipeline: '0', personId: '8' })];
  expect(generateForecastCalls(bases, 1)).toEqual(generateForecastCalls(bases, 1));
  expect(generateForecastCalls(bases, 1)).toHaveLength(1);
  const weeks = Array.from({ length: 40 }, (_, i) => basis({ scope: 'team', weekOf: `W${i}` }));
  const overrides = generateForecastCalls(weeks, 7);
  expect(overrides.length).toBeGreaterThan(3);
  expect(overrides.length).toBeLessThan(20);
  expect(overrides.every((r) => r.override && r.scope === 'team' && r.note)).toBe(true);
});
