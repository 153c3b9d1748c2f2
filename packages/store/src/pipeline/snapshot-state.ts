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
 * Each opportunity's latest snapshot on or before `date`, as a subquery. Plan: one pass over the
 * snapshots up to the date (primary key order), keeping the last row per opportunity.
 */
export function snapshotsAsOf(date: string) {
  return sql`(select distinct on (opportunity_id) * from opportunity_snapshots
    where snapshot_date <= ${date}::date order by opportunity_id, snapshot_date desc)`;
}

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
    from (select from_currency as currency from fx_rates
          union select to_currency from fx_rates
          union select ${reportingCurrency}::char(3)) c`;
}

/** The stage order: the configured list, else stages of open snapshots by mean probability. */
export async function stageOrder(db: Kysely<Database>, configured?: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ stage: string; avg_probability: string | null }>`
    select stage, avg(probability)::text as avg_probability from opportunity_snapshots
    where status = 'open' and stage is not null group by stage`.execute(db);
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
