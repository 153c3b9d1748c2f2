import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { periodOf, periodsBetween } from './period-of.ts';

const february = { type: 'gregorian', fiscalYearStartMonth: 2 } as const;

test('periodOf finds the period of each grain holding a date', () => {
  // 2026-05-20 under a February start: month 2026-05, 2027-Q2 (May–Jul 2026), 2027-H1, FY2027.
  expect(periodOf(february, '2026-05-20', 'month')).toEqual({
    period: '2026-05',
    start: '2026-05-01',
    end: '2026-05-31',
  });
  expect(periodOf(february, '2026-05-20', 'quarter')).toEqual({
    period: '2027-Q2',
    start: '2026-05-01',
    end: '2026-07-31',
  });
  expect(periodOf(february, '2026-05-20', 'half').period).toBe('2027-H1');
  expect(periodOf(february, '2026-05-20', 'year')).toEqual({
    period: 'FY2027',
    start: '2026-02-01',
    end: '2027-01-31',
  });
  // NRF: 2024-01-15 is in January of FY2023's extended last month.
  expect(periodOf({ type: 'nrf-454' }, '2024-01-15', 'month').period).toBe('2023-M12');
});

test('periodsBetween lists every period overlapping the range, whole', () => {
  // 2026-01-15 is in 2026-Q4 (Nov 2025 – Jan 2026); 2026-05-01 is the first day of 2027-Q2.
  expect(periodsBetween(february, 'quarter', '2026-01-15', '2026-05-01').map((p) => p.period)).toEqual([
    '2026-Q4',
    '2027-Q1',
    '2027-Q2',
  ]);
  expect(periodsBetween(february, 'month', '2026-03-31', '2026-03-31')).toEqual([
    { period: '2026-03', start: '2026-03-01', end: '2026-03-31' },
  ]);
  expect(periodsBetween({ type: '445' }, 'year', '2025-12-27', '2025-12-28').map((p) => p.period)).toEqual([
    'FY2025',
    'FY2026',
  ]);
});

test('a range ending before it starts is RANGE_INVALID; an unknown grain GRAIN_INVALID', () => {
  expect(() => periodsBetween(february, 'month', '2026-03-02', '2026-03-01')).toThrow(AttainError);
  expect(() => periodsBetween(february, 'month', '2026-03-02', '2026-03-01')).toThrow(/ends before it starts/);
  expect(() => periodOf(february, '2026-03-01', 'week' as 'month')).toThrow(/"week" is not a period grain/);
  expect(() => periodOf(february, '2026-02-30', 'month')).toThrow(/not a date/);
});
