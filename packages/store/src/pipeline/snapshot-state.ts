// What every pipeline-history question shares (DESIGN §4 snapshots, §8): a deal's state as of a
// date is its latest snapshot on or before it; the stage order; the period a question is about.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { Period } from '@attain/core/calendar/period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { orderStages } from '@attain/core/pipeline/stage-order.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { WorkspaceSettings } from '../settings/workspace-settings.ts';

/**
 * Each opportunity's latest snapshot on or before `date`, as a subquery. Plan: one backward
 * primary-key probe per opportunity (lateral, limit 1) — on the large demo (575k deals, 9.6M
 * snapshots) 1.3 s, where a distinct-on pass over every snapshot up to the date takes 5 s.
 */
export function snapshotsAsOf(date: string) {
  return sql`(select s.* from opportunities o cross join lateral (
      select * from opportunity_snapshots x where x.opportunity_id = o.id and x.snapshot_date <= ${date}::date
      order by x.snapshot_date desc limit 1) s)`;
}

/**
 * The latest snapshots that are open: the rows of `snapshotsAsOf(date)` with status 'open', with
 * the deal's created date and product (deal_created_date, deal_product_id), which the snapshot
 * does not carry. Most deals are closed by any date, so their rows are not read: per deal the
 * latest date (a backward primary-key probe, index-only) → anti-join to the won/lost snapshots on
 * that date (opportunity_snapshots_closed, index-only) → only the remaining rows fetched by primary
 * key (`limit 1` keeps that fetch a probe: flattened into a join, PostgreSQL hashed every open
 * snapshot, 4 s). 1.26 s against 1.47 s for snapshotsAsOf on the large demo (575k deals, 79k open).
 */
export function openSnapshotsAsOf(date: string) {
  return sql`(select s.*, o.created_date as deal_created_date, o.product_id as deal_product_id from opportunities o
    cross join lateral (select x.snapshot_date from opportunity_snapshots x
      where x.opportunity_id = o.id and x.snapshot_date <= ${date}::date order by x.snapshot_date desc limit 1) l
    cross join lateral (select * from opportunity_snapshots y
      where y.opportunity_id = o.id and y.snapshot_date = l.snapshot_date limit 1) s
    where not exists (select 1 from opportunity_snapshots c where c.opportunity_id = o.id
        and c.snapshot_date = l.snapshot_date and c.status in ('won', 'lost'))
      and s.status = 'open')`;
}

/**
 * The same latest snapshots, kept when their close date falls in `start`..`end`. A deal whose
 * state on `date` closes in the range has some snapshot up to the date closing in it (that state
 * itself), so only those deals are probed: an index range scan on the close date
 * (opportunity_snapshots_close) → distinct deals, in order (probes walking the primary key forward
 * cost a quarter of probes in hash order) → one primary-key probe each.
 */
export function snapshotsAsOfClosing(date: string, start: string, end: string) {
  return sql`(select s.* from (select distinct c.opportunity_id as id from opportunity_snapshots c
      where c.close_date between ${start}::date and ${end}::date and c.snapshot_date <= ${date}::date
      order by 1) o
    cross join lateral (
      select * from opportunity_snapshots x where x.opportunity_id = o.id and x.snapshot_date <= ${date}::date
      order by x.snapshot_date desc limit 1) s
    where s.close_date between ${start}::date and ${end}::date)`;
}

/**
 * Runs `question` in a transaction planned for history statements: JIT off — the planner's row
 * estimates run to millions, so it JIT-compiles queries that run in a second (~1 s of compiling
 * measured on the medium demo) — and work_mem 256 MB, so grouping a million deals' stages stays
 * in memory instead of sorting on disk. Inside a caller's transaction, it joins it.
 */
export async function withHistoryPlanning<T>(
  db: Kysely<Database>,
  question: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const settings = sql`select set_config('jit', 'off', true), set_config('work_mem', '256MB', true)`;
  if (db.isTransaction) {
    await settings.execute(db);
    return question(db);
  }
  return db.transaction().execute(async (trx) => {
    await settings.execute(trx);
    return question(trx);
  });
}

