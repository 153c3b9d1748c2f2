// Bonuses, mbo, guarantee, draws, rounding and ranges through simulate (DESIGN §6), worked by hand.
import { describe, expect, test } from 'vitest';
import { amountsOf, credit, runPayee } from './comp.test-helper.ts';

const flat = (rate: number) => ({ id: 'commission', kind: 'rate-table', tiers: [{ rate }] });
const rows = (payee: ReturnType<typeof runPayee>, n: number) =>
  payee.periods.slice(0, n).map((p) => [p.period, p.earned, p.paid, p.drawBalance]);

describe('per-credit-bonus and attainment-bonus', () => {
  test('per-credit-bonus pays each credit matching every `when` condition', () => {
    // family GT and at least 50,000: a 60,000 GT → 1,000; 40,000 GT → no; 70,000 XX → no; exactly 50,000 GT → 1,000
    const when = { productFamily: 'GT', amountAtLeast: 50000 };
    const credits = [
      credit('a', '2026-01-05', 60000, { productFamily: 'GT' }),
      credit('b', '2026-01-06', 40000, { productFamily: 'GT' }),
      credit('c', '2026-02-07', 70000, { productFamily: 'XX' }),
      credit('d', '2026-03-08', 50000, { productFamily: 'GT' }),
    ];
    const result = runPayee(
      { components: [{ id: 'bonus', kind: 'per-credit-bonus', when, amount: 1000 }] },
      { credits },
    );
    expect(amountsOf(result, 'bonus')).toEqual([
      ['2026-01', '1000.00'],
      ['2026-03', '1000.00'],
    ]);
  });

  test('attainment-bonus steps are paid once per quota period, in the period that reaches them, and stay paid', () => {
    // quota 100,000 per quarter; steps 1.0 → 5,000 and 1.5 → 10,000
    // Jan 110,000: 1.1 → 5,000; Feb +50,000: 1.6 → 10,000; Mar +10,000 → nothing new;
    // Mar cancels the Feb credit: attainment back to 1.2, but the 1.5 step stays paid;
    // Apr (Q2) 100,000: exactly 1.0 → 5,000 again
    const steps = [
      { atLeast: 1, amount: 5000 },
      { atLeast: 1.5, amount: 10000 },
    ];
    const credits = [
      credit('a', '2026-01-10', 110000),
      credit('b', '2026-02-10', 50000),
      credit('c', '2026-03-10', 10000),
      credit('x', '2026-03-20', -50000, { cancels: 'b' }),
      credit('d', '2026-04-10', 100000),
    ];
    const result = runPayee(
      { quotaPeriod: 'quarter', components: [{ id: 'club', kind: 'attainment-bonus', steps }] },
      { quota: { bookings: 100000 }, credits },
    );
    expect(amountsOf(result, 'club')).toEqual([
      ['2026-01', '5000.00'],
      ['2026-02', '10000.00'],
      ['2026-04', '5000.00'],
    ]);
  });
});

test('attainment-bonus without a quota for its measure is QUOTA_MISSING', () => {
  const club = { id: 'club', kind: 'attainment-bonus', measure: 'revenue', steps: [{ atLeast: 1, amount: 5000 }] };
  const credits = [credit('a', '2026-01-10', 1, { measure: 'revenue' })];
  expect(() => runPayee({ components: [club] }, { quota: { bookings: 100 }, credits })).toThrow(
    expect.objectContaining({ code: 'QUOTA_MISSING' }),
  );
});

