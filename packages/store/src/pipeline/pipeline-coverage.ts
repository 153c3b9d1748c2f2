// Pipeline coverage against quota (DESIGN §8 pipeline_coverage, issue 6): for a quota period as of
// a date, open pipeline closing in the period ÷ (quota − won in the period so far).
//   by owner:   each person with a bookings quota for the period label, against the deals they own;
//   by manager: each quota holder who manages people as of the date, their own quota against the
//               deals of their whole org subtree (themselves included) as of the date.
// Quota: the bookings rows for the label effective on the as-of date, at the as-of date's rate.
// Won: deals won with a close date from the period start to the as-of date, at the close date's
// rate (the catalog's won_amount). Pipeline: open as of the date, closing in the period, at the
// as-of date's rate (open_pipeline). Coverage has 4 decimals; when quota − won ≤ 0 it is null and
// the row says covered.
// Plan: quota holders → (for managers) a recursive subtree as of the date → hash joins to the won
// deals and to the latest snapshots by owner → group by holder.
import { assertIsoDate, minDate } from '@attain/core/dates/iso-date.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { periodOrQuarter, snapshotsAsOfClosing, withHistoryPlanning } from './snapshot-state.ts';

export type CoverageBy = 'owner' | 'manager';

export interface CoverageQuery {
  asOf: string;
  /** The quota period label; default the fiscal quarter holding the as-of date. */
  period?: string | undefined;
  by: CoverageBy;
}

export interface CoverageRow {
  person: string;
  externalId: string;
  quota: string;
  won: string;
  /** quota − won */
  gap: string;
  pipeline: string;
  coverage: string | null;
  covered: boolean;
}

export interface CoverageResult {
  asOf: string;
  currency: string;
  period: { period: string; start: string; end: string };
  by: CoverageBy;
  rows: CoverageRow[];
}

export function pipelineCoverage(
  db: Kysely<Database>,
  visibility: Visibility,
  query: CoverageQuery,
): Promise<CoverageResult> {
  return withHistoryPlanning(db, (trx) => coverage(trx, visibility, query));
}

async function coverage(db: Kysely<Database>, visibility: Visibility, query: CoverageQuery): Promise<CoverageResult> {
  const settings = await readSettings(db);
  const asOf = assertIsoDate(query.asOf, 'asOf');
  const period = periodOrQuarter(settings, query.period, asOf);
  const wonUntil = minDate(period.end, asOf);
  const fxFrom = minDate(period.start, asOf);
  const asOfRow = (alias: string) =>
    sql.raw(`${alias}.valid_from <= '${asOf}' and (${alias}.valid_to is null or ${alias}.valid_to > '${asOf}')`);

  // holder → the owners whose deals count for them
  const owners =
    query.by === 'owner'
      ? sql`select person_id as holder, person_id as owner_id from holder`
      : sql`select holder, owner_id from team where exists (
          select 1 from person_history r where r.manager_id = team.holder and ${asOfRow('r')})`;

  const { rows } = await sql<{
    name: string;
    external_id: string;
    quota: string;
    won: string;
    pipeline: string;
  }>`
    with recursive fx as materialized (${dailyFxRates(settings.reportingCurrency, fxFrom, asOf)}),
    holder as (
      select q.person_id, sum(q.amount * fx.rate) as quota
      from quotas q left join fx on fx.currency = q.currency and fx.day = ${asOf}::date
      where q.person_id is not null and q.measure = 'bookings' and q.period = ${period.period}
        and ${asOfRow('q')} and ${visibleCondition(visibility, 'q.person_id')}
      group by q.person_id
    ),
    team(holder, owner_id) as (
      select person_id, person_id from holder
      union
      select team.holder, h.person_id from team
      join person_history h on h.manager_id = team.owner_id and ${asOfRow('h')}
    ),
    credited as (${owners}),
    won as (
      select c.holder, sum(o.amount * fx.rate) as amount
      from credited c join opportunities o on o.owner_id = c.owner_id
      left join fx on fx.currency = o.currency and fx.day = o.close_date
      where o.status = 'won' and o.close_date between ${period.start}::date and ${wonUntil}::date
      group by c.holder
    ),
    pipeline as (
      select c.holder, sum(coalesce(s.amount, 0) * fx.rate) as amount
      from credited c join ${snapshotsAsOfClosing(asOf, period.start, period.end)} s on s.owner_id = c.owner_id
      left join fx on fx.currency = s.currency and fx.day = ${asOf}::date
      where s.status = 'open'
      group by c.holder
    )
    select p.name, p.external_id, round(h.quota, 2)::text as quota, round(coalesce(w.amount, 0), 2)::text as won,
      round(coalesce(pl.amount, 0), 2)::text as pipeline
    from holder h join people p on p.id = h.person_id
    left join won w on w.holder = h.person_id
    left join pipeline pl on pl.holder = h.person_id
    where h.person_id in (select holder from credited)
    order by p.name, p.external_id`.execute(db);

  return {
    asOf,
    currency: settings.reportingCurrency,
    period: { period: period.period, start: period.start, end: period.end },
    by: query.by,
    rows: rows.map((r) => {
      const gap = new Decimal(r.quota).minus(r.won);
      const covered = gap.lte(0);
      return {
        person: r.name,
        externalId: r.external_id,
        quota: r.quota,
        won: r.won,
        gap: gap.toFixed(2),
        pipeline: r.pipeline,
        coverage: covered
          ? null
          : new Decimal(r.pipeline).div(gap).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
        covered,
      };
    }),
  };
}