/**
 * Every currency with a rate, and the reporting one. Grouped, not a plain union, so PostgreSQL
 * estimates a handful of rows from the column statistics instead of one per rate (37k on the
 * large demo), which made it plan a join of 40k deals as one of 19M rows.
 */
const currencies = (reportingCurrency: string) =>
  sql`(select from_currency as currency from fx_rates group by 1
    union select to_currency from fx_rates group by 1
    union select ${reportingCurrency}::char(3))`;

/**
 * Rates to the reporting currency on one day, as (currency, rate) rows: the same rule as
 * fx/daily-fx-rates.ts (DESIGN §6: the direct pair's latest rate on or before the day, else 1 ÷
 * the reverse pair's), without the day grid — whose 1,000-row estimate of generate_series makes
 * PostgreSQL JIT-compile even a tiny query (~0.5 s).
 */
export function fxRatesOn(reportingCurrency: string, day: string) {
  return sql`
    select c.currency,
      case when c.currency = ${reportingCurrency} then 1::numeric
        else coalesce(
          (select r.rate from fx_rates r
            where r.from_currency = c.currency and r.to_currency = ${reportingCurrency} and r.date <= ${day}::date
            order by r.date desc limit 1),
          (select 1 / r.rate from fx_rates r
            where r.from_currency = ${reportingCurrency} and r.to_currency = c.currency and r.date <= ${day}::date
            order by r.date desc limit 1))
      end as rate
    from ${currencies(reportingCurrency)} c`;
}

/**
 * fxRatesOn for several days at once, as (day, currency, rate) rows: `days` is a SQL relation with
 * a `day` date column. The same rule, per day.
 */
export function fxRatesOnDays(reportingCurrency: string, days: ReturnType<typeof sql>) {
  return sql`
    select d.day, c.currency,
      case when c.currency = ${reportingCurrency} then 1::numeric
        else coalesce(
          (select r.rate from fx_rates r
            where r.from_currency = c.currency and r.to_currency = ${reportingCurrency} and r.date <= d.day
            order by r.date desc limit 1),
          (select 1 / r.rate from fx_rates r
            where r.from_currency = ${reportingCurrency} and r.to_currency = c.currency and r.date <= d.day
            order by r.date desc limit 1))
      end as rate
    from ${days} d
    cross join ${currencies(reportingCurrency)} c`;
}

/**
 * The stage order: the configured list, else stages of open snapshots by mean probability. The
 * means come from open_stage_probabilities, the per-stage sums that triggers keep as snapshots are
 * written (migration 2026-11-25T1200): a few rows, where avg(probability) over every open snapshot
 * took 1.3–2 s on the large demo. sum ÷ count is avg's own arithmetic, so the order is the same.
 */
export async function stageOrder(db: Kysely<Database>, configured?: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ stage: string; avg_probability: string | null }>`
    select stage, (sum(probability_sum) / nullif(sum(with_probability), 0))::text as avg_probability
    from open_stage_probabilities group by stage having sum(snapshots) > 0`.execute(db);
  return orderStages(
    rows.map((r) => ({ stage: r.stage, avgProbability: r.avg_probability })),
    configured,
  );
}

/** The named period, else the fiscal quarter holding `date`. */
export function periodOrQuarter(settings: WorkspaceSettings, label: string | undefined, date: string): Period {
  if (label !== undefined) {
    const { period, start, end } = parsePeriod(settings.fiscalCalendar, label);
    return { period, start, end };
  }
  return periodOf(settings.fiscalCalendar, assertIsoDate(date), 'quarter');
}

/**
 * `amount` (a SQL expression) in the reporting currency, to the cent, with the FX grid row aliased
 * `fx`; a missing amount or rate counts 0 (a currency without any rate is a data-quality finding).
 */
export const inReportingCurrency = (amount: string, fx = 'fx') =>
  sql.raw(`round(coalesce(${amount}, 0) * coalesce(${fx}.rate, 0), 2)`);
