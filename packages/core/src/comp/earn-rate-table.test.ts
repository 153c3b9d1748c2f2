// A cumulative rate table pays F(X′) − F(X) for each credit as the running total moves from X to
// X′ (DESIGN §6). The loop reuses each credit's X′ and F(X′) as the next credit's X and F(X); this
// checks every credit's earnings against the definition worked out from scratch.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Decimal, ZERO } from '../money/decimal.ts';
import type { CountedCredit, PricedCredit } from './apply-cancellations.ts';
import type { EarnContext } from './earn-context.ts';
import { earnRateTable } from './earn-rate-table.ts';
import type { RateTable } from './plan-schema.ts';
import { tierFunction } from './tier-function.ts';

const context = (quota: Decimal, target: Decimal): EarnContext => ({
  payeeId: 'P1',
  quotaPeriodOf: (date) => date.slice(0, 7),
  quota: () => quota,
  targetIncentive: () => target,
});

const cents = (n: number) => new Decimal(n).dividedBy(100);

const scenario = fc.record({
  method: fc.constantFrom('marginal', 'retroactive', 'interpolated'),
  input: fc.constantFrom('amount', 'attainment'),
  rateBase: fc.constantFrom('credit', 'target'),
  bounds: fc.uniqueArray(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 1, maxLength: 4 }),
  values: fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 5, maxLength: 5 }),
  when: fc.boolean(),
  credits: fc.array(
    fc.record({
      cents: fc.integer({ min: -5_000_000, max: 20_000_000 }),
      month: fc.constantFrom('2026-01', '2026-02'),
      family: fc.constantFrom('Core', 'Add-on'),
    }),
    { maxLength: 40 },
  ),
  quota: fc.integer({ min: 1, max: 50_000_000 }),
});

test('each credit of a cumulative table earns F(X′) − F(X) of its own running totals, per quota period', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const attainment = s.input === 'attainment';
      // Attainment tiers are ratios (bounds in hundredths of quota), money tiers are cents.
      const edges = [...s.bounds]
        .sort((a, b) => a - b)
        .map((b) => (attainment ? new Decimal(b).dividedBy(1e6) : cents(b)));
      const from = [ZERO, ...edges];
      const tiers = from.map((f, i) => ({
        from: f,
        to: i < edges.length ? edges[i] : s.method === 'interpolated' ? f.plus(1) : undefined,
        value: new Decimal(s.values[i]!).dividedBy(s.method === 'interpolated' ? 1 : 10_000),
      }));
      const table = {
        id: 'commission',
        kind: 'rate-table',
        measure: 'bookings',
        input: s.input,
        scope: 'cumulative',
        method: s.method,
        rateBase: s.rateBase,
        ...(s.when ? { when: { productFamily: 'Core' } } : {}),
        tiers,
      } as unknown as RateTable;
      const credits: CountedCredit[] = s.credits.map((c, i) => {
        const amount = cents(c.cents);
        const credit = {
          id: `T${String(i).padStart(3, '0')}`,
          date: `${c.month}-15`,
          measure: 'bookings',
          amount,
          written: amount,
          currency: 'USD',
          productFamily: c.family,
        } as PricedCredit;
        return { credit, amount, factor: new Decimal(1) };
      });
      credits.sort((a, b) => (a.credit.date < b.credit.date ? -1 : a.credit.date > b.credit.date ? 1 : 0));
      const quota = cents(s.quota);
      const target = new Decimal(25_000);
      const result = earnRateTable(table, credits, context(quota, target));

      const F = (x: Decimal) => tierFunction(tiers, s.method, x);
      const scale = attainment ? quota : new Decimal(1);
      const base =
        !attainment || s.method === 'interpolated' ? new Decimal(1) : s.rateBase === 'credit' ? quota : target;
      const running = new Map<string, Decimal>();
      const expected = credits.map((c) => {
        const month = c.credit.date.slice(0, 7);
        const before = running.get(month) ?? ZERO;
        const after = before.plus(c.amount);
        running.set(month, after);
        const earns = !s.when || c.credit.productFamily === 'Core';
        return earns
          ? F(after.dividedBy(scale))
              .minus(F(before.dividedBy(scale)))
              .times(base)
              .toFixed()
          : '0';
      });
      const byId = new Map(result.credits.map((c) => [c.credit, c.earned.toFixed()]));
      expect(credits.map((c) => byId.get(c.credit.id))).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});
