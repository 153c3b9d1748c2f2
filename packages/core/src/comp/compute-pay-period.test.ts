import { describe, expect, it } from 'vitest';
import type { CalendarInput } from '../calendar/calendar-schema.ts';
import { parsePeriod } from '../calendar/parse-period.ts';
import { Decimal } from '../money/decimal.ts';
import { computePayPeriod, type PayPeriodInput, type Posted, type SegmentInput } from './compute-pay-period.ts';
import { validatePlan } from './plan-schema.ts';
import { validateScenario } from './scenario-schema.ts';
import { simulate } from './simulate.ts';

const GREGORIAN: CalendarInput = { type: 'gregorian', fiscalYearStartMonth: 1 };
const d = (x: string | number) => new Decimal(x);

// Commission 10% of quota per unit of attainment to 100%, 15% above; quota 100,000 for FY2026.
const planValue = {
  id: 'ae',
  currency: 'USD',
  components: [
    {
      id: 'commission',
      kind: 'rate-table',
      input: 'attainment',
      tiers: [
        { to: 1, rate: 0.1 },
        { from: 1, rate: 0.15 },
      ],
    },
  ],
  draw: { amount: 8000, recoverable: true, periods: 2 },
};
const plan = validatePlan(planValue, 'test');

function segment(credits: SegmentInput['credits'], more: Partial<SegmentInput> = {}): SegmentInput {
  return {
    plan,
    planVersion: 1,
    from: '2026-01-01',
    to: null,
    quota: { FY2026: { bookings: d(100000) } },
    targetIncentive: { FY2026: d(50000) },
    credits,
    mbo: {},
    ...more,
  };
}

function input(label: string, segments: SegmentInput[], more: Partial<PayPeriodInput> = {}): PayPeriodInput {
  return {
    payeeId: 'rep-1',
    calendar: GREGORIAN,
    period: parsePeriod(GREGORIAN, label),
    segments,
    fx: [],
    posted: [],
    closedPeriods: [],
    adjustments: [],
    openingDrawBalance: d(0),
    ...more,
  };
}

const c1 = { id: 'c1', date: '2026-01-15', measure: 'bookings', amount: d(60000) };
const c2 = { id: 'c2', date: '2026-02-10', measure: 'bookings', amount: d(50000) };
const late = { id: 'c0', date: '2026-01-20', measure: 'bookings', amount: d(10000) };

const lineAmounts = (r: ReturnType<typeof computePayPeriod>) =>
  r.lines.map((l) => [l.kind, l.component ?? l.adjustmentId, l.sourcePeriod ?? null, l.amount.toFixed(2)]);

