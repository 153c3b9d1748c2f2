// The forecast models on the hand-built history of forecast-fixture.test-helper.ts (figures worked
// there and below), and the no-look-ahead rule: deleting everything after the as-of date changes nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../open-store.ts';
import { openTestStore } from '../../test-store.ts';
import { AS_OF, PEOPLE, seedForecastHistory } from './forecast-fixture.test-helper.ts';
import { loadClosedHistory } from './load-forecast-inputs.ts';
import { runBacktest } from './run-backtest.ts';
import { FORECAST_METHODS, runForecast } from './run-forecast.ts';

let store: Store;
const ALL = { kind: 'all' } as const;
const run = (method: string, extra: object = {}) =>
  runForecast(store.db, ALL, { period: '2026-Q3', asOf: AS_OF, method, ...extra });

beforeAll(async () => {
  store = await openTestStore();
  await seedForecastHistory(store.db);
});
afterAll(async () => {
  await store.close();
});

describe('forecast run', () => {
  test('stage-weighted: won-to-date + Σ open × stage probability', async () => {
    // 500 won (O-3) + 1000 × 0.50 (O-1) + 2400 × 0.75 (O-2) = 500 + 500 + 1800 = 2800; O-4 is not seen yet
    expect(await run('stage-weighted')).toEqual({
      method: 'stage-weighted',
      period: '2026-Q3',
      asOf: AS_OF,
      expected: '2800.00',
      p10: null,
      p50: null,
      p90: null,
      wonToDate: '500.00',
      openPipeline: '3400.00',
      currency: 'USD',
    });
    // configured: Negotiation 50 → 500 + 500 + 1200 = 2200
    expect((await run('stage-weighted', { stageProbabilities: { Negotiation: '50' } })).expected).toBe('2200.00');
  });

  test('closed history: only deals whose state on the date is won/lost, one row per deal and stage', async () => {
    // H-1 Proposal won; H-2 lost; H-3 slipped (closed 05-04, after Q1); H-4 Negotiation won;
    // H-5 Proposal won + Negotiation won; O-3 Negotiation won (07-10, known by 07-15);
    // H-6 still open on 07-15 → not known.
    const history = await loadClosedHistory(
      store.db,
      ALL,
      { type: 'gregorian', fiscalYearStartMonth: 1 } as never,
      'quarter',
      AS_OF,
    );
    expect(history.flatMap((o) => Array(o.count ?? 1).fill(`${o.stage} ${o.outcome}`)).sort()).toEqual([
      'Negotiation won',
      'Negotiation won',
      'Negotiation won',
      'Proposal lost',
      'Proposal slipped',
      'Proposal won',
      'Proposal won',
    ]);
  });

  test('conversion: too few per stage (< 5), so all history: 5 won of 7', async () => {
    // 500 + (1000 + 2400) × 5/7 = 500 + 2428.571… = 2928.57
    expect((await run('conversion')).expected).toBe('2928.57');
  });

  test('monte carlo: seeded, reproducible, P10 ≤ P50 ≤ P90 inside [won, won + open]', async () => {
    const one = await run('monte-carlo', { seed: 42 });
    expect(await run('monte-carlo', { seed: 42 })).toEqual(one);
    const [p10, p50, p90] = [one.p10, one.p50, one.p90].map(Number) as [number, number, number];
    expect(500 <= p10 && p10 <= p50 && p50 <= p90 && p90 <= 3900).toBe(true);
    // the mean of 10,000 trials is near 2928.57 (the conversion expectation)
    expect(Math.abs(Number(one.expected) - 2928.57)).toBeLessThan(40);
  });

  test('time series: flat 100 a month → 300 for the quarter, no spread', async () => {
    // six months of 100 before July (Holt: level 100, trend 0); July–September forecast; the
    // 5,000 of 2026-07-20 is after the as-of date.
    const result = await run('timeseries');
    expect([result.expected, result.p10, result.p50, result.p90]).toEqual(['300.00', '300.00', '300.00', '300.00']);
  });

  test('ensemble: a weighted mean of the members, inside their range', async () => {
    const result = await run('ensemble');
    expect(result.p10).toBeNull();
    const members = [
      await run('stage-weighted'),
      await run('conversion'),
      await run('monte-carlo'),
      await run('timeseries', { series: 'won' }),
    ].map((m) => Number(m.expected));
    expect(Number(result.expected)).toBeGreaterThanOrEqual(Math.min(...members) - 0.01);
    expect(Number(result.expected)).toBeLessThanOrEqual(Math.max(...members) + 0.01);
  });

  test('a rep sees only their deals', async () => {
    // Raj: O-3 won 500 + O-1 1000 × 0.5 = 1000
    const raj = await runForecast(
      store.db,
      { kind: 'own', personIds: [PEOPLE.raj] },
      { period: '2026-Q3', asOf: AS_OF, method: 'stage-weighted' },
    );
    expect([raj.expected, raj.wonToDate, raj.openPipeline]).toEqual(['1000.00', '500.00', '1000.00']);
  });
});

