// A fiscal year with its quarters, halves and months (DESIGN §7), for any calendar kind.
import { assertIsoDate, type IsoDate } from '../dates/iso-date.ts';
import { type CalendarInput, type FiscalCalendar, resolveCalendar } from './calendar-schema.ts';
import { gregorianFiscalYearOf, gregorianYearLayout } from './gregorian-year.ts';
import { assertFiscalYearNumber, type Period, type YearLayout } from './period.ts';
import { halfLabel, quarterLabel, yearLabel } from './period-label.ts';
import { weekFiscalYearOf, weekYearLayout } from './week-year.ts';

export interface FiscalYear {
  /** The label, `FY2023`. */
  readonly year: string;
  /** The number in the label, 2023. */
  readonly number: number;
  readonly start: IsoDate;
  /** Inclusive. */
  readonly end: IsoDate;
  /** 52 or 53 for week-based calendars; floor(days ÷ 7), so always 52, for Gregorian ones. */
  readonly weeks: number;
  readonly quarters: readonly Period[];
  readonly halves: readonly Period[];
  readonly months: readonly Period[];
}

/** Years already laid out, per calendar and year; frozen, as every caller shares them. */
const years = new Map<string, FiscalYear>();

export function fiscalYear(calendar: CalendarInput, fiscalYearNumber: number): FiscalYear {
  const resolved = resolveCalendar(calendar);
  assertFiscalYearNumber(fiscalYearNumber);
  // A compensation run asks for the same few years millions of times (every credit's quota period).
  const key = `${JSON.stringify(resolved)}#${fiscalYearNumber}`;
  let year = years.get(key);
  if (!year) {
    const layout =
      resolved.kind === 'gregorian'
        ? gregorianYearLayout(resolved, fiscalYearNumber)
        : weekYearLayout(resolved, fiscalYearNumber);
    year = deepFreeze(assemble(fiscalYearNumber, layout));
    if (years.size >= 10_000) years.clear();
    years.set(key, year);
  }
  return year;
}

function deepFreeze(year: FiscalYear): FiscalYear {
  for (const list of [year.quarters, year.halves, year.months]) {
    for (const p of list) Object.freeze(p);
    Object.freeze(list);
  }
  return Object.freeze(year);
}

/** The fiscal year that contains a date. */
export function fiscalYearOf(calendar: CalendarInput, date: IsoDate): FiscalYear {
  const resolved = resolveCalendar(calendar);
  return fiscalYear(resolved, fiscalYearNumberOf(resolved, assertIsoDate(date)));
}

export function fiscalYearNumberOf(calendar: FiscalCalendar, date: IsoDate): number {
  const fiscalYearNumber =
    calendar.kind === 'gregorian' ? gregorianFiscalYearOf(calendar, date) : weekFiscalYearOf(calendar, date);
  return assertFiscalYearNumber(fiscalYearNumber, `FY${fiscalYearNumber} (the fiscal year of ${date})`);
}

/** Quarters are months 1–3, 4–6, …; halves are months 1–6 and 7–12. */
function assemble(fiscalYearNumber: number, layout: YearLayout): FiscalYear {
  const { months } = layout;
  const span = (label: string, first: number, count: number): Period => ({
    period: label,
    start: months[first]!.start,
    end: months[first + count - 1]!.end,
  });
  return {
    year: yearLabel(fiscalYearNumber),
    number: fiscalYearNumber,
    start: layout.start,
    end: layout.end,
    weeks: layout.weeks,
    quarters: [1, 2, 3, 4].map((q) => span(quarterLabel(fiscalYearNumber, q), (q - 1) * 3, 3)),
    halves: [1, 2].map((h) => span(halfLabel(fiscalYearNumber, h), (h - 1) * 6, 6)),
    months,
  };
}