describe('computePayPeriod', () => {
  it('pays each month the change of the quota-period-to-date earnings, with the draw carried', () => {
    // Jan: F(0.6) × 100,000 = 6,000; paid the 8,000 draw, 2,000 owed.
    const jan = computePayPeriod(input('2026-01', [segment([c1, c2])]));
    expect(lineAmounts(jan)).toEqual([['component', 'commission', null, '6000.00']]);
    expect([jan.earned.toFixed(2), jan.paid.toFixed(2), jan.drawBalance.toFixed(2)]).toEqual([
      '6000.00',
      '8000.00',
      '2000.00',
    ]);
    // Feb: x 0.6 → 1.1; F(1.1) = 0.1 + 0.1 × 0.15 = 0.115 → 11,500 − 6,000 = 5,500; A = 3,500, floor 8,000.
    const feb = computePayPeriod(input('2026-02', [segment([c1, c2])], { openingDrawBalance: jan.drawBalance }));
    expect([feb.earned.toFixed(2), feb.paid.toFixed(2), feb.drawBalance.toFixed(2)]).toEqual([
      '5500.00',
      '8000.00',
      '4500.00',
    ]);
    // Mar: nothing earned; the draw has ended, so nothing is paid and 4,500 is still owed.
    const mar = computePayPeriod(input('2026-03', [segment([c1, c2])], { openingDrawBalance: feb.drawBalance }));
    expect([mar.earned.toFixed(2), mar.paid.toFixed(2), mar.drawBalance.toFixed(2)]).toEqual([
      '0.00',
      '0.00',
      '4500.00',
    ]);
    expect(feb.explain.segments[0]!.attainment).toEqual({ bookings: '1.1' });
  });

  it('gives the same numbers as attain simulate for the same inputs', () => {
    const scenario = validateScenario({
      plan: planValue,
      range: { from: '2026-01-01', to: '2026-04-30' },
      payees: [
        {
          id: 'rep-1',
          quota: { bookings: 100000 },
          targetIncentive: 50000,
          credits: [
            { id: 'c1', date: '2026-01-15', amount: 60000 },
            { id: 'c2', date: '2026-02-10', amount: 50000 },
            { id: 'c3', date: '2026-04-02', amount: 30000 },
          ],
        },
      ],
    });
    const simulated = simulate(scenario).payees[0]!.periods;
    const credits = scenario.payees[0]!.credits;
    let balance = d(0);
    for (const expected of simulated) {
      const r = computePayPeriod(input(expected.period, [segment(credits)], { openingDrawBalance: balance }));
      balance = r.drawBalance;
      expect(r.lines[0]!.amount.toFixed(2)).toBe(expected.components.commission);
      expect([r.earned.toFixed(2), r.paid.toFixed(2), r.drawBalance.toFixed(2)]).toEqual([
        expected.earned,
        expected.paid,
        expected.drawBalance,
      ]);
    }
  });

  it('posts a late credit in a closed month as a prior-period adjustment, never changing that month', () => {
    // January was closed having paid 6,000. A 10,000 deal dated 20 January arrives in February:
    // January now earns F(0.7) = 7,000 → +1,000 for 2026-01; February: F(1.2) − F(0.7) = 13,000 − 7,000.
    const posted: Posted[] = [{ planId: 'ae', component: 'commission', period: '2026-01', amount: d(6000) }];
    const feb = computePayPeriod(
      input('2026-02', [segment([c1, late, c2])], { posted, closedPeriods: [parsePeriod(GREGORIAN, '2026-01')] }),
    );
    expect(lineAmounts(feb)).toEqual([
      ['component', 'commission', null, '6000.00'],
      ['prior_period', 'commission', '2026-01', '1000.00'],
    ]);
    expect(feb.earned.toFixed(2)).toBe('7000.00');
    // Paid to date 6,000 + 7,000 = F(1.2) × 100,000.
  });

  it('reverses what a closed month paid when its credit is gone', () => {
    const posted: Posted[] = [{ planId: 'ae', component: 'commission', period: '2026-01', amount: d(6000) }];
    const feb = computePayPeriod(
      input('2026-02', [segment([c2])], { posted, closedPeriods: [parsePeriod(GREGORIAN, '2026-01')] }),
    );
    // Without c1, February alone earns F(0.5) = 5,000 and January gives back 6,000.
    expect(lineAmounts(feb)).toEqual([
      ['component', 'commission', null, '5000.00'],
      ['prior_period', 'commission', '2026-01', '-6000.00'],
    ]);
    expect(feb.earned.toFixed(2)).toBe('-1000.00');
  });

  it('adds approved manual adjustments to earned', () => {
    const jan = computePayPeriod(
      input('2026-01', [segment([c1])], { adjustments: [{ id: '7', amount: d('250.50') }] }),
    );
    expect(lineAmounts(jan)).toEqual([
      ['component', 'commission', null, '6000.00'],
      ['manual', '7', null, '250.50'],
    ]);
    expect(jan.earned.toFixed(2)).toBe('6250.50');
  });

  it('runs each plan assignment over its own dates with its own (prorated) quota', () => {
    // Plan A to 1 July with quota 50,000 for its half year; plan B from 1 July with 60,000.
    const planB = validatePlan({ ...planValue, id: 'ae-b', draw: undefined }, 'test');
    const a = segment([{ id: 'a1', date: '2026-03-01', measure: 'bookings', amount: d(40000) }], {
      to: '2026-07-01',
      quota: { FY2026: { bookings: d(50000) } },
    });
    const b = segment([{ id: 'b1', date: '2026-07-15', measure: 'bookings', amount: d(30000) }], {
      plan: planB,
      from: '2026-07-01',
      quota: { FY2026: { bookings: d(60000) } },
    });
    const jul = computePayPeriod(input('2026-07', [a, b]));
    // A earns nothing new in July; B: F(0.5) × 60,000 = 3,000.
    expect(lineAmounts(jul)).toEqual([
      ['component', 'commission', null, '0.00'],
      ['component', 'commission', null, '3000.00'],
    ]);
    expect(jul.plans.map((p) => p.planId)).toEqual(['ae', 'ae-b']);
    expect(jul.explain.segments[1]!.attainment).toEqual({ bookings: '0.5' });
  });

  it('says which quota is missing, naming payee, measure and period', () => {
    expect(() => computePayPeriod(input('2026-01', [segment([c1], { quota: {} })]))).toThrowError(
      expect.objectContaining({ code: 'QUOTA_MISSING', details: expect.objectContaining({ period: 'FY2026' }) }),
    );
  });

  it('does not pay a quarterly plan in a month that ends no quarter', () => {
    const quarterly = validatePlan({ ...planValue, payPeriod: 'quarter', draw: undefined }, 'test');
    expect(computePayPeriod(input('2026-02', [segment([c1], { plan: quarterly })])).due).toBe(false);
    const mar = computePayPeriod(input('2026-03', [segment([c1], { plan: quarterly })]));
    expect([mar.due, mar.earned.toFixed(2)]).toEqual([true, '6000.00']);
  });
  it("prices each MBO score at its own quota period's target incentive when the run reaches into last year", () => {
    // A 2026 cancellation of a 2025 deal pulls FY2025 into the run. Goals: 10 % of target per scored month.
    const withGoals = validatePlan(
      {
        ...planValue,
        draw: undefined,
        components: [...planValue.components, { id: 'goals', kind: 'mbo', weight: 0.1 }],
      },
      'test',
    );
    const s = segment(
      [
        { id: 'x', date: '2025-11-10', measure: 'bookings', amount: d(10000) },
        { id: 'k', date: '2026-01-05', measure: 'bookings', amount: d(-10000), cancels: 'x' },
        { id: 'j', date: '2026-01-20', measure: 'bookings', amount: d(20000) },
      ],
      {
        plan: withGoals,
        from: '2025-01-01',
        quota: { FY2025: { bookings: d(100000) }, FY2026: { bookings: d(100000) } },
        targetIncentive: { FY2025: d(40000), FY2026: d(50000) },
        mbo: { '2025-12': { goals: d(1) }, '2026-01': { goals: d('0.5') } },
      },
    );
    const jan = computePayPeriod(input('2026-01', [s]));
    // Commission: 2,000 on j (F(0.2) × 100,000) less the 1,000 x earned in 2025 = 1,000.
    // Goals: 0.5 × 0.1 × 50,000 = 2,500; December's 1 × 0.1 × 40,000 stays at FY2025's target.
    expect(lineAmounts(jan)).toEqual([
      ['component', 'commission', null, '1000.00'],
      ['component', 'goals', null, '2500.00'],
    ]);
  });
});
