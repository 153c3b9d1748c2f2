// Per territory, as of a date: open pipeline of the accounts it holds (their open opportunities, at
// the date's FX rate) and trailing-12-month bookings (booking and cancellation transactions dated in
// (date − 12 months, date], each at its date's rate, of the accounts it holds on the date), in the
// reporting currency. One statement: assignments in force → accounts → facts → group by territory.
import { addDays, addMonths, assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';

export interface TerritoryFigures {
  openPipeline: string;
  trailingBookings: string;
  /** Sum of the held accounts' potential, as stored (potential carries no currency of its own). */
  potential: string;
}

export async function territoryFigures(db: Kysely<Database>, asOf: string): Promise<Map<string, TerritoryFigures>> {
  assertIsoDate(asOf, 'as-of date');
  const { reportingCurrency } = await readSettings(db);
  const from = addDays(addMonths(asOf, -12), 1);
  const { rows } = await sql<{ territory_id: string; pipeline: string; bookings: string; potential: string }>`
    with fx as materialized (${dailyFxRates(reportingCurrency, from, asOf)}),
    held as (
      select distinct ta.territory_id, ta.account_id from territory_assignments ta
      where ta.valid_from <= ${asOf}::date and (ta.valid_to is null or ta.valid_to > ${asOf}::date)),
    pipeline as (
      select h.territory_id, sum(o.amount * fx.rate) as amount from held h
      join opportunities o on o.account_id = h.account_id and o.status = 'open'
      left join fx on fx.currency = o.currency and fx.day = ${asOf}::date group by 1),
    bookings as (
      select h.territory_id, sum(x.amount * fx.rate) as amount from held h
      join transactions x on x.account_id = h.account_id and x.type in ('booking', 'cancellation')
        and x.date between ${from}::date and ${asOf}::date
      left join fx on fx.currency = x.currency and fx.day = x.date group by 1),
    potential as (
      select h.territory_id, sum(a.potential) as amount from held h join accounts a on a.id = h.account_id group by 1)
    select t.id as territory_id, round(coalesce(p.amount, 0), 2)::text as pipeline,
      round(coalesce(b.amount, 0), 2)::text as bookings, round(coalesce(pt.amount, 0), 2)::text as potential
    from territories t left join pipeline p on p.territory_id = t.id left join bookings b on b.territory_id = t.id
    left join potential pt on pt.territory_id = t.id`.execute(db);
  return new Map(
    rows.map((r) => [
      r.territory_id,
      { openPipeline: r.pipeline, trailingBookings: r.bookings, potential: r.potential },
    ]),
  );
}
