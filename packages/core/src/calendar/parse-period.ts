// Reads a period label back into its dates (DESIGN §6 "Period labels"): `FY2026`, `2026-Q1`,
// `2026-H2`, and months as `2026-03` (Gregorian calendars) or `2026-M03` (week-based calendars).

import { daysInMonth, fromParts } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { type CalendarInput, type FiscalCalendar, resolveCalendar } from './calendar-schema.ts';
import { fiscalYear } from './fiscal-year.ts';
import { gregorianFiscalYearOf } from './gregorian-year.ts';
import { assertFiscalYearNumber, type Grain, type Period } from './period.ts';

export interface LabelledPeriod extends Period {
  readonly grain: Grain;
}

const FISCAL_LABEL = /^(?:FY(\d{4})|(\d{4})-(?:Q([1-4])|H([12])|M(0[1-9]|1[0-2])))$/;
const CALENDAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(calendar: CalendarInput, label: string): LabelledPeriod {
  const resolved = resolveCalendar(calendar);
  const month = CALENDAR_MONTH.exec(label);
  if (month) return calendarMonth(resolved, label, Number(month[1]), Number(month[2]));

  const m = FISCAL_LABEL.exec(label);
  if (!m) {
    throw invalid(label, `"${label}" is not a period label (FY2026, 2026-Q1, 2026-H2, ${monthExample(resolved)})`);
  }
  const fiscalYearNumber = assertFiscalYearNumber(Number(m[1] ?? m[2]), label);
  const year = fiscalYear(resolved, fiscalYearNumber);
  if (m[1] !== undefined) return { grain: 'year', period: year.year, start: year.start, end: year.end };
  if (m[3] !== undefined) return { grain: 'quarter', ...year.quarters[Number(m[3]) - 1]! };
  if (m[4] !== undefined) return { grain: 'half', ...year.halves[Number(m[4]) - 1]! };
  if (resolved.kind === 'gregorian') {
    throw invalid(
      label,
      `"${label}" names a week-based month; Gregorian calendars use calendar months such as 2026-03`,
    );
  }
  return { grain: 'month', ...year.months[Number(m[5]) - 1]! };
}

function calendarMonth(calendar: FiscalCalendar, label: string, year: number, month: number): LabelledPeriod {
  if (calendar.kind !== 'gregorian') {
    throw invalid(label, `"${label}" is a calendar month; week-based calendars name months ${year}-M01 … ${year}-M12`);
  }
  const start = fromParts(year, month, 1);
  assertFiscalYearNumber(gregorianFiscalYearOf(calendar, start), label);
  return { grain: 'month', period: label, start, end: fromParts(year, month, daysInMonth(year, month)) };
}

function monthExample(calendar: FiscalCalendar): string {
  return calendar.kind === 'gregorian' ? '2026-03' : '2026-M03';
}

function invalid(label: string, message: string): AttainError {
  return new AttainError('PERIOD_INVALID', message, { label });
}
