// Cancellations and clawback (DESIGN §6), worked by hand.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { compareCodePoints, creditsAsOf, type PricedCredit, wholeMonths } from './apply-cancellations.ts';
import { amountsOf, credit, runPayee } from './comp.test-helper.ts';

// 10 % flat commission and a 1,000 bonus per credit of the measure
const components = [
  { id: 'commission', kind: 'rate-table', tiers: [{ rate: 0.1 }] },
  { id: 'bonus', kind: 'per-credit-bonus', amount: 1000 },
];
const run = (clawback: Record<string, unknown> | undefined, credits: unknown[]) => {
  const result = runPayee({ components, ...(clawback ? { clawback } : {}) }, { credits });
  return { commission: amountsOf(result, 'commission'), bonus: amountsOf(result, 'bonus') };
};

test('ids order by Unicode code point, also where UTF-16 units order otherwise', () => {
  // U+1F600 (a surrogate pair, D83D DE00) is above U+FF21 by code point, below it by unit.
  expect(Math.sign(compareCodePoints('a\u{1F600}', 'a\uFF21'))).toBe(1);
  expect(Math.sign(compareCodePoints('a\uFF21', 'a\u{1F600}'))).toBe(-1);
  expect(Math.sign(compareCodePoints('T-10', 'T-9'))).toBe(-1);
  expect(compareCodePoints('T-1', 'T-1')).toBe(0);
  expect(Math.sign(compareCodePoints('T-1', 'T-10'))).toBe(-1);
  const byCodePoint = (a: string, b: string) => {
    const x = Array.from(a, (ch) => ch.codePointAt(0)!);
    const y = Array.from(b, (ch) => ch.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  const text = fc.string({ unit: fc.constantFrom('a', 'z', '\uE000', '\uFFFF', '\u{10000}', '\u{1F600}', '-', '0') });
  fc.assert(
    fc.property(text, text, (a, b) => {
      expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoint(a, b)));
    }),
  );
});

test('whole calendar months: the month difference, minus 1 when the day of month is smaller', () => {
  expect(wholeMonths('2026-01-31', '2026-04-30')).toBe(2); // 3 − 1: the 30th is before the 31st
  expect(wholeMonths('2026-01-31', '2026-05-31')).toBe(4);
  expect(wholeMonths('2026-01-15', '2026-01-20')).toBe(0);
  expect(wholeMonths('2025-11-10', '2026-02-09')).toBe(2); // 3 − 1
});

describe('percent clawback', () => {
  const sale = credit('c1', '2026-01-10', 50000);
  test('the default takes everything back, in the cancellation`s pay period', () => {
    // Jan: 5,000 and 1,000; the Mar 15 cancellation re-prices: c1 counts 0 → Mar −5,000 and −1,000
    expect(run(undefined, [sale, credit('x1', '2026-03-15', -50000, { cancels: 'c1' })])).toEqual({
      commission: [
        ['2026-01', '5000.00'],
        ['2026-03', '-5000.00'],
      ],
      bonus: [
        ['2026-01', '1000.00'],
        ['2026-03', '-1000.00'],
      ],
    });
  });
  test('percent 0.5 within the window takes half back', () => {
    // 64 days ≤ 90: c1 counts 25,000 → 2,500 (−2,500 in Mar); the bonus scales to 500 (−500)
    expect(
      run({ windowDays: 90, percent: 0.5 }, [sale, credit('x1', '2026-03-15', -50000, { cancels: 'c1' })]),
    ).toEqual({
      commission: [
        ['2026-01', '5000.00'],
        ['2026-03', '-2500.00'],
      ],
      bonus: [
        ['2026-01', '1000.00'],
        ['2026-03', '-500.00'],
      ],
    });
  });
  test('outside the window nothing changes', () => {
    // Jan 10 → Jun 30 is 171 days > 90
    expect(run({ windowDays: 90 }, [sale, credit('x1', '2026-06-30', -50000, { cancels: 'c1' })])).toEqual({
      commission: [['2026-01', '5000.00']],
      bonus: [['2026-01', '1000.00']],
    });
  });
});

