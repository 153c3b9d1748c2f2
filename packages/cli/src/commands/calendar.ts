// `attain calendar FY2023 [--calendar …] --format json|table` (DESIGN §7): prints one fiscal year
// with its quarters, halves and months. Parsing and printing only; the calendar rules live in core.

import { type CalendarDefinition, WEEK_PATTERNS } from '@attain/core/calendar/calendar-schema.ts';
import { type FiscalYear, fiscalYear } from '@attain/core/calendar/fiscal-year.ts';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, type Period } from '@attain/core/calendar/period.ts';
import { daysBetween } from '@attain/core/dates/iso-date.ts';
import { type Command, InvalidArgumentError, Option } from 'commander';

const CALENDAR_TYPES = ['gregorian', ...WEEK_PATTERNS, 'nrf-454'] as const;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const monthName = (month: number) =>
  new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });

interface CalendarOptions {
  calendar: (typeof CALENDAR_TYPES)[number];
  startMonth?: number;
  yearEndMonth?: number;
  weekday?: number;
  rule?: 'last' | 'nearest';
  format: 'json' | 'table';
}

export function register(program: Command): void {
  program
    .command('calendar')
    .description('show a fiscal year: start, end, weeks, quarters, halves and months (DESIGN §7)')
    .argument('<year>', `fiscal year, FY2023 or 2023 (FY${FIRST_FISCAL_YEAR}–FY${LAST_FISCAL_YEAR})`, parseYear)
    .addOption(new Option('--calendar <type>', 'calendar kind').choices(CALENDAR_TYPES).default('gregorian'))
    .option('--start-month <n>', 'gregorian: first month of the fiscal year, 1–12 (default 1)', parseMonth)
    .option('--year-end-month <n>', 'week-based: month the year ends in, 1–12 (default 12)', parseMonth)
    .option('--weekday <day>', 'week-based: weekday the year ends on, sun … sat (default sat)', parseWeekday)
    .addOption(
      new Option(
        '--rule <rule>',
        'week-based: the weekday is the last in the month, or the nearest to its last day (default last)',
      ).choices(['last', 'nearest']),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'))
    .action((year: number, options: CalendarOptions, command: Command) => {
      const calendar = calendarFrom(options, command);
      const fy = fiscalYear(calendar, year);
      process.stdout.write(options.format === 'json' ? `${toJson(fy)}\n` : toTable(fy, describe(calendar)));
    });
}

function parseYear(value: string): number {
  const m = /^(?:FY)?(\d{4})$/i.exec(value);
  const year = m ? Number(m[1]) : Number.NaN;
  if (!(year >= FIRST_FISCAL_YEAR && year <= LAST_FISCAL_YEAR)) {
    throw new InvalidArgumentError(`Expected FY2023 or 2023, a year from ${FIRST_FISCAL_YEAR} to ${LAST_FISCAL_YEAR}.`);
  }
  return year;
}

function parseMonth(value: string): number {
  if (!/^(?:[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError('Expected a month number from 1 to 12.');
  return Number(value);
}

function parseWeekday(value: string): number {
  const name = value.toLowerCase();
  const index = /^[0-6]$/.test(name)
    ? Number(name)
    : WEEKDAYS.findIndex((day) => name.length >= 3 && day.startsWith(name));
  if (index < 0) throw new InvalidArgumentError('Expected a weekday: sun, mon, tue, wed, thu, fri or sat.');
  return index;
}

/** Options that do not belong to the chosen calendar are wrong usage (exit 2), not silently ignored. */
function calendarFrom(options: CalendarOptions, command: Command): CalendarDefinition {
  const given = (keys: readonly (keyof CalendarOptions)[]) => keys.filter((key) => options[key] !== undefined);
  const weekKeys = ['yearEndMonth', 'weekday', 'rule'] as const;
  const [misplaced, reason] =
    options.calendar === 'gregorian'
      ? [given(weekKeys), 'week-based calendars only: --calendar 445|454|544']
      : options.calendar === 'nrf-454'
        ? [given(['startMonth', ...weekKeys]), 'a fixed preset: 4-5-4, Saturday nearest January 31']
        : [given(['startMonth']), 'Gregorian calendars only'];
  if (misplaced.length > 0) {
    const flags = misplaced.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    command.error(`error: ${flags.join(', ')} cannot be used with --calendar ${options.calendar} (${reason})`);
  }
  switch (options.calendar) {
    case 'gregorian':
      return { type: 'gregorian', fiscalYearStartMonth: options.startMonth ?? 1 };
    case 'nrf-454':
      return { type: 'nrf-454' };
    default:
      return {
        type: options.calendar,
        yearEndMonth: options.yearEndMonth ?? 12,
        weekday: options.weekday ?? 6,
        rule: options.rule ?? 'last',
      };
  }
}

/** The DESIGN §7 shape, keys in this order; halves follow months. */
function toJson(year: FiscalYear): string {
  const spans = (periods: readonly Period[]) => periods.map(({ period, start, end }) => ({ period, start, end }));
  const { start, end, weeks } = year;
  return JSON.stringify(
    {
      year: year.year,
      start,
      end,
      weeks,
      quarters: spans(year.quarters),
      months: spans(year.months),
      halves: spans(year.halves),
    },
    null,
    2,
  );
}

function describe(calendar: CalendarDefinition): string {
  switch (calendar.type) {
    case 'gregorian':
      return `Gregorian, starting in ${monthName(calendar.fiscalYearStartMonth ?? 1)}, named by the year it ends in`;
    case 'nrf-454':
      return 'NRF 4-5-4 retail calendar: ends on the Saturday nearest January 31, named by the year it starts in';
    default: {
      const [a, b, c] = calendar.type;
      const day = WEEKDAYS[calendar.weekday ?? 6]!.replace(/^./, (c) => c.toUpperCase());
      const month = monthName(calendar.yearEndMonth ?? 12);
      const where = calendar.rule === 'nearest' ? `nearest the end of ${month}` : `last in ${month}`;
      return `${a}-${b}-${c} weeks: ends on the ${day} ${where}, named by the year of that ${month}`;
    }
  }
}

/** The year, then each half, its quarters and their months, indented by level. */
function toTable(year: FiscalYear, description: string): string {
  const weekBased = year.months[0]!.period.includes('-M');
  const rows: string[][] = [['period', 'start', 'end', 'days', ...(weekBased ? ['weeks'] : [])]];
  const row = (level: number, p: Period) => {
    const days = daysBetween(p.start, p.end) + 1;
    rows.push([
      `${'  '.repeat(level)}${p.period}`,
      p.start,
      p.end,
      String(days),
      ...(weekBased ? [String(days / 7)] : []),
    ]);
  };
  row(0, { period: year.year, start: year.start, end: year.end });
  for (const [h, half] of year.halves.entries()) {
    row(1, half);
    for (const [q, quarter] of year.quarters.slice(h * 2, h * 2 + 2).entries()) {
      row(2, quarter);
      for (const month of year.months.slice((h * 2 + q) * 3, (h * 2 + q) * 3 + 3)) row(3, month);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => r[column]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, column) => (column >= 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
  const length = weekBased ? `${year.weeks} weeks` : `${daysBetween(year.start, year.end) + 1} days`;
  return `${year.year}: ${year.start} to ${year.end}, ${length}\n${description}\n\n${lines.join('\n')}\n`;
}
