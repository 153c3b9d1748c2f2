// Properties of DESIGN §6 that must hold for any plan and credits, checked with fast-check.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { runPayee } from './comp.test-helper.ts';
import { tierFunction } from './tier-function.ts';

// Contiguous tiers from 0 with non-negative rates of up to 4 decimals; the last one open-ended.
const tiers = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 50000 }), fc.integer({ min: 0, max: 3000 })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((rows) => {
    let from = 0;
    return rows.map(([width, rate], i) => {
      const tier = { from, to: i === rows.length - 1 ? undefined : from + width, rate: rate / 10000 };
      from += width;
      return tier;
    });
  });
const toTiers = (rows: { from: number; to: number | undefined; rate: number }[]) =>
  rows.map((t) => ({
    from: new Decimal(t.from),
    to: t.to === undefined ? undefined : new Decimal(t.to),
    value: new Decimal(t.rate),
  }));
const planTiers = (rows: { to: number | undefined; rate: number }[]) =>
  rows.map(({ to, rate }) => (to === undefined ? { rate } : { to, rate }));
const cents = fc.integer({ min: -5_000_000, max: 20_000_000 }).map((c) => (c / 100).toFixed(2));
const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));

test('marginal earnings never decrease as credits grow when rates are non-negative', () => {
  fc.assert(
    fc.property(
      tiers,
      fc.integer({ min: -100000, max: 300000 }),
      fc.integer({ min: 0, max: 100000 }),
      (rows, x, more) => {
        const t = toTiers(rows);
        expect(
          tierFunction(t, 'marginal', new Decimal(x + more)).gte(tierFunction(t, 'marginal', new Decimal(x))),
        ).toBe(true);
      },
    ),
  );
});

test('marginal cumulative: the quota period`s total does not depend on how credits fall into pay periods', () => {
  fc.assert(
    fc.property(tiers, fc.array(fc.tuple(cents, day, day), { minLength: 1, maxLength: 8 }), (rows, credits) => {
      const plan = { components: [{ id: 'commission', kind: 'rate-table', tiers: planTiers(rows) }] };
      const range = { range: { from: '2026-01-01', to: '2026-12-31' } };
      const first = runPayee(
        plan,
        { credits: credits.map(([amount, date], i) => ({ id: `c${i}`, date, amount })) },
        range,
      );
      const second = runPayee(
        plan,
        { credits: credits.map(([amount, , date], i) => ({ id: `c${i}`, date, amount })) },
        range,
      );
      expect(second.total.earned).toBe(first.total.earned);
    }),
    { numRuns: 60 },
  );
});

test('a cap is never exceeded, and period amounts always add up to the total', () => {
  const methods = fc.constantFrom('marginal', 'retroactive');
  const cap = fc.integer({ min: 0, max: 2_000_000 }).map((c) => (c / 100).toFixed(2));
  fc.assert(
    fc.property(
      tiers,
      methods,
      cap,
      fc.array(fc.tuple(cents, day), { minLength: 1, maxLength: 8 }),
      (rows, method, limit, credits) => {
        const plan = {
          components: [{ id: 'commission', kind: 'rate-table', method, tiers: planTiers(rows), cap: limit }],
        };
        const result = runPayee(plan, { credits: credits.map(([amount, date], i) => ({ id: `c${i}`, date, amount })) });
        const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0));
        const commission = sum(result.periods.map((p) => p.components.commission!));
        expect(commission.lte(limit)).toBe(true);
        expect(sum(result.periods.map((p) => p.earned)).toFixed(2)).toBe(result.total.earned);
        expect(sum(result.periods.map((p) => p.paid)).toFixed(2)).toBe(result.total.paid);
        expect(result.periods.every((p) => !p.paid.startsWith('-') && !p.earned.startsWith('-0.00'))).toBe(true);
      },
    ),
    { numRuns: 60 },
  );
});

test('rounding: the rounded periods add up to the rounded unrounded total, whatever the rate`s digits', () => {
  // one rate with up to 7 decimals over integer credits: the exact total is Σ credits × rate
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 9_999_999 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 99999 }), day), { minLength: 1, maxLength: 10 }),
      (r, credits) => {
        const rate = (r / 1e7).toFixed(7);
        const plan = { components: [{ id: 'commission', kind: 'rate-table', tiers: [{ rate }] }] };
        const result = runPayee(plan, { credits: credits.map(([amount, date], i) => ({ id: `c${i}`, date, amount })) });
        const exact = credits.reduce((s, [amount]) => s.plus(new Decimal(amount).times(rate)), new Decimal(0));
        expect(result.total.earned).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      },
    ),
    { numRuns: 60 },
  );
});
