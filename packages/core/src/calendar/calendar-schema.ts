// Fiscal calendar definitions (DESIGN §7) and their resolution into one normalised shape.
// Gregorian calendars start on the 1st of any month; week-based calendars (4-4-5, 4-5-4, 5-4-4) end
// on a weekday last in, or nearest to the end of, a month; `nrf-454` is the NRF retail preset.
import { z } from 'zod';
import { AttainError } from '../errors.ts';

export const WEEK_PATTERNS = ['445', '454', '544'] as const;
export type WeekPattern = (typeof WEEK_PATTERNS)[number];
export type YearEndRule = 'last' | 'nearest';

const month = z.number().int().min(1).max(12);

export const calendarSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('gregorian'), fiscalYearStartMonth: month.default(1) }),
  z.strictObject({
    type: z.enum(WEEK_PATTERNS),
    yearEndMonth: month.default(12),
    weekday: z.number().int().min(0).max(6).default(6),
    rule: z.enum(['last', 'nearest']).default('last'),
  }),
  z.strictObject({ type: z.literal('nrf-454') }),
]);

/** A calendar as written in a plan, scenario or option list; omitted fields take their defaults. */
export type CalendarDefinition = z.input<typeof calendarSchema>;

export interface GregorianCalendar {
  readonly kind: 'gregorian';
  readonly fiscalYearStartMonth: number;
}

export interface WeekCalendar {
  readonly kind: 'week';
  readonly pattern: WeekPattern;
  readonly yearEndMonth: number;
  /** 0 = Sunday … 6 = Saturday: the weekday every fiscal year ends on. */
  readonly weekday: number;
  readonly rule: YearEndRule;
  /**
   * 'end': FY n is the year whose end is anchored to yearEndMonth of calendar year n.
   * 'start': FY n is named by the year it starts in (NRF), so it ends near yearEndMonth of n + 1.
   */
  readonly naming: 'end' | 'start';
}

export type FiscalCalendar = GregorianCalendar | WeekCalendar;

/** What the calendar functions accept: a definition, or a calendar already resolved. */
export type CalendarInput = CalendarDefinition | FiscalCalendar;

/** The NRF 4-5-4 retail calendar: ends on the Saturday nearest January 31, named by its start year. */
export const NRF_454: WeekCalendar = {
  kind: 'week',
  pattern: '454',
  yearEndMonth: 1,
  weekday: 6,
  rule: 'nearest',
  naming: 'start',
};

const resolvedDefinitions = new Map<string, FiscalCalendar>();

/** Validates a definition (typed or straight from YAML/JSON) and applies defaults and presets. */
export function resolveCalendar(definition: unknown): FiscalCalendar {
  if (isResolved(definition)) return definition;
  // The same definition (a workspace's, a plan's) is resolved once per date a run looks at.
  const key = typeof definition === 'object' && definition !== null ? JSON.stringify(definition) : undefined;
  const known = key === undefined ? undefined : resolvedDefinitions.get(key);
  if (known) return known;
  const resolved = Object.freeze(parseCalendar(definition));
  if (key !== undefined) {
    if (resolvedDefinitions.size >= 1000) resolvedDefinitions.clear();
    resolvedDefinitions.set(key, resolved);
  }
  return resolved;
}

function parseCalendar(definition: unknown): FiscalCalendar {
  const parsed = calendarSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.join('.') : 'calendar';
    throw new AttainError('CALENDAR_INVALID', `Invalid fiscal calendar at ${path}: ${issue?.message ?? 'unknown'}`, {
      path,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const value = parsed.data;
  switch (value.type) {
    case 'gregorian':
      return { kind: 'gregorian', fiscalYearStartMonth: value.fiscalYearStartMonth };
    case 'nrf-454':
      return NRF_454;
    default:
      return {
        kind: 'week',
        pattern: value.type,
        yearEndMonth: value.yearEndMonth,
        weekday: value.weekday,
        rule: value.rule,
        naming: 'end',
      };
  }
}

function isResolved(value: unknown): value is FiscalCalendar {
  return typeof value === 'object' && value !== null && 'kind' in value;
}
