import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { parsePeriod } from './parse-period.ts';

const february = { type: 'gregorian', fiscalYearStartMonth: 2 } as const;
const nrf = { type: 'nrf-454' } as const;

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error instanceof AttainError ? { code: error.code, label: error.details.label } : error;
  }
  return 'no error';
}

test('Gregorian labels: calendar months, fiscal quarters, halves and years (DESIGN §6)', () => {
  expect(parsePeriod(february, '2026-03')).toEqual({
    grain: 'month',
    period: '2026-03',
    start: '2026-03-01',
    end: '2026-03-31',
  });
  expect(parsePeriod(february, '2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
  // With a February start, Feb–Apr 2026 is 2027-Q1 and Aug 2026 – Jan 2027 is 2027-H2.
  expect(parsePeriod(february, '2027-Q1')).toEqual({
    grain: 'quarter',
    period: '2027-Q1',
    start: '2026-02-01',
    end: '2026-04-30',
  });
  expect(parsePeriod(february, '2027-H2')).toMatchObject({ start: '2026-08-01', end: '2027-01-31' });
  expect(parsePeriod(february, 'FY2027')).toEqual({
    grain: 'year',
    period: 'FY2027',
    start: '2026-02-01',
    end: '2027-01-31',
  });
});

test('week-based labels: months are <FY>-M01 … <FY>-M12', () => {
  expect(parsePeriod(nrf, '2023-M01')).toEqual({
    grain: 'month',
    period: '2023-M01',
    start: '2023-01-29',
    end: '2023-02-25',
  });
  expect(parsePeriod(nrf, '2023-M12')).toMatchObject({ start: '2023-12-31', end: '2024-02-03' });
  expect(parsePeriod(nrf, '2024-Q2')).toMatchObject({ start: '2024-05-05', end: '2024-08-03' });
});

test('bad labels are PERIOD_INVALID and name the label', () => {
  for (const label of ['2026-Q5', '2026-H3', '2026-13', '2026-3', 'FY26', 'fy2026', '2026-Q1 ', 'Q1-2026', '']) {
    expect(codeOf(() => parsePeriod(february, label))).toEqual({ code: 'PERIOD_INVALID', label });
  }
  expect(() => parsePeriod(february, '2026-q1')).toThrow('"2026-q1" is not a period label');
  for (const label of ['2026-M00', '2026-M13', '2026-M1']) {
    expect(codeOf(() => parsePeriod(nrf, label))).toEqual({ code: 'PERIOD_INVALID', label });
  }
});

test('each calendar has one month form: YYYY-MM for Gregorian, <FY>-Mnn for week-based', () => {
  expect(codeOf(() => parsePeriod(february, '2026-M03'))).toEqual({ code: 'PERIOD_INVALID', label: '2026-M03' });
  expect(codeOf(() => parsePeriod(nrf, '2026-03'))).toEqual({ code: 'PERIOD_INVALID', label: '2026-03' });
  expect(() => parsePeriod(nrf, '2026-03')).toThrow('week-based calendars name months 2026-M01 … 2026-M12');
});

test('fiscal years outside FY1000–FY9998 are PERIOD_INVALID', () => {
  expect(codeOf(() => parsePeriod(february, 'FY0999'))).toEqual({ code: 'PERIOD_INVALID', label: 'FY0999' });
  expect(codeOf(() => parsePeriod(february, '9998-03'))).toEqual({ code: 'PERIOD_INVALID', label: '9998-03' });
});
