// The timeline's shortcut (one evaluation per run of pay periods with the same cancellations) must
// give exactly what evaluating every pay period from scratch gives. `simulate` with --explain takes
// the from-scratch path for every reported period, so the two results are compared amount by amount.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { runScenario } from './comp.test-helper.ts';

const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const amount = fc.integer({ min: -200_000, max: 3_000_000 }).map((c) => (c / 100).toFixed(2));

const scenario = fc
  .record({
    credits: fc.array(fc.record({ date: day, amount, type: fc.constantFrom('new_business', 'renewal') }), {
      minLength: 1,
      maxLength: 40,
    }),
    // Which credits a later cancellation takes back, and how many days later.
    cancelled: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 200 })), { maxLength: 5 }),
    method: fc.constantFrom('marginal', 'retroactive'),
    cap: fc.option(fc.integer({ min: 1_000, max: 20_000 }), { nil: undefined }),
    clawback: fc.option(fc.record({ windowDays: fc.integer({ min: 0, max: 120 }), percent: fc.constantFrom(1, 0.5) }), {
      nil: undefined,
    }),
  })
  .map(({ credits, cancelled, method, cap, clawback }) => {
    const rows: Record<string, unknown>[] = credits.map((c, i) => ({ id: `c${i}`, ...c }));
    const taken = new Set<number>();
    for (const [pick, later] of cancelled) {
      const i = pick % credits.length;
      const x = credits[i]!;
      const date = new Date(Date.parse(`${x.date}T00:00:00Z`) + later * 86_400_000).toISOString().slice(0, 10);
      if (taken.has(i) || date > '2026-12-31' || x.amount.startsWith('-')) continue;
      taken.add(i);
      rows.push({ id: `k${i}`, date, amount: `-${x.amount}`, cancels: `c${i}` });
    }
    return {
      plan: {
        id: 'p',
        currency: 'USD',
        ...(clawback ? { clawback } : {}),
        components: [
          {
            id: 'commission',
            kind: 'rate-table',
            input: 'attainment',
            method,
            tiers: [
              { to: 0.5, rate: 0.05 },
              { from: 0.5, to: 1, rate: 0.1 },
              { from: 1, rate: 0.2 },
            ],
            ...(cap === undefined ? {} : { cap }),
          },
          { id: 'logo', kind: 'per-credit-bonus', when: { type: 'new_business' }, amount: 100 },
          { id: 'club', kind: 'attainment-bonus', steps: [{ atLeast: 0.8, amount: 1000 }] },
        ],
      },
      payees: [{ id: 'rep', quota: { bookings: 100_000 }, targetIncentive: 50_000, credits: rows }],
    };
  });

test('earnings per pay period are the same whether each period is evaluated from scratch or read off a later one', () => {
  fc.assert(
    fc.property(scenario, (value) => {
      const fast = runScenario(value, false).payees[0]!;
      const scratch = runScenario(value, true).payees[0]!;
      expect(fast.periods.map((p) => [p.period, p.components, p.earned])).toEqual(
        scratch.periods.map((p) => [p.period, p.components, p.earned]),
      );
    }),
    { numRuns: 300 },
  );
});
