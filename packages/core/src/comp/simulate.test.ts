// Hand-worked cases for DESIGN §6. Every number in an expectation is worked in the comment above it.
import { describe, expect, test } from 'vitest';
import { amountsOf, credit, runPayee, runScenario } from './comp.test-helper.ts';

// Attainment tiers: 0–1 at 5 %, 1+ at 10 %; quota 100,000. Amount tiers: the same in money.
const attainmentTiers = [{ to: 1, rate: 0.05 }, { rate: 0.1 }];
const amountTiers = [{ to: 100000, rate: 0.05 }, { rate: 0.1 }];
// Interpolated: 0–1 pays 4,000 and 1–2 pays 6,000 (F is money, never × quota).
const interpolatedAttainment = [
  { to: 1, amount: 4000 },
  { to: 2, amount: 6000 },
];
const interpolatedAmount = [
  { to: 100000, amount: 4000 },
  { to: 200000, amount: 6000 },
];
const quota = { bookings: 100000 };

function commission(component: Record<string, unknown>, credits: unknown[], payee: Record<string, unknown> = {}) {
  const result = runPayee(
    { components: [{ id: 'commission', kind: 'rate-table', ...component }] },
    { quota, credits, ...payee },
  );
  return amountsOf(result, 'commission');
}

describe('every method × scope × input', () => {
  // Cumulative: 60,000 in January, 60,000 in February (running total 60,000 then 120,000).
  const cumulativeCredits = [credit('a', '2026-01-15', 60000), credit('b', '2026-02-15', 60000)];
  // Transaction: 60,000 in January, 130,000 in February, each priced alone.
  const transactionCredits = [credit('a', '2026-01-15', 60000), credit('b', '2026-02-15', 130000)];

  test.each([
    // attainment, cumulative — x = 0.6 then 1.2
    // marginal: F(0.6) = 0.6 × 5 % = 0.03 → 3,000; F(1.2) = 0.05 + 0.2 × 10 % = 0.07 → 7,000, Feb 4,000
    [
      'attainment',
      'cumulative',
      'marginal',
      attainmentTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '4000.00'],
      ],
    ],
    // retroactive: 0.6 × 5 % → 3,000; 1.2 × 10 % = 0.12 → 12,000, Feb true-up 12,000 − 3,000 = 9,000
    [
      'attainment',
      'cumulative',
      'retroactive',
      attainmentTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '9000.00'],
      ],
    ],
    // interpolated: 0.6 of 4,000 = 2,400; 4,000 + 0.2 of 6,000 = 5,200, Feb 2,800
    [
      'attainment',
      'cumulative',
      'interpolated',
      interpolatedAttainment,
      [
        ['2026-01', '2400.00'],
        ['2026-02', '2800.00'],
      ],
    ],
    // amount, cumulative — x = 60,000 then 120,000, the same shapes in money
    [
      'amount',
      'cumulative',
      'marginal',
      amountTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '4000.00'],
      ],
    ],
    [
      'amount',
      'cumulative',
      'retroactive',
      amountTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '9000.00'],
      ],
    ],
    [
      'amount',
      'cumulative',
      'interpolated',
      interpolatedAmount,
      [
        ['2026-01', '2400.00'],
        ['2026-02', '2800.00'],
      ],
    ],
  ])('%s %s %s', (input, scope, method, tiers, expected) => {
    expect(commission({ input, scope, method, tiers }, cumulativeCredits)).toEqual(expected);
  });

  test.each([
    // attainment, transaction — x = 0.6 then 1.3, each alone
    // marginal: 0.03 → 3,000; F(1.3) = 0.05 + 0.3 × 10 % = 0.08 → 8,000
    [
      'attainment',
      'transaction',
      'marginal',
      attainmentTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '8000.00'],
      ],
    ],
    // retroactive: 3,000; 1.3 × 10 % = 0.13 → 13,000
    [
      'attainment',
      'transaction',
      'retroactive',
      attainmentTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '13000.00'],
      ],
    ],
    // interpolated: 2,400; 4,000 + 0.3 of 6,000 = 5,800
    [
      'attainment',
      'transaction',
      'interpolated',
      interpolatedAttainment,
      [
        ['2026-01', '2400.00'],
        ['2026-02', '5800.00'],
      ],
    ],
    [
      'amount',
      'transaction',
      'marginal',
      amountTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '8000.00'],
      ],
    ],
    [
      'amount',
      'transaction',
      'retroactive',
      amountTiers,
      [
        ['2026-01', '3000.00'],
        ['2026-02', '13000.00'],
      ],
    ],
    [
      'amount',
      'transaction',
      'interpolated',
      interpolatedAmount,
      [
        ['2026-01', '2400.00'],
        ['2026-02', '5800.00'],
      ],
    ],
  ])('%s %s %s', (input, scope, method, tiers, expected) => {
    expect(commission({ input, scope, method, tiers }, transactionCredits)).toEqual(expected);
  });

  test('rateBase target: F(attainment) × targetIncentive', () => {
    // TI 50,000; tiers 0–1 at 0.5, 1+ at 1.0 (a share of TI per unit of attainment)
    // Jan F(0.6) = 0.3 × 50,000 = 15,000; Feb F(1.2) = 0.5 + 0.2 = 0.7 → 35,000, Feb 20,000
    const tiers = [{ to: 1, rate: 0.5 }, { rate: 1 }];
    const credits = [credit('a', '2026-01-15', 60000), credit('b', '2026-02-15', 60000)];
    expect(commission({ input: 'attainment', rateBase: 'target', tiers }, credits, { targetIncentive: 50000 })).toEqual(
      [
        ['2026-01', '15000.00'],
        ['2026-02', '20000.00'],
      ],
    );
  });
});