describe('pro-rata clawback', () => {
  const sale = credit('c1', '2026-01-31', 60000, { contractMonths: 12 });
  test('s = (contractMonths − whole months) ÷ contractMonths', () => {
    // Jan 31 → Apr 30 is 2 whole months: s = 10/12, c1 counts 60,000 × 2/12 = 10,000 → 1,000; Apr −5,000
    // the bonus scales to 1,000 × 2/12 = 166.666… → cumulative rounds to 166.67, Apr −833.33
    expect(run({ proRata: true }, [sale, credit('x1', '2026-04-30', -60000, { cancels: 'c1' })])).toEqual({
      commission: [
        ['2026-01', '6000.00'],
        ['2026-04', '-5000.00'],
      ],
      bonus: [
        ['2026-01', '1000.00'],
        ['2026-04', '-833.33'],
      ],
    });
    // Jan 31 → May 31 is 4 whole months: s = 8/12, c1 counts 20,000 → 2,000; May −4,000
    expect(run({ proRata: true }, [sale, credit('x1', '2026-05-31', -60000, { cancels: 'c1' })]).commission).toEqual([
      ['2026-01', '6000.00'],
      ['2026-05', '-4000.00'],
    ]);
  });
  test('past the contract nothing is taken back; without contractMonths it is SCENARIO_INVALID', () => {
    // 13 whole months ≥ 12: s = max(0, −1/12) = 0
    expect(run({ proRata: true }, [sale, credit('x1', '2027-03-01', -60000, { cancels: 'c1' })]).commission).toEqual([
      ['2026-01', '6000.00'],
    ]);
    expect(() =>
      run({ proRata: true }, [
        credit('c1', '2026-01-31', 60000),
        credit('x1', '2026-03-01', -60000, { cancels: 'c1' }),
      ]),
    ).toThrow(expect.objectContaining({ code: 'SCENARIO_INVALID' }));
  });
});

test('a cancellation re-prices its whole quota period (retroactive true-up reversed)', () => {
  // retroactive attainment, quota 100,000, 0–1 at 5 %, 1+ at 10 %: Jan 60,000 → 3,000; Feb +60,000 → 12,000 (Feb 9,000);
  // Apr cancels the Feb credit: back to 0.6 × 5 % → 3,000, so Apr −9,000
  const result = runPayee(
    {
      components: [
        {
          id: 'commission',
          kind: 'rate-table',
          input: 'attainment',
          method: 'retroactive',
          tiers: [{ to: 1, rate: 0.05 }, { rate: 0.1 }],
        },
      ],
    },
    {
      quota: { bookings: 100000 },
      credits: [
        credit('a', '2026-01-15', 60000),
        credit('b', '2026-02-15', 60000),
        credit('x', '2026-04-02', -60000, { cancels: 'b' }),
      ],
    },
  );
  expect(amountsOf(result, 'commission')).toEqual([
    ['2026-01', '3000.00'],
    ['2026-02', '9000.00'],
    ['2026-04', '-9000.00'],
  ]);
});

test('a cancellation must mirror the credit it cancels', () => {
  const bad = (x: Record<string, unknown>) => () =>
    run(undefined, [credit('c1', '2026-01-10', 500, { currency: 'USD' }), { id: 'x', date: '2026-02-01', ...x }]);
  for (const x of [
    { amount: -400, cancels: 'c1' },
    { amount: -500, cancels: 'nope' },
    { amount: -500, cancels: 'c1', measure: 'revenue' },
  ]) {
    expect(bad(x)).toThrow(expect.objectContaining({ code: 'SCENARIO_INVALID' }));
  }
});

describe('credits as of a date', () => {
  const priced = (id: string, date: string, amount: string): PricedCredit => ({
    id,
    date,
    measure: 'bookings',
    amount: new Decimal(amount),
    written: new Decimal(amount),
    currency: 'USD',
  });
  const counted = (list: readonly { credit: { id: string }; amount: Decimal }[]) =>
    list.map((c) => `${c.credit.id}=${c.amount.toFixed()}`);

  test('a cancellation applies from its own date; uncounted credits are dated after; the same objects every call', () => {
    const credits = [
      priced('A', '2026-01-10', '1000'),
      priced('B', '2026-02-10', '500'),
      priced('C', '2026-03-10', '200'),
    ];
    const cancellations = [{ id: 'X', date: '2026-03-01', cancels: 'A', share: new Decimal('0.25') }];
    expect(counted(creditsAsOf(credits, cancellations, '2026-01-31'))).toEqual(['A=1000']);
    const february = creditsAsOf(credits, cancellations, '2026-02-28');
    expect(counted(february)).toEqual(['A=1000', 'B=500']);
    // 1000 × (1 − 0.25) from March 1
    expect(counted(creditsAsOf(credits, cancellations, '2026-03-31'))).toEqual(['A=750', 'B=500', 'C=200']);
    const again = creditsAsOf(credits, cancellations, '2026-03-31');
    expect(again[1]).toBe(february[1]);
    expect(again[1]!.factor.toFixed()).toBe('1');
  });

  test('a list sorted in place after a first call is read by its new positions', () => {
    const credits = [priced('B', '2026-02-10', '500'), priced('A', '2026-01-10', '1000')];
    const cancellations = [{ id: 'X', date: '2026-03-01', cancels: 'A', share: new Decimal(1) }];
    expect(counted(creditsAsOf(credits, cancellations, '2026-03-31'))).toEqual(['B=500', 'A=0']);
    credits.sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(counted(creditsAsOf(credits, cancellations, '2026-03-31'))).toEqual(['A=0', 'B=500']);
    expect(counted(creditsAsOf(credits, [], '2026-03-31'))).toEqual(['A=1000', 'B=500']);
  });
});
