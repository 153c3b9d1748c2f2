// attain forecast run|backtest on the hand-built history of
// store/forecast/models/forecast-fixture.test-helper.ts (figures worked there and in the store
// tests), through the real binary.
import { AS_OF, seedForecastHistory } from '@attain/store/forecast/models/forecast-fixture.test-helper.ts';
import { describe, expect, test } from 'vitest';
import { seededCli } from '../seeded-cli.test-helper.ts';

const { run, json: runJson } = seededCli('forecast', seedForecastHistory);
const forecast = (...args: string[]) => run('forecast', ...args);
const json = (...args: string[]) => runJson('forecast', ...args);

describe('attain forecast', () => {
  test('run --method stage-weighted --format json: the contract shape', () => {
    // 500 won + 1000 × 0.50 + 2400 × 0.75 = 2800
    expect(json('run', '--period', '2026-Q3', '--as-of', AS_OF, '--method', 'stage-weighted')).toEqual({
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
  });

  test('run --method monte-carlo --seed: reproducible, with a distribution', () => {
    const args = ['run', '--period', '2026-Q3', '--as-of', AS_OF, '--method', 'monte-carlo', '--seed', '7'];
    const one = json(...args);
    expect(json(...args)).toEqual(one);
    expect(Number(one.p10) <= Number(one.p50) && Number(one.p50) <= Number(one.p90)).toBe(true);
  });

  test('backtest --format json: exactly the DESIGN §8 shape', () => {
    const result = json('backtest', '--method', 'stage-weighted', '--week', '3', '--quarters', '2', '--today', AS_OF);
    expect(result).toEqual({
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

  test('backtest --method calls, as a table', () => {
    const result = forecast('backtest', '--method', 'calls', '--week', '3', '--quarters', '2', '--today', AS_OF);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('calls backtest at week 3: MAPE 0.2105, bias -0.2105');
    expect(result.stdout).toMatch(/2026-Q2\s+3000\.00\s+3800\.00\s+-0\.2105/);
  });

  test('a bad method or week is refused with a message', () => {
    const method = forecast('run', '--period', '2026-Q3', '--method', 'crystal-ball');
    expect(method.status).not.toBe(0);
    expect(method.stderr).toMatch(/crystal-ball/);
    const week = forecast('backtest', '--method', 'conversion', '--week', '0');
    expect(week.status).not.toBe(0);
    expect(week.stderr).toMatch(/week/);
  });
});
