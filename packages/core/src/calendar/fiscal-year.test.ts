import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { fiscalYear, fiscalYearOf } from './fiscal-year.ts';

const labels = (periods: readonly { period: string; start: string; end: string }[]) =>
  periods.map((p) => `${p.period} ${p.start}..${p.end}`);

test('Gregorian, January start: FY2026 is calendar 2026 (DESIGN §6 default calendar)', () => {
  const year = fiscalYear({ type: 'gregorian', fiscalYearStartMonth: 1 }, 2026);
  expect(year).toMatchObject({ year: 'FY2026', start: '2026-01-01', end: '2026-12-31', weeks: 52 });
  expect(year.quarters[0]).toEqual({ period: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
  expect(labels(year.halves)).toEqual(['2026-H1 2026-01-01..2026-06-30', '2026-H2 2026-07-01..2026-12-31']);
  // Months of a Gregorian calendar are calendar months, labelled YYYY-MM.
  expect(year.months.map((m) => m.period).join(' ')).toBe(
    '2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12',
  );
  expect(year.months[1]).toEqual({ period: '2026-02', start: '2026-02-01', end: '2026-02-28' });
});

test('Gregorian, February start: Feb 2026 – Jan 2027 is FY2027, Feb–Apr 2026 is 2027-Q1', () => {
  const year = fiscalYear({ type: 'gregorian', fiscalYearStartMonth: 2 }, 2027);
  expect(year).toMatchObject({ year: 'FY2027', start: '2026-02-01', end: '2027-01-31' });
  expect(labels(year.quarters)).toEqual([
    '2027-Q1 2026-02-01..2026-04-30',
    '2027-Q2 2026-05-01..2026-07-31',
    '2027-Q3 2026-08-01..2026-10-31',
    '2027-Q4 2026-11-01..2027-01-31',
  ]);
  expect(year.months[0]?.period).toBe('2026-02');
  expect(year.months[11]).toEqual({ period: '2027-01', start: '2027-01-01', end: '2027-01-31' });
  expect(fiscalYearOf({ type: 'gregorian', fiscalYearStartMonth: 2 }, '2026-01-31').year).toBe('FY2026');
  expect(fiscalYearOf({ type: 'gregorian', fiscalYearStartMonth: 2 }, '2026-02-01').year).toBe('FY2027');
});

test('4-4-5, Saturday last in December: FY2026 is 52 weeks, 2025-12-28..2026-12-26', () => {
  // 2025-12-31 is a Wednesday, so FY2025 ends on the last Saturday of December 2025, the 27th;
  // 2026-12-31 is a Thursday, so FY2026 ends on Saturday 2026-12-26. 364 days = 52 weeks.
  // M01 = 4 weeks from Sunday 12-28 (to 01-24), M02 = 4 weeks (01-25..02-21), M03 = 5 weeks
  // (02-22..03-28), so Q1 ends 2026-03-28; Q2 = 03-29 + 13 weeks − 1 day = 06-27.
  const year = fiscalYear({ type: '445', yearEndMonth: 12, weekday: 6, rule: 'last' }, 2026);
  expect(year).toMatchObject({ year: 'FY2026', start: '2025-12-28', end: '2026-12-26', weeks: 52 });
  expect(labels(year.months.slice(0, 3))).toEqual([
    '2026-M01 2025-12-28..2026-01-24',
    '2026-M02 2026-01-25..2026-02-21',
    '2026-M03 2026-02-22..2026-03-28',
  ]);
  expect(labels(year.quarters)).toEqual([
    '2026-Q1 2025-12-28..2026-03-28',
    '2026-Q2 2026-03-29..2026-06-27',
    '2026-Q3 2026-06-28..2026-09-26',
    '2026-Q4 2026-09-27..2026-12-26',
  ]);
  expect(year.halves[1]).toEqual({ period: '2026-H2', start: '2026-06-28', end: '2026-12-26' });
  // The defaults are exactly this calendar: December, Saturday, last.
  expect(fiscalYear({ type: '445' }, 2026)).toEqual(year);
});

test('4-4-5 53-week year: FY2022 gives its extra week to M12', () => {
  // 2021-12-31 is a Friday: FY2021 ends Saturday 2021-12-25. 2022-12-31 is itself a Saturday, so
  // FY2022 runs 2021-12-26..2022-12-31 = 371 days = 53 weeks. M12 is 5 + 1 = 6 weeks:
  // 2022-12-31 − 41 days = 2022-11-20. Q4 is 4 + 4 + 6 = 14 weeks from 2022-09-25.
  const year = fiscalYear({ type: '445' }, 2022);
  expect(year).toMatchObject({ start: '2021-12-26', end: '2022-12-31', weeks: 53 });
  expect(year.months[10]).toEqual({ period: '2022-M11', start: '2022-10-23', end: '2022-11-19' });
  expect(year.months[11]).toEqual({ period: '2022-M12', start: '2022-11-20', end: '2022-12-31' });
  expect(year.quarters[3]).toEqual({ period: '2022-Q4', start: '2022-09-25', end: '2022-12-31' });
});

test('NRF 4-5-4 FY2023: 53 weeks, 2023-01-29..2024-02-03, named by the year it starts in', () => {
  // FY2022 ends on the Saturday nearest Tuesday 2023-01-31: 01-28 (3 days before, not 02-04).
  // FY2023 ends on the Saturday nearest Wednesday 2024-01-31: 02-03 (3 days after, not 01-27).
  // 2023-01-29..2024-02-03 is 371 days = 53 weeks, as the NRF publishes; M12 (January) gets 5 weeks.
  const year = fiscalYear({ type: 'nrf-454' }, 2023);
  expect(year).toMatchObject({ year: 'FY2023', start: '2023-01-29', end: '2024-02-03', weeks: 53 });
  expect(labels(year.months)).toEqual([
    '2023-M01 2023-01-29..2023-02-25', // February, 4 weeks
    '2023-M02 2023-02-26..2023-04-01', // March, 5 weeks
    '2023-M03 2023-04-02..2023-04-29', // April, 4 weeks
    '2023-M04 2023-04-30..2023-05-27',
    '2023-M05 2023-05-28..2023-07-01',
    '2023-M06 2023-07-02..2023-07-29',
    '2023-M07 2023-07-30..2023-08-26',
    '2023-M08 2023-08-27..2023-09-30',
    '2023-M09 2023-10-01..2023-10-28',
    '2023-M10 2023-10-29..2023-11-25',
    '2023-M11 2023-11-26..2023-12-30',
    '2023-M12 2023-12-31..2024-02-03', // January, 4 + 1 weeks
  ]);
  expect(year.quarters[3]).toEqual({ period: '2023-Q4', start: '2023-10-29', end: '2024-02-03' });
});

test('NRF 4-5-4 FY2024: 52 weeks, 2024-02-04..2025-02-01', () => {
  // 2025-01-31 is a Friday; the nearest Saturday is the next day, 2025-02-01.
  const year = fiscalYear({ type: 'nrf-454' }, 2024);
  expect(year).toMatchObject({ year: 'FY2024', start: '2024-02-04', end: '2025-02-01', weeks: 52 });
  expect(year.months[11]).toEqual({ period: '2024-M12', start: '2025-01-05', end: '2025-02-01' });
});

test('NRF 53-week years: FY2012, FY2017 and FY2023 as the NRF lists them, then FY2028', () => {
  const longYears = [];
  for (let n = 2010; n <= 2030; n++) if (fiscalYear({ type: 'nrf-454' }, n).weeks === 53) longYears.push(n);
  expect(longYears).toEqual([2012, 2017, 2023, 2028]);
});

test("'nearest' rule: a year may end in the next month and keeps the name of its year-end month", () => {
  // Saturday nearest 2024-12-31 (Tuesday) is 2024-12-28; nearest 2025-12-31 (Wednesday) is
  // 2026-01-03, three days after. So FY2025 = 2024-12-29..2026-01-03, 371 days = 53 weeks.
  const calendar = { type: '445', rule: 'nearest' } as const;
  expect(fiscalYear(calendar, 2025)).toMatchObject({ start: '2024-12-29', end: '2026-01-03', weeks: 53 });
  // Saturday nearest 2026-12-31 (Thursday) is 2027-01-02: FY2026 = 2026-01-04..2027-01-02, 52 weeks.
  expect(fiscalYear(calendar, 2026)).toMatchObject({ start: '2026-01-04', end: '2027-01-02', weeks: 52 });
  expect(fiscalYearOf(calendar, '2026-01-02').year).toBe('FY2025');
  expect(fiscalYearOf(calendar, '2026-01-04').year).toBe('FY2026');
});

test("'nearest' to the end of September on a Sunday, 5-4-4", () => {
  // 2025-09-30 is a Tuesday: nearest Sunday is 09-28 (2 days before). 2026-09-30 is a Wednesday:
  // nearest Sunday is 10-04 (4 days after) vs 09-27 (3 days before) → 09-27. 364 days, 52 weeks.
  const year = fiscalYear({ type: '544', yearEndMonth: 9, weekday: 0, rule: 'nearest' }, 2026);
  expect(year).toMatchObject({ start: '2025-09-29', end: '2026-09-27', weeks: 52 });
  expect(year.months[0]).toEqual({ period: '2026-M01', start: '2025-09-29', end: '2025-11-02' });
});

test('fiscal years outside FY1000–FY9998 are PERIOD_INVALID', () => {
  expect(() => fiscalYear({ type: 'gregorian' }, 999)).toThrow(AttainError);
  expect(() => fiscalYear({ type: 'gregorian' }, 2026.5)).toThrow(/FY1000–FY9998/);
});

test('a fiscal year is laid out once per calendar and shared, so it cannot be changed by a caller', () => {
  const a = fiscalYear({ type: 'gregorian', fiscalYearStartMonth: 2 }, 2027);
  const b = fiscalYearOf({ type: 'gregorian', fiscalYearStartMonth: 2 }, '2026-06-15');
  expect(b).toBe(a);
  expect(() => (a.months as unknown as { start: string }[]).push({ start: '2027-02-01' })).toThrow(TypeError);
  expect(() => {
    (a.months[0] as { start: string }).start = '2026-01-01';
  }).toThrow(TypeError);
  // Another calendar, another layout: February start against January start.
  expect(fiscalYear({ type: 'gregorian', fiscalYearStartMonth: 1 }, 2027).start).toBe('2027-01-01');
  expect(a.start).toBe('2026-02-01');
});
