// What the forecast models read, as of one date (docs/forecasting.md "No look-ahead"): every query
// here reads only snapshots on or before the as-of date, transactions before it, and FX rates on it.
// Amounts are in the reporting currency at the as-of date's rates, to the cent per deal.
//
// Plans: (1) open deals + won-to-date: the latest snapshot up to the date of the deals with a
// snapshot closing in the period (snapshotsAsOfClosing: close-date index, then one primary-key
// probe per such deal) → hash join to the one-day FX grid and opportunities (created date).
// (2) closed history: closed-history.ts, for many dates in one statement. (3) monthly series:
// transactions before the date summed per day, or won deals per close day (won-by-day.ts),
// bucketed into fiscal months here.

import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import type { Grain, Period } from '@attain/core/calendar/period.ts';
import { periodOf, periodsBetween } from '@attain/core/calendar/period-of.ts';
import { addDays, addMonths } from '@attain/core/dates/iso-date.ts';
import type { ClosedObservation, OpenDeal } from '@attain/core/forecast/forecast-inputs.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { fxRatesOn, snapshotsAsOfClosing } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import { type Visibility, visibleCondition } from '../../visibility/visible-people.ts';
import { loadClosedHistories } from './closed-history.ts';
import { loadWonByDay } from './won-by-day.ts';

export interface DealInputs {
  open: OpenDeal[];
  wonToDate: Decimal;
  openPipeline: Decimal;
}

/** Open deals closing in the period and the period's won amount, each deal as of `asOf`. */
export async function loadDealInputs(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  period: Period,
  asOf: string,
): Promise<DealInputs> {
  const { rows } = await sql<{
    id: string;
    stage: string | null;
    status: string;
    probability: string | null;
    amount: string;
    age_days: number;
  }>`
    with fx as (${fxRatesOn(reportingCurrency, asOf)})
    select s.opportunity_id::text as id, s.stage, s.status, s.probability::text as probability,
      round(coalesce(s.amount, 0) * coalesce(fx.rate, 0), 2)::text as amount,
      greatest(0, ${asOf}::date - coalesce(o.created_date, s.snapshot_date))::int as age_days
    from ${snapshotsAsOfClosing(asOf, period.start, period.end)} s
    join opportunities o on o.id = s.opportunity_id
    left join fx on fx.currency = s.currency
    where s.status in ('open', 'won') and ${visibleCondition(visibility, 's.owner_id')}
    order by s.opportunity_id`.execute(db);
  const open: OpenDeal[] = [];
  let wonToDate = ZERO;
  let openPipeline = ZERO;
  for (const r of rows) {
    const amount = new Decimal(r.amount);
    if (r.status === 'won') {
      wonToDate = wonToDate.plus(amount);
      continue;
    }
    openPipeline = openPipeline.plus(amount);
    open.push({
      id: r.id,
      stage: r.stage,
      amount,
      probability: r.probability === null ? null : new Decimal(r.probability),
      ageDays: Number(r.age_days),
    });
  }
  return { open, wonToDate, openPipeline };
}

/**
 * The closed history known on `asOf`: a deal counts only if its latest snapshot on or before the
 * date says won or lost. One observation per deal and stage it was open in (by then): its age when
 * it entered the stage (the stage's first open snapshot), and whether it was won by the end of the
 * `grain` period its close date was in then (won), lost by then (lost), or closed after it
 * (slipped). Grouped in SQL by stage, age bucket and outcome — a medium demo has ~110,000
 * observations, which are not worth sending one by one — each row carrying its count and the
 * bucket's first day as its age. Period ends come from the calendar, 30 years either side.
 */
export async function loadClosedHistory(
  db: Kysely<Database>,
  visibility: Visibility,
  calendar: CalendarInput,
  grain: Grain,
  asOf: string,
): Promise<ClosedObservation[]> {
  return (await loadClosedHistories(db, visibility, calendar, grain, [asOf])).get(asOf)!;
}

export type SeriesKind = 'run-rate' | 'won';

export interface MonthlySeries {
  /** Fiscal months, oldest first, the last one complete before the as-of date. */
  months: Period[];
  values: Decimal[];
}

/** How many months of history the time series is fitted on, at most. */
export const SERIES_MONTHS = 36;

/**
 * The monthly series known before `asOf`, over the complete fiscal months before it (up to
 * SERIES_MONTHS): run-rate = revenue + usage transactions dated before the date; won = deals whose
 * latest snapshot on or before the date says won, by close date.
 */
