// Which period of a grain holds a date, and which periods overlap a date range (DESIGN §6, §7).

import { addDays, assertIsoDate, type IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { type CalendarInput, resolveCalendar } from './calendar-schema.ts';
import { type FiscalYear, fiscalYearOf } from './fiscal-year.ts';
import { GRAINS, type Grain, type Period } from './period.ts';

/** The periods of one grain in a fiscal year, in date order. */
export function periodsOfYear(year: FiscalYear, grain: Grain): readonly Period[] {
  switch (grain) {
    case 'month':
      return year.months;
    case 'quarter':
      return year.quarters;
    case 'half':
      return year.halves;
    case 'year':
      return [{ period: year.year, start: year.start, end: year.end }];
  }
}

export function periodOf(calendar: CalendarInput, date: IsoDate, grain: Grain): Period {
  assertGrain(grain);
  const year = fiscalYearOf(calendar, date);
  const found = periodsOfYear(year, grain).find((p) => p.start <= date && date <= p.end);
  // Months, quarters and halves tile their year, so a date of the year is always in one of them.
  if (!found) throw new Error(`${year.year} has no ${grain} holding ${date}`);
  return found;
}

/** Every period of the grain that shares at least one day with [from, to] (both inclusive), in order. */
export function periodsBetween(calendar: CalendarInput, grain: Grain, from: IsoDate, to: IsoDate): Period[] {
  const resolved = resolveCalendar(calendar);
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (from > to) {
    throw new AttainError('RANGE_INVALID', `The range ${from} .. ${to} ends before it starts`, { from, to });
  }
  const periods: Period[] = [];
  let current = periodOf(resolved, from, grain);
  periods.push(current);
  while (current.end < to) {
    current = periodOf(resolved, addDays(current.end, 1), grain);
    periods.push(current);
  }
  return periods;
}

function assertGrain(grain: string): asserts grain is Grain {
  if (!GRAINS.includes(grain as Grain)) {
    throw new AttainError('GRAIN_INVALID', `"${grain}" is not a period grain (${GRAINS.join(', ')})`, { grain });
  }
}
