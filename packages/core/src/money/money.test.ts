import fc from 'fast-check';
import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { minorUnits } from './currency.ts';
import { Decimal } from './decimal.ts';
import { addMoney, allocateMoney, formatAmount, money, roundMoney, sumMoney } from './money.ts';

test('roundMoney rounds half away from zero to the minor unit (DESIGN §3)', () => {
  expect(roundMoney(money('2.345', 'USD')).amount.toString()).toBe('2.35');
  expect(roundMoney(money('-2.345', 'USD')).amount.toString()).toBe('-2.35');
  expect(roundMoney(money('2.3449999', 'USD')).amount.toString()).toBe('2.34');
  expect(roundMoney(money('2.5', 'JPY')).amount.toString()).toBe('3'); // JPY has no minor unit
  expect(roundMoney(money('-1.0005', 'KWD')).amount.toString()).toBe('-1.001'); // KWD has three
});

test('formatAmount prints the minor unit and never "-0.00"', () => {
  expect(formatAmount(money('18000', 'USD'))).toBe('18000.00');
  expect(formatAmount(money('-0.004', 'USD'))).toBe('0.00');
  expect(formatAmount(money('-0.005', 'USD'))).toBe('-0.01');
  expect(formatAmount(money('-0.4', 'JPY'))).toBe('0');
});

test('combining currencies without an FX rate is CURRENCY_MISMATCH', () => {
  try {
    addMoney(money('1', 'USD'), money('1', 'EUR'));
    expect.unreachable('USD + EUR must throw');
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    expect((error as AttainError).code).toBe('CURRENCY_MISMATCH');
    expect((error as AttainError).details).toEqual({ left: 'USD', right: 'EUR' });
  }
});

test('allocateMoney rounds the cumulative and takes differences', () => {
  // 100.00 in thirds: cumulative 33.333… → 33.33, 66.666… → 66.67, 100 → 100.00;
  // parts 33.33, 33.34, 33.33.
  const parts = allocateMoney(money('100', 'USD'), [1, 1, 1]);
  expect(parts.map(formatAmount)).toEqual(['33.33', '33.34', '33.33']);
  // A quarter split by days of its months (31, 28, 31 of 90): 1,000.00 × 31/90 = 344.444… → 344.44;
  // × 59/90 = 655.555… → 655.56, so February gets 311.12; March 1,000.00 − 655.56 = 344.44.
  expect(allocateMoney(money('1000', 'USD'), [31, 28, 31]).map(formatAmount)).toEqual(['344.44', '311.12', '344.44']);
  expect(() => allocateMoney(money('1', 'USD'), [0, 0])).toThrow(AttainError);
  // One weight of 50 significant digits: total × w ÷ w came back a hair under −…0695, which
  // rounded to −…069 instead of the total's −…070 (a counterexample fast-check found).
  const w = new Decimal(45376).div(103);
  expect(allocateMoney(money('-70576620804.0695', 'KWD'), [w]).map(formatAmount)).toEqual(['-70576620804.070']);
});

const currencies = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD');
// Totals with up to 6 decimals, so they are rarely already rounded; positive and negative.
const totals = fc
  .bigInt({ min: -(10n ** 17n), max: 10n ** 17n })
  .map((units) => new Decimal(units.toString()).div(1e6));
// Period weights: day counts, or fractions such as prorations; zeros allowed but not all zero.
const weights = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 400 }),
      fc
        .tuple(fc.integer({ min: 0, max: 10 ** 6 }), fc.integer({ min: 1, max: 997 }))
        .map(([a, b]) => new Decimal(a).div(b)),
    ),
    { minLength: 1, maxLength: 24 },
  )
  .filter((ws) => ws.some((w) => !new Decimal(w).isZero()));

test('allocateMoney never loses or gains a cent: the parts add up to the rounded total', () => {
  fc.assert(
    fc.property(totals, weights, currencies, (amount, ws, currency) => {
      const total = money(amount, currency);
      const parts = allocateMoney(total, ws);
      const scale = new Decimal(10).pow(minorUnits(currency));
      const sum = parts.reduce((a, p) => a.plus(p.amount), new Decimal(0));
      expect(sumMoney(parts, currency).amount.equals(roundMoney(total).amount)).toBe(true);
      expect(sum.equals(roundMoney(total).amount)).toBe(true);
      const weightSum = ws.reduce<Decimal>((a, w) => a.plus(w), new Decimal(0));
      for (const [i, part] of parts.entries()) {
        // Each part is a whole number of minor units, within one unit of its exact share,
        // and a zero-weight period gets exactly zero.
        expect(part.amount.times(scale).isInteger()).toBe(true);
        const exact = amount.times(ws[i]!).div(weightSum);
        expect(part.amount.minus(exact).abs().times(scale).lessThan(1)).toBe(true);
        if (new Decimal(ws[i]!).isZero()) expect(part.amount.isZero()).toBe(true);
      }
    }),
  );
});