describe('backtest (DESIGN §8)', () => {
  test('stage-weighted at week 3 of 2026-Q1 and 2026-Q2', async () => {
    // Q1 as of 01-15: nothing yet → 0; actual H-1 1000 → error −1
    // Q2 as of 04-15: H-4 1200 × .75 + H-5 2000 × .5 + H-6 400 × .75 = 900 + 1000 + 300 = 2200;
    //   actual (known 07-15) H-3 600 + H-4 1200 + H-5 2000 = 3800 → (2200 − 3800) ÷ 3800 = −0.4211
    // MAPE = (1 + 0.421053) ÷ 2 = 0.7105; bias = −0.7105
    expect(await runBacktest(store.db, ALL, { method: 'stage-weighted', week: 3, quarters: 2, today: AS_OF })).toEqual({
      method: 'stage-weighted',
      week: 3,
      periods: [
        { period: '2026-Q1', forecast: '0.00', actual: '1000.00', error: '-1.0000' },
        { period: '2026-Q2', forecast: '2200.00', actual: '3800.00', error: '-0.4211' },
      ],
      mape: '0.7105',
      bias: '-0.7105',
    });
  });

  test("the submitted calls: the top manager's team commit as of the week", async () => {
    // Q1: nobody had called → not listed; Q2: Vera 3000 → (3000 − 3800) ÷ 3800 = −0.2105
    const result = await runBacktest(store.db, ALL, { method: 'calls', week: 3, quarters: 2, today: AS_OF });
    expect(result.periods.map((p) => `${p.period} ${p.forecast} ${p.error}`)).toEqual(['2026-Q2 3000.00 -0.2105']);
    expect([result.mape, result.bias]).toEqual(['0.2105', '-0.2105']);
  });

  test('every method replays', async () => {
    for (const method of FORECAST_METHODS) {
      const result = await runBacktest(store.db, ALL, { method, week: 3, quarters: 2, today: AS_OF, seed: 1 });
      expect(result.periods).toHaveLength(2);
    }
  });

  test('a bad week is refused', async () => {
    await expect(runBacktest(store.db, ALL, { method: 'conversion', week: 0, today: AS_OF })).rejects.toThrow(/week/);
  });
});

describe('no look-ahead', () => {
  test('deleting everything after the as-of date changes no forecast', async () => {
    const before = [];
    for (const method of FORECAST_METHODS) before.push(await run(method, { seed: 9 }));
    for (const series of ['won', 'run-rate'] as const) before.push(await run('timeseries', { series }));
    await sql`delete from opportunity_snapshots where snapshot_date > ${AS_OF}::date`.execute(store.db);
    await sql`delete from transactions where date >= ${AS_OF}::date`.execute(store.db);
    await sql`delete from forecast_calls where week_of > ${AS_OF}::date`.execute(store.db);
    const after = [];
    for (const method of FORECAST_METHODS) after.push(await run(method, { seed: 9 }));
    for (const series of ['won', 'run-rate'] as const) after.push(await run('timeseries', { series }));
    expect(after).toEqual(before);
  });
});
