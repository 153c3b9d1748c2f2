import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { daysInMonth, fromParts } from '../dates/iso-date.ts';
import { Decimal } from '../money/decimal.ts';
import {
  type AmortizationTotals,
  amortizeCommissions,
  amortizeCost,
  type CommissionCost,
} from './amortize-commissions.ts';

const month = (label: string) => {
  const [y, m] = label.split('-').map(Number);
  return { period: label, start: fromParts(y!, m!, 1), end: fromParts(y!, m!, daysInMonth(y!, m!)) };
};
const cost = (over: Partial<CommissionCost> & Pick<CommissionCost, 'incurred' | 'amount'>): CommissionCost => ({
  payee: 'P-1',
  transaction: 'T-1',
  kind: 'rate-table',
  currency: 'USD',
  contractMonths: 24,
  ...over,
});
const usd = (x: string) => new Decimal(x);

// The worked example of docs/asc-340-40.md.
//   T-1: 2,400.00 commission in January on a 24-month contract → 100.00 a month, Jan 2026 – Dec 2027
//   T-2: 1,000.00 new-logo bonus in March on a 36-month contract → 27.78, 27.78, 27.77, … (cumulative)
//   T-3: 500.00 commission in March on a 12-month contract → expensed (practical expedient)
//   5,000.00 club bonus in March (attainment-bonus, no contract) → expensed
const example: CommissionCost[] = [
  cost({ incurred: '2026-01-31', amount: usd('2400') }),
  cost({
    incurred: '2026-03-31',
    amount: usd('1000'),
    transaction: 'T-2',
    kind: 'per-credit-bonus',
    contractMonths: 36,
  }),
  cost({ incurred: '2026-03-31', amount: usd('500'), transaction: 'T-3', contractMonths: 12 }),
  { payee: 'P-1', kind: 'attainment-bonus', incurred: '2026-03-31', amount: usd('5000'), currency: 'USD' },
];

