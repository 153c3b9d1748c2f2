// The forecast models on hand-worked figures (docs/forecasting.md).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { scoreForecasts } from './backtest.ts';
import { ageBucket, conversionForecast, learnConversion } from './conversion.ts';
import { ensemble, ensembleWeights } from './ensemble.ts';
import type { ClosedObservation, OpenDeal } from './forecast-inputs.ts';
import { monteCarlo } from './monte-carlo.ts';
import { parseStageProbabilities, stageWeighted } from './stage-weighted.ts';
import { fitSeries, timeSeriesForecast } from './time-series.ts';

const d = (v: string | number) => new Decimal(v);
const deal = (id: string, stage: string, amount: string, probability: string | null, ageDays = 10): OpenDeal => ({
  id,
  stage,
  amount: d(amount),
  probability: probability === null ? null : d(probability),
  ageDays,
});
const OPEN = [
  deal('a', 'Proposal', '1000.00', '50'),
  deal('b', 'Negotiation', '2000.00', '75'),
  deal('c', 'Prospecting', '400.00', null),
];

describe('stage-weighted', () => {
  test('won-to-date + Σ amount × snapshot probability', () => {
    // 500 + 1000 × 0.50 + 2000 × 0.75 + 400 × 0 = 500 + 500 + 1500 = 2500
    expect(stageWeighted(d(500), OPEN).expected.toFixed(2)).toBe('2500.00');
  });
  test('configured stage probabilities replace the snapshot ones', () => {
    // 500 + 1000 × 0.40 + 2000 × 0.75 + 400 × 0.10 = 500 + 400 + 1500 + 40 = 2440
    const configured = parseStageProbabilities('Proposal=40,Prospecting=10');
    expect(stageWeighted(d(500), OPEN, configured).expected.toFixed(2)).toBe('2440.00');
  });
  test('a bad probability list is refused', () => {
    expect(() => parseStageProbabilities('Proposal=140')).toThrow(/0–100/);
  });
});

describe('conversion', () => {
  const obs = (stage: string, ageDays: number, outcome: ClosedObservation['outcome'], n: number) =>
    Array.from({ length: n }, () => ({ stage, ageDays, outcome }));
  // Proposal aged 0–30: 6 observations, 3 won, 1 slipped, 2 lost → win 0.5, slip 1/6.
  // Negotiation (any age): 2 of age 100 (too few for the bucket) + 4 of age 10 → stage: 5 won of 6.
  const history = [
    ...obs('Proposal', 5, 'won', 3),
    ...obs('Proposal', 20, 'slipped', 1),
    ...obs('Proposal', 30, 'lost', 2),
    ...obs('Negotiation', 100, 'won', 2),
    ...obs('Negotiation', 10, 'won', 3),
    ...obs('Negotiation', 10, 'lost', 1),
  ];
  test('rates by stage and age bucket', () => {
    const rate = learnConversion(history).rates.find((r) => r.stage === 'Proposal' && r.ageBucket === '0-30')!;
    expect(rate.observations).toBe(6);
    expect(rate.winRate).toBeCloseTo(0.5, 12);
    expect(rate.slipRate).toBeCloseTo(1 / 6, 12);
    expect([ageBucket(30), ageBucket(31), ageBucket(181)]).toEqual(['0-30', '31-90', '181+']);
  });
  test('expected = won-to-date + Σ open × P(win in period), with fallbacks', () => {
    // a: Proposal 0–30 bucket (6 obs) → 0.5 → 500
    // b: Negotiation aged 100 → bucket has 2 (< 5) → stage 5/6 → 2000 × 5/6 = 1666.67
    // c: Prospecting, never seen → all history 10 won of 12 ... = (3+2+3)/12 = 8/12 → 400 × 2/3 = 266.67
    const b = deal('b', 'Negotiation', '2000.00', '75', 100);
    const result = conversionForecast(d(500), [OPEN[0]!, b, OPEN[2]!], history);
    expect(result.probabilities.map((p) => p.toFixed(4))).toEqual(['0.5000', '0.8333', '0.6667']);
    // 500 + 500 + 1666.666… + 266.666… = 2933.33
    expect(result.expected.toFixed(2)).toBe('2933.33');
  });
  test('grouped observations count as many', () => {
    const grouped = learnConversion([
      { stage: 'Proposal', ageDays: 5, outcome: 'won', count: 3 },
      { stage: 'Proposal', ageDays: 20, outcome: 'slipped', count: 1 },
      { stage: 'Proposal', ageDays: 30, outcome: 'lost', count: 2 },
    ]);
    expect(grouped.rates).toEqual(learnConversion(history).rates.filter((r) => r.stage === 'Proposal'));
  });
  test('no history: the snapshot probability', () => {
    expect(conversionForecast(d(0), OPEN, []).expected.toFixed(2)).toBe('2000.00');
  });
});

