// Properties every calendar must keep, over random calendars, years and dates (DESIGN §7).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { addDays, daysBetween, daysInMonth, fromDayNumber, toDayNumber, weekday } from '../dates/iso-date.ts';
import { type CalendarDefinition, resolveCalendar } from './calendar-schema.ts';
import { fiscalYear, fiscalYearOf } from './fiscal-year.ts';
import { parsePeriod } from './parse-period.ts';
import { GRAINS, type Period } from './period.ts';
import { periodOf, periodsBetween } from './period-of.ts';

const month = fc.integer({ min: 1, max: 12 });
const calendars: fc.Arbitrary<CalendarDefinition> = fc.oneof(
  fc.record({ type: fc.constant('gregorian' as const), fiscalYearStartMonth: month }),
  fc.record({
    type: fc.constantFrom('445' as const, '454' as const, '544' as const),
    yearEndMonth: month,
    weekday: fc.integer({ min: 0, max: 6 }),
    rule: fc.constantFrom('last' as const, 'nearest' as const),
  }),
  fc.constant({ type: 'nrf-454' as const }),
);
const years = fc.integer({ min: 1001, max: 9997 });
const dates = fc
  .integer({ min: toDayNumber('1100-01-01'), max: toDayNumber('9990-12-31') })
  .map((day) => fromDayNumber(day));

function expectTiles(periods: readonly Period[], start: string, end: string): void {
  expect(periods[0]?.start).toBe(start);
  expect(periods.at(-1)?.end).toBe(end);
  for (const [i, p] of periods.entries()) {
    expect(p.start <= p.end).toBe(true);
    if (i > 0) expect(p.start).toBe(addDays(periods[i - 1]!.end, 1));
  }
}

test('months, quarters and halves tile their fiscal year with no gap or overlap', () => {
  fc.assert(
    fc.property(calendars, years, (calendar, n) => {
      const year = fiscalYear(calendar, n);
      expect([year.months.length, year.quarters.length, year.halves.length]).toEqual([12, 4, 2]);
      expectTiles(year.months, year.start, year.end);
      expectTiles(year.quarters, year.start, year.end);
      expectTiles(year.halves, year.start, year.end);
      // Quarter and half boundaries fall on month boundaries.
      for (const [q, quarter] of year.quarters.entries()) {
        expect(quarter.start).toBe(year.months[q * 3]!.start);
        expect(quarter.period).toBe(`${n}-Q${q + 1}`);
      }
      expect(year.halves[1]!.start).toBe(year.quarters[2]!.start);
    }),
  );
});

test('consecutive fiscal years tile: each starts the day after the previous one ends', () => {
  fc.assert(
    fc.property(calendars, years, (calendar, n) => {
      expect(fiscalYear(calendar, n + 1).start).toBe(addDays(fiscalYear(calendar, n).end, 1));
    }),
  );
});

test('week-based years are 52 or 53 whole weeks ending on their weekday, near their month end', () => {
  fc.assert(
    fc.property(calendars, years, (definition, n) => {
      const calendar = resolveCalendar(definition);
      if (calendar.kind !== 'week') return;
      const year = fiscalYear(calendar, n);
      expect([52, 53]).toContain(year.weeks);
      expect(daysBetween(year.start, year.end) + 1).toBe(year.weeks * 7);
      expect(weekday(year.end)).toBe(calendar.weekday);
      expect(weekday(year.start)).toBe((calendar.weekday + 1) % 7);
      // The end is within a week before the year-end month's last day ('last'), or 3 days of it.
      const anchorYear = calendar.naming === 'start' ? n + 1 : n;
      const monthEnd = `${anchorYear}-${String(calendar.yearEndMonth).padStart(2, '0')}-${daysInMonth(anchorYear, calendar.yearEndMonth)}`;
      const offset = daysBetween(monthEnd, year.end);
      if (calendar.rule === 'last') expect(offset >= -6 && offset <= 0).toBe(true);
      else expect(Math.abs(offset) <= 3).toBe(true);
      // Months follow the pattern; a 53rd week goes to the last month.
      const monthWeeks = year.months.map((m) => (daysBetween(m.start, m.end) + 1) / 7);
      const pattern = [...calendar.pattern].map(Number);
      const expected = [...pattern, ...pattern, ...pattern, ...pattern];
      expected[11]! += year.weeks - 52;
      expect(monthWeeks).toEqual(expected);
    }),
  );
});

test('Gregorian years are twelve calendar months, 365 or 366 days, weeks = 52', () => {
  fc.assert(
    fc.property(years, month, (n, startMonth) => {
      const year = fiscalYear({ type: 'gregorian', fiscalYearStartMonth: startMonth }, n);
      expect([365, 366]).toContain(daysBetween(year.start, year.end) + 1);
      expect(year.weeks).toBe(52);
      expect(year.start.slice(5)).toBe(`${String(startMonth).padStart(2, '0')}-01`);
      expect(year.end.slice(0, 4)).toBe(String(n));
      for (const m of year.months) expect(m.period).toBe(m.start.slice(0, 7));
    }),
  );
});

test('fiscalYearOf and periodOf contain the date, and every label parses back to its period', () => {
  fc.assert(
    fc.property(calendars, dates, (calendar, date) => {
      const year = fiscalYearOf(calendar, date);
      expect(year.start <= date && date <= year.end).toBe(true);
      for (const grain of GRAINS) {
        const period = periodOf(calendar, date, grain);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(parsePeriod(calendar, period.period)).toEqual({ grain, ...period });
      }
    }),
  );
});

test('periodsBetween lists contiguous periods covering the range, each overlapping it', () => {
  fc.assert(
    fc.property(calendars, fc.constantFrom(...GRAINS), dates, fc.integer({ min: 0, max: 800 }), (c, grain, from, n) => {
      const to = addDays(from, n);
      const periods = periodsBetween(c, grain, from, to);
      expect(periods[0]!.start <= from && from <= periods[0]!.end).toBe(true);
      expect(periods.at(-1)!.start <= to && to <= periods.at(-1)!.end).toBe(true);
      for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(addDays(periods[i - 1]!.end, 1));
    }),
  );
});
