// Gregorian fiscal years (DESIGN §7): twelve calendar months from the 1st of the start month,
// named by the calendar year they end in — with a February start, Feb 2026 – Jan 2027 is FY2027.
import { dateParts, daysBetween, daysInMonth, fromParts, type IsoDate } from '../dates/iso-date.ts';
import type { GregorianCalendar } from './calendar-schema.ts';
import type { Period, YearLayout } from './period.ts';
import { calendarMonthLabel } from './period-label.ts';

/** The calendar year in which FY n starts: n itself for a January start, else the year before. */
function startYear(calendar: GregorianCalendar, fiscalYear: number): number {
  return calendar.fiscalYearStartMonth === 1 ? fiscalYear : fiscalYear - 1;
}

/** `weeks` is whole weeks, floor(days ÷ 7): always 52, since a Gregorian year is 365 or 366 days. */
export function gregorianYearLayout(calendar: GregorianCalendar, fiscalYear: number): YearLayout {
  const first = startYear(calendar, fiscalYear) * 12 + (calendar.fiscalYearStartMonth - 1);
  const months: Period[] = [];
  for (let i = 0; i < 12; i++) {
    const year = Math.floor((first + i) / 12);
    const month = ((first + i) % 12) + 1;
    months.push({
      period: calendarMonthLabel(year, month),
      start: fromParts(year, month, 1),
      end: fromParts(year, month, daysInMonth(year, month)),
    });
  }
  const start = months[0]!.start;
  const end = months[11]!.end;
  return { start, end, weeks: Math.floor((daysBetween(start, end) + 1) / 7), months };
}

export function gregorianFiscalYearOf(calendar: GregorianCalendar, date: IsoDate): number {
  const { year, month } = dateParts(date);
  return calendar.fiscalYearStartMonth === 1 || month < calendar.fiscalYearStartMonth ? year : year + 1;
}