describe('monte carlo', () => {
  test('certain and impossible deals give exact figures', () => {
    const r = monteCarlo(d(100), OPEN, [1, 0, 1], { trials: 50, seed: 7 });
    // every trial: 100 + 1000 + 400 = 1500
    expect([r.expected, r.p10, r.p50, r.p90].map((x) => x!.toFixed(2))).toEqual([
      '1500.00',
      '1500.00',
      '1500.00',
      '1500.00',
    ]);
  });
  test('the mean converges on the expected value', () => {
    // E = 1000 × 0.5 + 2000 × 0.75 + 400 × 0.2 = 2080
    const r = monteCarlo(d(0), OPEN, [0.5, 0.75, 0.2], { trials: 20_000, seed: 3 });
    expect(Math.abs(r.expected.toNumber() - 2080)).toBeLessThan(25);
  });
  const deals = fc.array(
    fc.record({ cents: fc.integer({ min: 0, max: 10_000_000 }), p: fc.double({ min: 0, max: 1, noNaN: true }) }),
    { maxLength: 20 },
  );
  test('property: same seed, same output; P10 ≤ P50 ≤ P90; within [won, won + Σ open]', () => {
    fc.assert(
      fc.property(deals, fc.integer(), (rows, seed) => {
        const open = rows.map((r, i) => deal(String(i), 'S', (r.cents / 100).toFixed(2), null));
        const p = rows.map((r) => r.p);
        const one = monteCarlo(d(10), open, p, { trials: 200, seed });
        const two = monteCarlo(d(10), open, p, { trials: 200, seed });
        expect(two).toEqual(one);
        expect(one.p10!.lte(one.p50!) && one.p50!.lte(one.p90!)).toBe(true);
        const max = open.reduce((s, o) => s.plus(o.amount), d(10));
        expect(one.p10!.gte(10) && one.p90!.lte(max)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('time series', () => {
  test('a flat series forecasts itself, with no spread', () => {
    const r = timeSeriesForecast(Array(30).fill(d(100)), d(250), 2);
    // 250 seen + 2 × 100
    expect([r.expected, r.p10, r.p90].map((x) => x!.toFixed(2))).toEqual(['450.00', '450.00', '450.00']);
    expect(r.fit.kind).toBe('holt-winters');
  });
  test('a linear trend is followed (Holt, too short for seasons)', () => {
    // 10, 20, …, 100 → next three 110, 120, 130
    const fit = fitSeries([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 12, 3);
    expect(fit.kind).toBe('holt');
    expect(fit.forecasts.map((x) => Math.round(x))).toEqual([110, 120, 130]);
  });
  test('a pure seasonal pattern repeats', () => {
    const pattern = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120];
    const fit = fitSeries([...pattern, ...pattern, ...pattern], 12, 12);
    expect(fit.forecasts.map((x) => Math.round(x))).toEqual(pattern);
  });
  test('gap skips the months between the history and the period', () => {
    const r = timeSeriesForecast([d(1), d(2), d(3), d(4)], d(0), 1, { gap: 2 });
    // Holt on 1..4 → 5, 6, 7; gap 2 → 7
    expect(r.expected.toFixed(2)).toBe('7.00');
  });
  test('no history forecasts 0', () => {
    expect(timeSeriesForecast([], d(5), 3).expected.toFixed(2)).toBe('5.00');
  });
});

describe('backtest and ensemble', () => {
  test('MAPE and bias, an actual of 0 left out (DESIGN §8)', () => {
    // Q1: 110 vs 100 → +0.10; Q2: 80 vs 100 → −0.20; Q3: 50 vs 0 → excluded
    // MAPE = (0.10 + 0.20) ÷ 2 = 0.15; bias = (0.10 − 0.20) ÷ 2 = −0.05
    const a = scoreForecasts([
      { period: 'Q1', forecast: d(110), actual: d(100) },
      { period: 'Q2', forecast: d(80), actual: d(100) },
      { period: 'Q3', forecast: d(50), actual: d(0) },
    ]);
    expect([a.mape!.toFixed(4), a.bias!.toFixed(4), a.excluded]).toEqual(['0.1500', '-0.0500', 1]);
    expect(a.periods.map((p) => p.error?.toFixed(4) ?? null)).toEqual(['0.1000', '-0.2000', null]);
  });
  test('no scorable period: mape and bias null', () => {
    expect(scoreForecasts([{ period: 'Q1', forecast: d(1), actual: d(0) }]).mape).toBeNull();
  });
  test('weights by inverse MAPE', () => {
    // MAPE 0.10 and 0.30 → 1/0.1 = 10, 1/0.3 = 3.33…; weights 0.75, 0.25
    // expected = 1000 × 0.75 + 2000 × 0.25 = 1250
    const r = ensemble([
      { method: 'a', expected: d(1000), pastMape: d('0.10') },
      { method: 'b', expected: d(2000), pastMape: d('0.30') },
    ]);
    expect(r.weights.map((w) => w.toFixed(4))).toEqual(['0.7500', '0.2500']);
    expect(r.expected.toFixed(2)).toBe('1250.00');
  });
  test('no past accuracy: equal weights; a perfect method takes all', () => {
    const none = ensembleWeights([
      { method: 'a', expected: d(1), pastMape: null },
      { method: 'b', expected: d(1), pastMape: null },
    ]);
    expect(none.map((w) => w.toFixed(2))).toEqual(['0.50', '0.50']);
    const perfect = ensembleWeights([
      { method: 'a', expected: d(1), pastMape: d(0) },
      { method: 'b', expected: d(1), pastMape: d('0.2') },
      { method: 'c', expected: d(1), pastMape: null },
    ]);
    expect(perfect.map((w) => w.toFixed(2))).toEqual(['1.00', '0.00', '0.00']);
  });
});
