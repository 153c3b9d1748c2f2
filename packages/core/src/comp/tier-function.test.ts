import { describe, expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { marginalSlices, tierFunction } from './tier-function.ts';

const tiers = (...rows: [from: number, to: number | undefined, value: number][]) =>
  rows.map(([from, to, value]) => ({
    from: new Decimal(from),
    to: to === undefined ? undefined : new Decimal(to),
    value: new Decimal(value),
  }));
// 0–100: 5 %, 100–200: 10 %, 200+ 20 % (the last tier closed at 300 for the "past the end" cases)
const rates = tiers([0, 100, 0.05], [100, 200, 0.1], [200, 300, 0.2]);
const F = (method: 'marginal' | 'retroactive' | 'interpolated', x: number, t = rates) =>
  tierFunction(t, method, new Decimal(x)).toString();

describe('marginal: each slice of [0, x] at its own tier rate', () => {
  test.each([
    [0, '0'],
    [50, '2.5'], // 50 × 5 %
    [100, '5'], // 100 × 5 %; the boundary itself adds nothing yet
    [150, '10'], // 5 + 50 × 10 %
    [250, '25'], // 5 + 10 + 50 × 20 %
    [400, '55'], // past the last `to` the last rate goes on: 5 + 10 + 200 × 20 %
    [-10, '-0.5'], // below 0: x × the first rate
  ])('F(%s) = %s', (x, expected) => expect(F('marginal', x)).toBe(expected));
});

describe('retroactive: all of x at the rate of the tier x is in', () => {
  test.each([
    [99.99, '4.9995'], // 99.99 × 5 %
    [100, '10'], // a boundary belongs to the higher tier: 100 × 10 %
    [200, '40'], // 200 × 20 %
    [400, '80'], // past the last tier: 400 × 20 %
    [-10, '-0.5'], // -10 × 5 %
  ])('F(%s) = %s', (x, expected) => expect(F('retroactive', x)).toBe(expected));
});

describe('interpolated: each tier pays its amount spread evenly over [from, to)', () => {
  // 0–100 pays 4,000; 100–200 pays 6,000
  const amounts = tiers([0, 100, 4000], [100, 200, 6000]);
  test.each([
    [0, '0'],
    [60, '2400'], // 60 % of 4,000
    [100, '4000'],
    [120, '5200'], // 4,000 + 20 % of 6,000
    [250, '10000'], // both tiers full, nothing past the last `to`
    [-5, '0'], // below 0: nothing
  ])('F(%s) = %s', (x, expected) => expect(F('interpolated', x, amounts)).toBe(expected));
});

test('marginal slices add up to F(b) − F(a), in both directions and below zero', () => {
  const slices = marginalSlices(rates, new Decimal(-10), new Decimal(150));
  // -10..0 at 5 % = 0.5, 0..100 at 5 % = 5, 100..150 at 10 % = 5
  expect(slices.map((s) => [s.tier, s.from.toString(), s.to.toString(), s.earned.toString()])).toEqual([
    [0, '-10', '0', '0.5'],
    [0, '0', '100', '5'],
    [1, '100', '150', '5'],
  ]);
  const back = marginalSlices(rates, new Decimal(150), new Decimal(50));
  expect(back.reduce((s, x) => s.plus(x.earned), new Decimal(0)).toString()).toBe('-7.5'); // 2.5 − 10
});
