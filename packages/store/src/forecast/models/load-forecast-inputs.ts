// What the forecast models read, as of one date (docs/forecasting.md "No look-ahead"): every query
// here reads only snapshots on or before the as-of date, transactions before it, and FX rates on it.
// Amounts are in the reporting currency at the as-of date's rates, to the cent per deal.
//
// Plans: (1) open deals + won-to-date: each opportunity's latest snapshot up to the date (one
// primary-key probe per opportunity, latestSnapshots) → hash join to the one-day FX grid and
// opportunities (created date), filtered by close date in the period. (2) closed history: the same
// latest-state pass keeps deals that state says are won/lost, joined back to their open snapshots
// up to the date, one row per deal and stage (the snapshot where it entered that stage), grouped
// by stage, age bucket and outcome. (3) monthly series: transactions (or won deals) before the
// date summed per day, bucketed into fiscal months here.

import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import type { Grain, Period } from '@attain/core/calendar/period.ts';
import { periodOf, periodsBetween } from '@attain/core/calendar/period-of.ts';
import { addDays, addMonths } from '@attain/core/dates/iso-date.ts';
import { AGE_BUCKETS } from '@attain/core/forecast/conversion.ts';
import type { ClosedObservation, OpenDeal } from '@attain/core/forecast/forecast-inputs.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { fxRatesOn } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import { type Visibility, visibleCondition } from '../../visibility/visible-people.ts';

/**
 * Each opportunity's latest snapshot on or before `date` (DESIGN §8), the same rows as
 * pipeline/snapshot-state.ts snapshotsAsOf but as one primary-key probe per opportunity (lateral,
 * limit 1): on the small demo (94k snapshots) 20–40 ms instead of 80–140 ms for the distinct-on
 * pass, which a backtest repeats for every quarter.
 */
export function latestSnapshots(date: string) {
  return sql`(select s.* from opportunities o cross join lateral (
      select * from opportunity_snapshots x where x.opportunity_id = o.id and x.snapshot_date <= ${date}::date
      order by x.snapshot_date desc limit 1) s)`;
}

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
    from ${latestSnapshots(asOf)} s
    join opportunities o on o.id = s.opportunity_id
    left join fx on fx.currency = s.currency
    where s.status in ('open', 'won') and s.close_date between ${period.start}::date and ${period.end}::date
      and ${visibleCondition(visibility, 's.owner_id')}
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
  const ends = periodsBetween(calendar, grain, addMonths(asOf, -360), addMonths(asOf, 360)).map((p) => p.end);
  const floors = AGE_BUCKETS.map((_, i) => (i === 0 ? 0 : AGE_BUCKETS[i - 1]!.maxDays + 1));
  const bucket = sql.raw(
    `case ${AGE_BUCKETS.slice(0, -1)
      .map((b, i) => `when age_days <= ${b.maxDays} then ${floors[i]}`)
      .join(' ')} else ${floors.at(-1)} end`,
  );
  const { rows } = await sql<{
    stage: string | null;
    age_days: number;
    outcome: ClosedObservation['outcome'];
    n: string;
  }>`
    with final as (
      select f.opportunity_id, f.status, f.close_date from ${latestSnapshots(asOf)} f
      where f.status in ('won', 'lost') and ${visibleCondition(visibility, 'f.owner_id')}
    ),
    entered as (
      select distinct on (x.opportunity_id, x.stage) x.opportunity_id, x.stage, x.snapshot_date, x.close_date
      from opportunity_snapshots x join final using (opportunity_id)
      where x.snapshot_date <= ${asOf}::date and x.status = 'open'
      order by x.opportunity_id, x.stage, x.snapshot_date
    ),
    -- each distinct expected close date's period end, looked up once (a few thousand dates, not every row)
    period_end as (
      select d.close_date, (select min(pe) from unnest(${ends}::date[]) pe where pe >= d.close_date) as end_date
      from (select distinct close_date from entered) d
    ),
    observed as (
      select e.stage,
        greatest(0, e.snapshot_date - coalesce(o.created_date, e.snapshot_date))::int as age_days,
        case when final.close_date > pe.end_date then 'slipped' else final.status end as outcome
      from entered e join final using (opportunity_id) join opportunities o on o.id = e.opportunity_id
      left join period_end pe on pe.close_date = e.close_date
    )
    select stage, ${bucket} as age_days, outcome, count(*)::text as n
    from observed group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return rows.map((r) => ({ stage: r.stage, ageDays: Number(r.age_days), outcome: r.outcome, count: Number(r.n) }));
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
  const asOfMonth = periodOf(calendar, asOf, 'month');
  const lastComplete = asOfMonth.start === asOf ? addDays(asOf, -1) : addDays(asOfMonth.start, -1);
  const from = periodOf(calendar, addMonths(lastComplete, -(SERIES_MONTHS - 1)), 'month').start;
  const months = periodsBetween(calendar, 'month', from, lastComplete).filter((m) => m.end <= lastComplete);
  if (months.length === 0) return { months, values: [] };
  const start = months[0]!.start;
  const { rows } =
    kind === 'run-rate'
      ? await sql<{ day: string; amount: string }>`
          with fx as (${fxRatesOn(reportingCurrency, asOf)})
          select t.date::text as day, sum(t.amount * coalesce(fx.rate, 0))::text as amount
          from transactions t left join fx on fx.currency = t.currency
          where t.type in ('revenue', 'usage') and t.date >= ${start}::date and t.date < ${asOf}::date
            and ${visibleCondition(visibility, 't.owner_id')}
          group by t.date`.execute(db)
      : await sql<{ day: string; amount: string }>`
          with fx as (${fxRatesOn(reportingCurrency, asOf)})
          select s.close_date::text as day, sum(round(coalesce(s.amount, 0) * coalesce(fx.rate, 0), 2))::text as amount
          from ${latestSnapshots(asOf)} s left join fx on fx.currency = s.currency
          where s.status = 'won' and s.close_date >= ${start}::date and s.close_date <= ${lastComplete}::date
            and ${visibleCondition(visibility, 's.owner_id')}
          group by s.close_date`.execute(db);
  const values = months.map(() => ZERO);
  for (const r of rows) {
    const i = months.findIndex((m) => m.start <= r.day && r.day <= m.end);
    if (i >= 0) values[i] = values[i]!.plus(r.amount);
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
  const result = new Map(periods.map((p) => [p.period, ZERO]));
  if (periods.length === 0) return result;
  const { rows } = await sql<{ period: string; amount: string }>`
    with fx as (${fxRatesOn(reportingCurrency, knownBy)}),
    p as (select * from unnest(${periods.map((p) => p.period)}::text[], ${periods.map((p) => p.start)}::date[],
      ${periods.map((p) => p.end)}::date[]) as p(period, start_date, end_date))
    select p.period, sum(round(coalesce(s.amount, 0) * coalesce(fx.rate, 0), 2))::text as amount
    from ${latestSnapshots(knownBy)} s
    join p on s.close_date between p.start_date and p.end_date
    left join fx on fx.currency = s.currency
    where s.status = 'won' and ${visibleCondition(visibility, 's.owner_id')}
    group by p.period`.execute(db);
  for (const r of rows) result.set(r.period, new Decimal(r.amount));
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
