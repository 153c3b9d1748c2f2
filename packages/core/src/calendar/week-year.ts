// 52/53-week fiscal years (DESIGN §7): a year ends on a weekday, the last one in its year-end month
// ('last') or the one nearest that month's last day ('nearest'), and starts the day after the
// previous year's end. Each quarter is 13 weeks split 4-4-5, 4-5-4 or 5-4-4; a 53-week year adds
// its extra week to the last month (DESIGN §6 "Period labels").
import { addDays, dateParts, daysBetween, daysInMonth, fromParts, type IsoDate, weekday } from '../dates/iso-date.ts';
import type { WeekCalendar } from './calendar-schema.ts';
import type { Period, YearLayout } from './period.ts';
import { fiscalMonthLabel } from './period-label.ts';

/** The last day of FY n. */
export function weekYearEnd(calendar: WeekCalendar, fiscalYear: number): IsoDate {
  // A year named by its start (NRF) ends near the close of yearEndMonth of the next calendar year.
  const anchorYear = calendar.naming === 'start' ? fiscalYear + 1 : fiscalYear;
  const monthEnd = fromParts(anchorYear, calendar.yearEndMonth, daysInMonth(anchorYear, calendar.yearEndMonth));
  const daysBack = (weekday(monthEnd) - calendar.weekday + 7) % 7;
  // 7 is odd, so 'nearest' never ties: the weekday is 0–3 days before or 1–3 days after.
  if (calendar.rule === 'last' || daysBack <= 3) return addDays(monthEnd, -daysBack);
  return addDays(monthEnd, 7 - daysBack);
}

export function weekYearLayout(calendar: WeekCalendar, fiscalYear: number): YearLayout {
  const start = addDays(weekYearEnd(calendar, fiscalYear - 1), 1);
  const end = weekYearEnd(calendar, fiscalYear);
  const weeks = (daysBetween(start, end) + 1) / 7;
  const quarterWeeks = [...calendar.pattern].map(Number);
  const months: Period[] = [];
  let monthStart = start;
  for (let i = 0; i < 12; i++) {
    const extraWeek = i === 11 && weeks === 53 ? 1 : 0;
    const monthEnd = addDays(monthStart, (quarterWeeks[i % 3]! + extraWeek) * 7 - 1);
    months.push({ period: fiscalMonthLabel(fiscalYear, i + 1), start: monthStart, end: monthEnd });
    monthStart = addDays(monthEnd, 1);
  }
  return { start, end, weeks, months };
}

export function weekFiscalYearOf(calendar: WeekCalendar, date: IsoDate): number {
  // The year's end is within a few days of yearEndMonth, so the first guess is off by at most one.
  let fiscalYear = dateParts(date).year - (calendar.naming === 'start' ? 1 : 0);
  while (date > weekYearEnd(calendar, fiscalYear)) fiscalYear++;
  while (date <= weekYearEnd(calendar, fiscalYear - 1)) fiscalYear--;
  return fiscalYear;
}