describe('mbo and guarantee', () => {
  test('mbo: score × weight × targetIncentive in the scored pay period', () => {
    // 0.8 × 0.1 × 100,000 = 8,000 in March; 0.5 × 0.1 × 100,000 = 5,000 in June
    const result = runPayee(
      { components: [{ id: 'goals', kind: 'mbo', weight: 0.1 }] },
      { targetIncentive: 100000, mbo: { '2026-03': { goals: 0.8 }, '2026-06': { goals: 0.5 } } },
      { range: { from: '2026-01-01', to: '2026-06-30' } },
    );
    expect(amountsOf(result, 'goals')).toEqual([
      ['2026-03', '8000.00'],
      ['2026-06', '5000.00'],
    ]);
    expect(() =>
      runPayee(
        { components: [{ id: 'goals', kind: 'mbo', weight: 0.1 }] },
        { targetIncentive: 1, mbo: { '2026-Q1': { goals: 1 } } },
      ),
    ).toThrow(expect.objectContaining({ code: 'SCENARIO_INVALID' }));
  });

  test('guarantee tops the other components up in its first periods only', () => {
    // 10 % flat, guarantee 3,000 for 2 periods: Jan earns 1,000 → floor 2,000; Feb earns 5,000 → 0;
    // Mar earns 0 → past the guarantee, 0
    const result = runPayee(
      { components: [flat(0.1), { id: 'floor', kind: 'guarantee', amount: 3000, periods: 2 }] },
      { credits: [credit('a', '2026-01-10', 10000), credit('b', '2026-02-10', 50000)] },
    );
    expect(result.periods.slice(0, 3).map((p) => [p.period, p.components.floor, p.earned])).toEqual([
      ['2026-01', '2000.00', '3000.00'],
      ['2026-02', '0.00', '5000.00'],
      ['2026-03', '0.00', '0.00'],
    ]);
  });
});

describe('draws through simulate', () => {
  test('recoverable draw over 3 periods, recovered after it ends', () => {
    // 10 %: Jan 15,000 → 1,500: paid 2,000, owes 500; Feb 23,750 → 2,375: A = 1,875, paid 2,000, owes 125;
    // Mar nothing: A = −125, paid 2,000, owes 2,125; Apr 30,000 → 3,000, draw over: A = 875, paid 875, owes 0
    const result = runPayee(
      { components: [flat(0.1)], draw: { amount: 2000, recoverable: true, periods: 3 } },
      {
        credits: [credit('a', '2026-01-10', 15000), credit('b', '2026-02-10', 23750), credit('c', '2026-04-10', 30000)],
      },
    );
    expect(rows(result, 4)).toEqual([
      ['2026-01', '1500.00', '2000.00', '500.00'],
      ['2026-02', '2375.00', '2000.00', '125.00'],
      ['2026-03', '0.00', '2000.00', '2125.00'],
      ['2026-04', '3000.00', '875.00', '0.00'],
    ]);
  });

  test('non-recoverable draw: the top-up is forgiven', () => {
    // Jan 1,500 → paid 2,000, owes 0; Feb 2,375 → paid 2,375; Mar 0 → paid 2,000, owes 0; Apr 3,000 → 3,000
    const result = runPayee(
      { components: [flat(0.1)], draw: { amount: 2000, recoverable: false, periods: 3 } },
      {
        credits: [credit('a', '2026-01-10', 15000), credit('b', '2026-02-10', 23750), credit('c', '2026-04-10', 30000)],
      },
    );
    expect(rows(result, 4)).toEqual([
      ['2026-01', '1500.00', '2000.00', '0.00'],
      ['2026-02', '2375.00', '2375.00', '0.00'],
      ['2026-03', '0.00', '2000.00', '0.00'],
      ['2026-04', '3000.00', '3000.00', '0.00'],
    ]);
  });

  test('a guarantee is earnings, a draw is an advance: after the guarantee ends a clawback is recovered', () => {
    // 10 %, guarantee 2,000 for 1 period, no draw. Jan 50,000 → 5,000 (floor 0); Feb cancels it → −5,000:
    // paid 0, owes 5,000; Mar 20,000 → 2,000: A = −3,000, paid 0, owes 3,000
    const result = runPayee(
      { components: [flat(0.1), { id: 'floor', kind: 'guarantee', amount: 2000, periods: 1 }] },
      {
        credits: [
          credit('a', '2026-01-10', 50000),
          credit('x', '2026-02-10', -50000, { cancels: 'a' }),
          credit('b', '2026-03-10', 20000),
        ],
      },
    );
    expect(rows(result, 3)).toEqual([
      ['2026-01', '5000.00', '5000.00', '0.00'],
      ['2026-02', '-5000.00', '0.00', '5000.00'],
      ['2026-03', '2000.00', '0.00', '3000.00'],
    ]);
  });
});

