// The payroll file's rows from hand-made runs (comp-close.test-helper.ts), on a real database.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { seedClose } from './comp-close.test-helper.ts';
import { payrollColumns, payrollRecord, payrollRows } from './payroll-rows.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedClose(store.db);
});
afterAll(async () => {
  await store.close();
});

test('one row per paid payee of the current run, in the pay currency at the period-end rate', async () => {
  const payroll = await payrollRows(store.db, '2026-03');
  expect(payroll).toMatchObject({
    period: '2026-03',
    status: 'approved',
    components: ['club', 'commission', 'new-logo'],
  });
  expect(payroll.rows).toEqual([
    {
      // Ana is paid in EUR: no USD→EUR pair, so 1 ÷ the EUR→USD rate in force on 03-31 (1.25) = 0.8;
      // 7,600.00 USD × 0.8 = 6,080.00 EUR. Breakdown in USD: 5,000 + 1,500 + 1,000 − 200 + 300 = 7,600.
      employeeId: 'E-ANA',
      name: 'Ana Alves',
      payCurrency: 'EUR',
      amount: '6080.00',
      period: '2026-03',
      planCurrency: 'USD',
      planAmount: '7600.00',
      fxRate: '0.8',
      components: { club: '5000.00', commission: '1500.00', 'new-logo': '1000.00' },
      priorPeriodAdjustments: '-200.00',
      manualAdjustments: '300.00',
      drawTopUp: '0.00',
      drawRecovery: '0.00',
    },
    {
      // Ben earned 800.00 against a 2,000.00 draw: the top-up is 1,200.00.
      employeeId: 'E-BEN',
      name: 'Ben Brooks',
      payCurrency: 'USD',
      amount: '2000.00',
      period: '2026-03',
      planCurrency: 'USD',
      planAmount: '2000.00',
      fxRate: '1',
      components: { club: '0.00', commission: '800.00', 'new-logo': '0.00' },
      priorPeriodAdjustments: '0.00',
      manualAdjustments: '0.00',
      drawTopUp: '1200.00',
      drawRecovery: '0.00',
    },
  ]);
  expect(payroll.holds).toEqual([
    { employeeId: 'E-CAL', name: 'Cal Cruz', code: 'QUOTA_MISSING', message: 'No bookings quota for FY2026' },
  ]);
});

test('the closed run of a period with a superseded one is the current run', async () => {
  const payroll = await payrollRows(store.db, '2026-01');
  expect(payroll.status).toBe('closed');
  // January: EUR→USD 1.10, so 2,400.00 ÷ 1.10 = 2,181.8181… → 2,181.82 EUR
  expect(payroll.rows.map((r) => [r.employeeId, r.amount, r.payCurrency])).toEqual([['E-ANA', '2181.82', 'EUR']]);
});

test('a draft or missing period is PERIOD_NOT_APPROVED, naming the period and its status', async () => {
  await expect(payrollRows(store.db, '2026-04')).rejects.toMatchObject({
    code: 'PERIOD_NOT_APPROVED',
    message: expect.stringContaining('2026-04 is draft'),
    details: { period: '2026-04', status: 'draft' },
  });
  await expect(payrollRows(store.db, '2026-09')).rejects.toMatchObject({
    code: 'PERIOD_NOT_APPROVED',
    details: { period: '2026-09', status: 'not run' },
  });
});

test('columns: fixed, one per component (renamed when it clashes), then adjustments', () => {
  const { columns, componentColumn } = payrollColumns(['amount', 'commission']);
  expect(columns.map((c) => c.name)).toEqual([
    'employeeId',
    'name',
    'payCurrency',
    'amount',
    'period',
    'planCurrency',
    'planAmount',
    'fxRate',
    'component:amount',
    'commission',
    'priorPeriodAdjustments',
    'manualAdjustments',
    'drawTopUp',
    'drawRecovery',
  ]);
  const record = payrollRecord(
    {
      employeeId: 'E-1',
      name: 'N',
      payCurrency: 'USD',
      amount: '1.00',
      period: '2026-03',
      planCurrency: 'USD',
      planAmount: '1.00',
      fxRate: '1',
      components: { amount: '0.50', commission: '0.50' },
      priorPeriodAdjustments: '0.00',
      manualAdjustments: '0.00',
      drawTopUp: '0.00',
      drawRecovery: '0.00',
    },
    componentColumn,
  );
  expect(record).toMatchObject({ amount: '1.00', 'component:amount': '0.50', commission: '0.50' });
});