describe('tier boundaries, caps, negative credits', () => {
  test('a credit landing exactly on a boundary is in the higher tier', () => {
    // retroactive: 100,000 sits on the 100,000 boundary → 100,000 × 10 % = 10,000 (not 5,000)
    expect(commission({ method: 'retroactive', tiers: amountTiers }, [credit('a', '2026-01-15', 100000)])).toEqual([
      ['2026-01', '10000.00'],
    ]);
    // attainment exactly 1.0 the same way: 1.0 × 10 % × 100,000 = 10,000
    const atQuota = commission({ input: 'attainment', method: 'retroactive', tiers: attainmentTiers }, [
      credit('a', '2026-03-01', 100000),
    ]);
    expect(atQuota).toEqual([['2026-03', '10000.00']]);
  });

  test('past the last tier`s `to` the last rate goes on', () => {
    // tiers 0–100,000 at 5 %, 100,000–200,000 at 10 %; 250,000: marginal 5,000 + 15,000 = 20,000; retroactive 25,000
    const closed = [
      { to: 100000, rate: 0.05 },
      { to: 200000, rate: 0.1 },
    ];
    expect(commission({ tiers: closed }, [credit('a', '2026-01-15', 250000)])).toEqual([['2026-01', '20000.00']]);
    expect(commission({ method: 'retroactive', tiers: closed }, [credit('a', '2026-01-15', 250000)])).toEqual([
      ['2026-01', '25000.00'],
    ]);
  });

  test('cap: the component earns at most the cap per quota period, and again next quota period', () => {
    // flat 10 %, cap 5,000, quota period quarter: Jan 30,000 → 3,000; Feb 30,000 → 6,000 capped 5,000, so 2,000;
    // Mar 30,000 → still 5,000, so 0; Apr (Q2) 30,000 → 3,000
    const credits = ['01', '02', '03', '04'].map((m) => credit(`c${m}`, `2026-${m}-10`, 30000));
    const result = runPayee(
      {
        quotaPeriod: 'quarter',
        components: [{ id: 'commission', kind: 'rate-table', tiers: [{ rate: 0.1 }], cap: 5000 }],
      },
      { credits },
    );
    expect(amountsOf(result, 'commission')).toEqual([
      ['2026-01', '3000.00'],
      ['2026-02', '2000.00'],
      ['2026-04', '3000.00'],
    ]);
  });

  test('negative credits: cumulative moves back down the tiers; transaction earns −F(|c|)', () => {
    // marginal amount: Jan +60,000 → 3,000; Feb −20,000 → F(40,000) = 2,000, Feb −1,000
    const credits = [credit('a', '2026-01-15', 60000), credit('b', '2026-02-15', -20000)];
    expect(commission({ tiers: amountTiers }, credits)).toEqual([
      ['2026-01', '3000.00'],
      ['2026-02', '-1000.00'],
    ]);
    // transaction: −F(20,000) = −1,000 as well
    expect(commission({ scope: 'transaction', tiers: amountTiers }, credits)).toEqual([
      ['2026-01', '3000.00'],
      ['2026-02', '-1000.00'],
    ]);
    // retroactive: Jan 120,000 → 12,000; Feb −30,000 → 90,000 × 5 % = 4,500, Feb −7,500 — and with no draw the
    // payee is paid 0 and owes 7,500
    const down = runPayee(
      { components: [{ id: 'commission', kind: 'rate-table', method: 'retroactive', tiers: amountTiers }] },
      { credits: [credit('a', '2026-01-15', 120000), credit('b', '2026-02-15', -30000)] },
    );
    expect(down.periods.slice(0, 3).map((p) => [p.period, p.earned, p.paid, p.drawBalance])).toEqual([
      ['2026-01', '12000.00', '12000.00', '0.00'],
      ['2026-02', '-7500.00', '0.00', '7500.00'],
      ['2026-03', '0.00', '0.00', '7500.00'],
    ]);
    expect(down.total).toEqual({ earned: '4500.00', paid: '12000.00' });
  });

  test('below zero the first rate applies: a credit taking the total negative', () => {
    // marginal amount: −10,000 alone → −10,000 × 5 % = −500
    expect(commission({ tiers: amountTiers }, [credit('a', '2026-01-15', -10000)])).toEqual([['2026-01', '-500.00']]);
  });

  test('`when` limits who earns; every credit still moves attainment', () => {
    // renewal 80,000 (Jan) earns nothing but lifts attainment to 0.8; new business 40,000 (Feb) moves 0.8 → 1.2:
    // F(1.2) − F(0.8) = 0.07 − 0.04 = 0.03 → 3,000
    const credits = [
      credit('r', '2026-01-10', 80000, { type: 'renewal' }),
      credit('n', '2026-02-10', 40000, { type: 'new_business' }),
    ];
    expect(
      commission({ input: 'attainment', tiers: attainmentTiers, when: { type: 'new_business' } }, credits),
    ).toEqual([['2026-02', '3000.00']]);
  });

  test('attainment resets with the quota period; credits of the same date go by id in code point order', () => {
    // quota period quarter, retroactive attainment: Jan 60,000 → 3,000; Apr 60,000 starts Q2 afresh → 3,000
    const credits = [credit('a', '2026-01-15', 60000), credit('b', '2026-04-15', 60000)];
    const result = runPayee(
      {
        quotaPeriod: 'quarter',
        components: [
          { id: 'commission', kind: 'rate-table', input: 'attainment', method: 'retroactive', tiers: attainmentTiers },
        ],
      },
      { quota, credits },
    );
    expect(amountsOf(result, 'commission')).toEqual([
      ['2026-01', '3000.00'],
      ['2026-04', '3000.00'],
    ]);
    // the same date: "B" (U+0042) before "a" (U+0061); with when on type, only "a" earns: F(1.5) − F(0.9) =
    // 0.10 − 0.045 = 0.055 → 5,500
    const same = [credit('a', '2026-01-15', 60000, { type: 'nb' }), credit('B', '2026-01-15', 90000)];
    expect(commission({ input: 'attainment', tiers: attainmentTiers, when: { type: 'nb' } }, same)).toEqual([
      ['2026-01', '5500.00'],
    ]);
  });

  test('QUOTA_MISSING when an attainment component has no quota for its measure', () => {
    expect(() =>
      commission({ input: 'attainment', tiers: attainmentTiers }, [credit('a', '2026-01-15', 1)], { quota: {} }),
    ).toThrow(expect.objectContaining({ code: 'QUOTA_MISSING' }));
    expect(() =>
      commission({ input: 'attainment', tiers: attainmentTiers }, [credit('a', '2026-01-15', 1)], {
        quota: { bookings: 0 },
      }),
    ).toThrow(expect.objectContaining({ code: 'QUOTA_MISSING' }));
  });
});