describe('ASC 340-40 amortisation (docs/asc-340-40.md)', () => {
  test('the worked example: March 2026', () => {
    // opening: 2,400 − Jan 100 − Feb 100 = 2,200; capitalised T-2 1,000;
    // amortisation 100.00 + 27.78 = 127.78; expensed 500 + 5,000 = 5,500; closing 3,072.22
    const report = amortizeCommissions(example, month('2026-03'));
    expect(report.totals).toEqual([
      {
        currency: 'USD',
        openingBalance: '2200.00',
        capitalised: '1000.00',
        writtenDown: '0.00',
        amortisation: '127.78',
        expensedAsIncurred: '5500.00',
        totalExpense: '5627.78',
        closingBalance: '3072.22',
      },
    ]);
    expect(report.lines).toEqual([
      {
        payee: 'P-1',
        transaction: 'T-1',
        currency: 'USD',
        incurred: '2026-01-31',
        cost: '2400.00',
        months: 24,
        start: '2026-01',
        end: '2027-12',
        writtenDown: '0.00',
        amortisedThisPeriod: '100.00',
        amortisedToDate: '300.00',
        remaining: '2100.00',
      },
      {
        payee: 'P-1',
        transaction: 'T-2',
        currency: 'USD',
        incurred: '2026-03-31',
        cost: '1000.00',
        months: 36,
        start: '2026-03',
        end: '2029-02',
        writtenDown: '0.00',
        amortisedThisPeriod: '27.78',
        amortisedToDate: '27.78',
        remaining: '972.22',
      },
    ]);
  });

  test('a quarter adds its three months; a month before any cost is all zeros', () => {
    // Q1: capitalised 2,400 + 1,000; amortised T-1 3 × 100 + T-2 27.78; expensed 5,500
    const q1 = amortizeCommissions(example, { period: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(q1.totals[0]).toMatchObject({
      openingBalance: '0.00',
      capitalised: '3400.00',
      amortisation: '327.78',
      expensedAsIncurred: '5500.00',
      totalExpense: '5827.78',
      closingBalance: '3072.22',
    });
    expect(amortizeCommissions(example, month('2025-12'))).toEqual({
      period: '2025-12',
      start: '2025-12-01',
      end: '2025-12-31',
      totals: [],
      lines: [],
    });
  });

  test('a clawback writes the unamortised asset down; the rest reduces expense', () => {
    // July: T-1 cancelled, −2,400. Jan–Jun amortised 600, so 1,800 comes off the asset and
    // 600 (already expensed) comes back as negative expense. T-2 amortises its 5th month:
    // cum 1,000 × 5/36 = 138.89, minus 111.11 after June = 27.78.
    // opening 1,800 + (1,000 − 111.11) = 2,688.89; closing 2,688.89 − 1,800 − 27.78 = 861.11
    const clawed = [...example, cost({ incurred: '2026-07-31', amount: usd('-2400') })];
    const report = amortizeCommissions(clawed, month('2026-07'));
    expect(report.totals[0]).toEqual({
      currency: 'USD',
      openingBalance: '2688.89',
      capitalised: '0.00',
      writtenDown: '1800.00',
      amortisation: '27.78',
      expensedAsIncurred: '-600.00',
      totalExpense: '-572.22',
      closingBalance: '861.11',
    });
    expect(report.lines.find((l) => l.transaction === 'T-1')).toMatchObject({
      writtenDown: '1800.00',
      amortisedToDate: '600.00',
      remaining: '0.00',
    });
    // From August on, T-1 has nothing left and is no longer listed.
    expect(amortizeCommissions(clawed, month('2026-08')).lines.map((l) => l.transaction)).toEqual(['T-2']);
  });

  test('a configured benefit period replaces the contract term, even for a 12-month contract', () => {
    const report = amortizeCommissions(
      [cost({ incurred: '2026-03-31', amount: usd('600'), contractMonths: 12, benefitMonths: 60 })],
      month('2026-03'),
    );
    expect(report.totals[0]).toMatchObject({ capitalised: '600.00', amortisation: '10.00', closingBalance: '590.00' });
  });

  test('costs with no contract term, or not per credit, are expensed', () => {
    const report = amortizeCommissions(
      [
        cost({ incurred: '2026-03-31', amount: usd('100'), contractMonths: null }),
        cost({ incurred: '2026-03-31', amount: usd('200'), kind: 'mbo' }),
        cost({ incurred: '2026-03-31', amount: usd('300'), transaction: undefined }),
      ],
      month('2026-03'),
    );
    expect(report.lines).toEqual([]);
    expect(report.totals[0]).toMatchObject({ capitalised: '0.00', expensedAsIncurred: '600.00' });
  });
});

describe('amortised months add up (property)', () => {
  const amounts = fc.bigInt({ min: 1n, max: 10n ** 12n }).map((units) => new Decimal(units.toString()).div(1000)); // up to a billion, three decimals
  const currencies = fc.constantFrom('USD', 'JPY', 'KWD');

  test('a cost amortised over its whole term sums exactly to the rounded cost, no month negative', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 13, max: 120 }), currencies, (amount, months, currency) => {
        const parts = amortizeCost(new Decimal(amount).toDecimalPlaces(currency === 'JPY' ? 0 : 2), currency, months);
        expect(parts).toHaveLength(months);
        const rounded = new Decimal(amount).toDecimalPlaces(currency === 'JPY' ? 0 : 2);
        expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(rounded)).toBe(true);
        for (const p of parts) expect(p.isNegative()).toBe(false);
      }),
    );
  });

  test('month by month: the balance rolls forward, never goes negative, and ends at zero', () => {
    // A few costs on one or two contracts, some of them clawbacks, over 2026–2027.
    const costs = fc.array(
      fc.record({
        transaction: fc.constantFrom('T-1', 'T-2'),
        month: fc.integer({ min: 0, max: 23 }),
        cents: fc.integer({ min: -500_000, max: 1_000_000 }),
        months: fc.integer({ min: 13, max: 36 }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(costs, (drawn) => {
        const input = drawn.map((c) => {
          const m = month(`${2026 + Math.floor(c.month / 12)}-${String((c.month % 12) + 1).padStart(2, '0')}`);
          return cost({
            transaction: c.transaction,
            incurred: m.end,
            amount: new Decimal(c.cents).div(100),
            contractMonths: c.months,
          });
        });
        let balance = new Decimal(0);
        let capitalised = new Decimal(0);
        let writtenDown = new Decimal(0);
        let amortised = new Decimal(0);
        for (let k = 0; k < 24 + 36; k++) {
          const label = `${2026 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
          const t: AmortizationTotals | undefined = amortizeCommissions(input, month(label)).totals[0];
          if (!t) continue;
          expect(new Decimal(t.openingBalance).equals(balance)).toBe(true);
          const closing = new Decimal(t.openingBalance).plus(t.capitalised).minus(t.writtenDown).minus(t.amortisation);
          expect(new Decimal(t.closingBalance).equals(closing)).toBe(true);
          expect(closing.isNegative()).toBe(false);
          expect(new Decimal(t.amortisation).isNegative()).toBe(false);
          balance = closing;
          capitalised = capitalised.plus(t.capitalised);
          writtenDown = writtenDown.plus(t.writtenDown);
          amortised = amortised.plus(t.amortisation);
        }
        expect(balance.isZero()).toBe(true);
        expect(amortised.equals(capitalised.minus(writtenDown))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
