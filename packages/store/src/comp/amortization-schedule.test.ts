// The ASC 340-40 schedule read from hand-made runs (comp-close.test-helper.ts), on a real database.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { amortizationSchedule } from './amortization-schedule.ts';
import { seedClose } from './comp-close.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedClose(store.db);
});
afterAll(async () => {
  await store.close();
});

test('February: the January contract amortises; a non-recoverable draw top-up is expensed', async () => {
  // T-100: 2,400.00 over 24 months from January → 100.00 a month; opening 2,300.00.
  // Ben earned 500.00 and was paid 2,000.00 with nothing owed: 1,500.00 forgiven draw.
  // Expensed 500 + 1,500 = 2,000; total 2,100.00; closing 2,200.00.
  const report = await amortizationSchedule(store.db, '2026-02');
  expect(report.totals).toEqual([
    {
      currency: 'USD',
      openingBalance: '2300.00',
      capitalised: '0.00',
      writtenDown: '0.00',
      amortisation: '100.00',
      expensedAsIncurred: '2000.00',
      totalExpense: '2100.00',
      closingBalance: '2200.00',
    },
  ]);
});

test('March: new contracts capitalised, a prior-period reduction written down, the rest expensed', async () => {
  // T-300: commission 1,000.004 + new-logo 1,000 = 2,000.00 over 36 months → 55.56 in March.
  // T-400 (Ben): 800.00 over 24 → 33.33. T-200 is a 12-month contract: expensed.
  // T-100: −200 comes off its 2,200.00 unamortised; 2,000.00 over the 22 months left → 90.91.
  // Incurred: Ana 7,600 + Ben 800 (his 1,200 top-up is owed back, not a cost) = 8,400;
  // expensed 8,400 − 2,800 + 200 = 5,800.00 (club, manual, T-200, the 0.004 rounding).
  // Closing: 2,200 + 2,800 − 200 − 179.80 = 4,620.20.
  const report = await amortizationSchedule(store.db, '2026-03');
  expect(report.runs.map((r) => [r.period, r.status])).toEqual([
    ['2026-01', 'closed'],
    ['2026-02', 'approved'],
    ['2026-03', 'approved'],
  ]);
  expect(report.totals).toEqual([
    {
      currency: 'USD',
      openingBalance: '2200.00',
      capitalised: '2800.00',
      writtenDown: '200.00',
      amortisation: '179.80',
      expensedAsIncurred: '5800.00',
      totalExpense: '5979.80',
      closingBalance: '4620.20',
    },
  ]);
  expect(
    report.lines.map((l) => [l.payee, l.transaction, l.cost, l.months, l.start, l.amortisedToDate, l.remaining]),
  ).toEqual([
    ['E-ANA', 'T-100', '2400.00', 24, '2026-01', '290.91', '1909.09'],
    ['E-ANA', 'T-300', '2000.00', 36, '2026-03', '55.56', '1944.44'],
    ['E-BEN', 'T-400', '800.00', 24, '2026-03', '33.33', '766.67'],
  ]);
});

test('a configured benefit period capitalises the 12-month contract too', async () => {
  const report = await amortizationSchedule(store.db, '2026-03', { benefitMonths: 60 });
  // 2,000.00 + 800.00 + T-200's 499.996 → 500.00
  expect(report.totals[0]).toMatchObject({ capitalised: '3300.00' });
});

test('a period whose current run is a draft has no schedule yet', async () => {
  await expect(amortizationSchedule(store.db, '2026-04')).rejects.toMatchObject({ code: 'PERIOD_NOT_APPROVED' });
});