describe('rounding: cumulative per component, periods add up to the total', () => {
  test('half cents: 0.005, 0.010, 0.015 to date pay 0.01, 0.00, 0.01', () => {
    // 0.1 % of 5 a month: unrounded to date 0.005, 0.010, 0.015 → rounded 0.01, 0.01, 0.02 (half away from zero)
    const credits = ['01', '02', '03'].map((m) => credit(m, `2026-${m}-01`, 5));
    const result = runPayee({ components: [flat(0.001)] }, { credits });
    expect(result.periods.slice(0, 3).map((p) => p.earned)).toEqual(['0.01', '0.00', '0.01']);
    expect(result.total.earned).toBe('0.02');
  });

  test('thirds of a cent: 1/3, 2/3, 3/3 cent pay 0.00, 0.01, 0.00', () => {
    // rateBase target, quota 3, TI 0.01, rate 1: each credit of 1 earns 1/3 × 0.01; to date 0.0033, 0.0067, 0.01
    const component = {
      id: 'commission',
      kind: 'rate-table',
      input: 'attainment',
      rateBase: 'target',
      tiers: [{ rate: 1 }],
    };
    const credits = ['01', '02', '03'].map((m) => credit(m, `2026-${m}-01`, 1));
    const result = runPayee({ components: [component] }, { quota: { bookings: 3 }, targetIncentive: 0.01, credits });
    expect(result.periods.slice(0, 3).map((p) => p.earned)).toEqual(['0.00', '0.01', '0.00']);
    expect(result.total.earned).toBe('0.01');
  });

  test('never "-0.00"', () => {
    // −1 × 0.1 % = −0.001 rounds to zero
    const result = runPayee({ components: [flat(0.001)] }, { credits: [credit('a', '2026-01-01', -1)] });
    expect(result.periods[0]).toMatchObject({
      components: { commission: '0.00' },
      earned: '0.00',
      paid: '0.00',
      drawBalance: '0.00',
    });
  });
});

describe('range', () => {
  test('from the quota period of the earliest credit to that of the latest; none and no range: no periods', () => {
    // quota period quarter, pay period month: a credit on 2026-05-20 reports Apr, May, Jun
    const result = runPayee(
      { quotaPeriod: 'quarter', components: [flat(0.1)] },
      { credits: [credit('a', '2026-05-20', 100)] },
    );
    expect(result.periods.map((p) => p.period)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(runPayee({ components: [flat(0.1)] }, {})).toEqual({
      id: 'rep',
      currency: 'USD',
      periods: [],
      total: { earned: '0.00', paid: '0.00' },
    });
  });

  test('credits before the range still move tiers and caps; their own earnings are not reported', () => {
    // retroactive amount tiers 0–100,000 at 5 %, 100,000+ at 10 %; Jan 60,000 → 3,000 (not reported);
    // Mar 60,000 → 12,000 to date, so Mar reports 9,000 (12,000 − 3,000); Apr nothing
    const component = {
      id: 'commission',
      kind: 'rate-table',
      method: 'retroactive',
      tiers: [{ to: 100000, rate: 0.05 }, { rate: 0.1 }],
    };
    const result = runPayee(
      { components: [component] },
      { credits: [credit('a', '2026-01-15', 60000), credit('b', '2026-03-15', 60000)] },
      { range: { from: '2026-03-01', to: '2026-04-30' } },
    );
    expect(result.periods.map((p) => [p.period, p.earned])).toEqual([
      ['2026-03', '9000.00'],
      ['2026-04', '0.00'],
    ]);
    expect(result.total.earned).toBe('9000.00');
  });
});