describe('several measures and split credits', () => {
  test('each rate-table reads its own measure and quota', () => {
    // bookings: 50,000 of 100,000 = 0.5 → 0.5 × 5 % × 100,000 = 2,500 (retroactive)
    // revenue: 50,000 of 50,000 = 1.0 → on the boundary, 10 % × 50,000 = 5,000
    const components = [
      {
        id: 'bookings',
        kind: 'rate-table',
        measure: 'bookings',
        input: 'attainment',
        method: 'retroactive',
        tiers: attainmentTiers,
      },
      {
        id: 'revenue',
        kind: 'rate-table',
        measure: 'revenue',
        input: 'attainment',
        method: 'retroactive',
        tiers: attainmentTiers,
      },
    ];
    const credits = [credit('b1', '2026-01-10', 50000), credit('r1', '2026-01-20', 50000, { measure: 'revenue' })];
    const result = runPayee({ components }, { quota: { bookings: 100000, revenue: 50000 }, credits });
    expect(result.periods[0]!.components).toEqual({ bookings: '2500.00', revenue: '5000.00' });
  });

  test('a deal split 50/50 gives each payee half the credit and their own tiers', () => {
    // 120,000 deal split: 60,000 each; rep A quota 100,000 → 3,000; rep B quota 50,000 → 1.2 → 12 % × 50,000 = 6,000
    const plan = {
      id: 'p',
      currency: 'USD',
      components: [
        { id: 'commission', kind: 'rate-table', input: 'attainment', method: 'retroactive', tiers: attainmentTiers },
      ],
    };
    const result = runScenario({
      plan,
      payees: [
        { id: 'A', quota: { bookings: 100000 }, credits: [credit('deal-1', '2026-01-10', 60000)] },
        { id: 'B', quota: { bookings: 50000 }, credits: [credit('deal-1', '2026-01-10', 60000)] },
      ],
    });
    expect(result.payees.map((p) => p.total.earned)).toEqual(['3000.00', '6000.00']);
  });
});