export async function loadMonthlySeries(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  calendar: CalendarInput,
  kind: SeriesKind,
  asOf: string,
): Promise<MonthlySeries> {
  const months = seriesMonths(calendar, asOf);
  if (months.length === 0) return { months, values: [] };
  if (kind === 'won') {
    const [byDay] = await loadWonByDay(db, visibility, reportingCurrency, [wonSeriesRequest(months, asOf)]);
    return monthlySeries(months, byDay!);
  }
  const { rows } = await sql<{ day: string; amount: string }>`
    with fx as (${fxRatesOn(reportingCurrency, asOf)})
    select t.date::text as day, sum(t.amount * coalesce(fx.rate, 0))::text as amount
    from transactions t left join fx on fx.currency = t.currency
    where t.type in ('revenue', 'usage') and t.date >= ${months[0]!.start}::date and t.date < ${asOf}::date
      and ${visibleCondition(visibility, 't.owner_id')}
    group by t.date`.execute(db);
  return monthlySeries(months, new Map(rows.map((r) => [r.day, new Decimal(r.amount)])));
}

/** The complete fiscal months before `asOf` a series is fitted on (up to SERIES_MONTHS), oldest first. */
export function seriesMonths(calendar: CalendarInput, asOf: string): Period[] {
  const asOfMonth = periodOf(calendar, asOf, 'month');
  const lastComplete = asOfMonth.start === asOf ? addDays(asOf, -1) : addDays(asOfMonth.start, -1);
  const from = periodOf(calendar, addMonths(lastComplete, -(SERIES_MONTHS - 1)), 'month').start;
  return periodsBetween(calendar, 'month', from, lastComplete).filter((m) => m.end <= lastComplete);
}

/** The won deals a series as of `asOf` adds up: closing in its months, as known on the date. */
export const wonSeriesRequest = (months: readonly Period[], asOf: string) => ({
  knownBy: asOf,
  from: months[0]!.start,
  to: months.at(-1)!.end,
});

/** Day amounts bucketed into the months; leading months before any data are dropped. */
export function monthlySeries(months: readonly Period[], byDay: ReadonlyMap<string, Decimal>): MonthlySeries {
  const values = months.map(() => ZERO);
  for (const [day, amount] of byDay) {
    const i = months.findIndex((m) => m.start <= day && day <= m.end);
    if (i >= 0) values[i] = values[i]!.plus(amount);
  }
  // Leading months before any data would read as zeros the business never had: drop them.
  const first = values.findIndex((v) => !v.isZero());
  return first < 0 ? { months: [], values: [] } : { months: months.slice(first), values: values.slice(first) };
}

/**
 * Each period's actual won amount (close date inside it) as known on `knownBy`, at that day's
 * rates, in one pass for several periods (the ensemble scores 8 earlier periods at once).
 */
export async function loadActualWon(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  periods: readonly Period[],
  knownBy: string,
): Promise<Map<string, Decimal>> {
  if (periods.length === 0) return new Map();
  const [byDay] = await loadWonByDay(db, visibility, reportingCurrency, [actualWonRequest(periods, knownBy)]);
  return actualWon(periods, byDay!);
}

/** The won deals the periods' actuals add up: closing from the first period's start to the last one's end. */
export const actualWonRequest = (periods: readonly Period[], knownBy: string) => ({
  knownBy,
  from: periods.map((p) => p.start).reduce((a, b) => (a < b ? a : b)),
  to: periods.map((p) => p.end).reduce((a, b) => (a > b ? a : b)),
});

/** Each period's sum of the day amounts inside it. */
export function actualWon(periods: readonly Period[], byDay: ReadonlyMap<string, Decimal>): Map<string, Decimal> {
  const result = new Map(periods.map((p) => [p.period, ZERO]));
  for (const [day, amount] of byDay) {
    for (const p of periods)
      if (p.start <= day && day <= p.end) result.set(p.period, result.get(p.period)!.plus(amount));
  }
  return result;
}

/** The period's actual run-rate revenue + usage as known on `knownBy`. */
export async function loadActualRunRate(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  period: Period,
  knownBy: string,
): Promise<Decimal> {
  const { rows } = await sql<{ amount: string | null }>`
    with fx as (${fxRatesOn(reportingCurrency, knownBy)})
    select round(sum(t.amount * coalesce(fx.rate, 0)), 2)::text as amount
    from transactions t left join fx on fx.currency = t.currency
    where t.type in ('revenue', 'usage') and t.date between ${period.start}::date and ${period.end}::date
      and t.date <= ${knownBy}::date and ${visibleCondition(visibility, 't.owner_id')}`.execute(db);
  return new Decimal(rows[0]?.amount ?? 0);
}
