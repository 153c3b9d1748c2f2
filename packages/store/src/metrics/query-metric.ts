// One metric of the catalog (core/metrics/catalog.ts), grouped by dimensions, in one set-based
// statement (DESIGN §8). Plan: facts (opportunities, or for open pipeline each opportunity's latest
// snapshot on or before the as-of date) → amounts in the reporting currency via the daily FX grid
// → only the dimension joins asked for (owner's manager and org unit as of the fact date, the
// account's territory as of the fact date, calendar periods from an unnest of labels) → group by.

import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { Period } from '@attain/core/calendar/period.ts';
import { periodOf, periodsBetween } from '@attain/core/calendar/period-of.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Dimension, type MetricBasis, type MetricDefinition, UNIT_SCALE } from '@attain/core/metrics/catalog.ts';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import { snapshotsAsOf, snapshotsAsOfClosing, withHistoryPlanning } from '../pipeline/snapshot-state.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';

export interface MetricQuery {
  metric: MetricDefinition;
  by: Dimension[];
  period?: string | undefined;
  asOf?: string | undefined;
  where?: Partial<Record<Dimension, string>>;
  today: string;
}

export interface MetricResult {
  metric: string;
  by: Dimension[];
  rows: Record<string, string | null>[];
}

const NONE = '(none)';

function dimensionSql(dim: Dimension): { joins: RawBuilder<unknown>[]; value: RawBuilder<unknown> } {
  const asOfFact = (alias: string) =>
    sql.raw(`${alias}.valid_from <= f.fact_date and (${alias}.valid_to is null or ${alias}.valid_to > f.fact_date)`);
  const history = sql`left join person_history h on h.person_id = f.owner_id and ${asOfFact('h')}`;
  switch (dim) {
    case 'owner':
      return { joins: [sql`left join people d_owner on d_owner.id = f.owner_id`], value: sql`d_owner.name` };
    case 'manager':
      return { joins: [history, sql`left join people d_mgr on d_mgr.id = h.manager_id`], value: sql`d_mgr.name` };
    case 'org_unit':
      return { joins: [history, sql`left join org_units d_ou on d_ou.id = h.org_unit_id`], value: sql`d_ou.name` };
    case 'territory':
      return {
        joins: [
          sql`left join lateral (select t.name from territory_assignments ta join territories t on t.id = ta.territory_id
          where ta.account_id = f.account_id and t.type = 'account' and ${asOfFact('ta')}
          order by ta.valid_from desc limit 1) d_ter on true`,
        ],
        value: sql`d_ter.name`,
      };
    case 'product':
      return { joins: [sql`left join products d_prod on d_prod.id = f.product_id`], value: sql`d_prod.name` };
    case 'product_family':
      return { joins: [sql`left join products d_prod on d_prod.id = f.product_id`], value: sql`d_prod.family` };
    case 'account':
      return { joins: [sql`left join accounts d_acct on d_acct.id = f.account_id`], value: sql`d_acct.name` };
    case 'industry':
    case 'segment':
    case 'region':
      return { joins: [sql`left join accounts d_acct on d_acct.id = f.account_id`], value: sql.ref(`d_acct.${dim}`) };
    case 'month':
    case 'quarter':
    case 'fiscal_year':
      return {
        joins: [
          sql.raw(
            `left join periods d_${dim} on d_${dim}.grain = '${dim}' and f.fact_date between d_${dim}.start_date and d_${dim}.end_date`,
          ),
        ],
        value: sql.raw(`d_${dim}.label`),
      };
  }
}

function aggregate(metric: MetricDefinition): RawBuilder<unknown> {
  const won = sql`f.status = 'won'`;
  const scale = UNIT_SCALE[metric.unit];
  const round = (expr: RawBuilder<unknown>) => sql`round(${expr}, ${sql.lit(scale)})::text`;
  switch (metric.name) {
    case 'won_amount':
      return round(sql`coalesce(sum(f.amount_rc) filter (where ${won}), 0)`);
    case 'won_count':
      return sql`(count(*) filter (where ${won}))::text`;
    case 'lost_count':
      return sql`(count(*) filter (where f.status = 'lost'))::text`;
    case 'win_rate':
      return round(
        sql`(count(*) filter (where ${won}))::numeric / nullif(count(*) filter (where f.status in ('won', 'lost')), 0)`,
      );
    case 'avg_won_amount':
      return round(sql`sum(f.amount_rc) filter (where ${won}) / nullif(count(*) filter (where ${won}), 0)`);
    case 'cycle_days':
      return round(
        sql`avg((f.fact_date - f.created_date)::numeric) filter (where ${won} and f.created_date is not null)`,
      );
    case 'open_pipeline':
    case 'created_pipeline':
      return round(sql`coalesce(sum(f.amount_rc), 0)`);
    case 'weighted_pipeline':
      // probability is a percentage 0–100, as CRMs export it
      return round(sql`coalesce(sum(f.amount_rc * coalesce(f.probability, 0) / 100), 0)`);
    case 'credited_amount':
    case 'payout':
      return round(sql`coalesce(sum(f.amount_rc), 0)`);
    case 'cost_of_sales':
      return round(
        sql`sum(f.amount_rc) filter (where f.kind = 'payout') / nullif(sum(f.amount_rc) filter (where f.kind = 'won'), 0)`,
      );
    case 'attainment':
      return round(
        sql`coalesce(sum(f.amount_rc) filter (where f.kind = 'credit'), 0) / nullif(sum(f.amount_rc) filter (where f.kind = 'quota'), 0)`,
      );
    case 'pipeline_coverage':
      return round(
        sql`coalesce(sum(f.amount_rc) filter (where f.kind = 'open'), 0) / nullif(greatest(coalesce(sum(f.amount_rc) filter (where f.kind = 'quota'), 0) - coalesce(sum(f.amount_rc) filter (where f.kind = 'won'), 0), 0), 0)`,
      );
    case 'forecast_accuracy':
      return round(
        sql`1 - abs(coalesce(sum(f.amount_rc) filter (where f.kind = 'call'), 0) - coalesce(sum(f.amount_rc) filter (where f.kind = 'won'), 0)) / nullif(sum(f.amount_rc) filter (where f.kind = 'won'), 0)`,
      );
    default:
      throw new AttainError('METRIC_UNAVAILABLE', `${metric.name} is not computed by this workspace`, {
        metric: metric.name,
      });
  }
}

export function queryMetric(db: Kysely<Database>, visibility: Visibility, query: MetricQuery): Promise<MetricResult> {
  return withHistoryPlanning(db, (trx) => metricRows(trx, visibility, query));
}

async function metricRows(db: Kysely<Database>, visibility: Visibility, query: MetricQuery): Promise<MetricResult> {
  const { reportingCurrency, fiscalCalendar } = await readSettings(db);
  const body = aggregate(query.metric);
  const period = query.period ? parsePeriod(fiscalCalendar, query.period) : undefined;
  const asOf = query.asOf ?? (period && period.end < query.today ? period.end : query.today);

  const quotaPeriod = quotaPeriodOf(query, fiscalCalendar, period, asOf);
  const facts = factsOf(query.metric.basis, asOf, quotaPeriod);

  const range = await factDateRange(db, query.metric.basis, facts, asOf, quotaPeriod, period);
  const known = [range.first, range.last, period?.start, period?.end, asOf].filter(
    (d): d is string => typeof d === 'string',
  );
  const from = known.reduce((a, b) => (a < b ? a : b));
  const to = known.reduce((a, b) => (a > b ? a : b));

  const grains = [
    ['month', 'month'],
    ['quarter', 'quarter'],
    ['fiscal_year', 'year'],
  ] as const;
  const periods = grains.flatMap(([dim, grain]) =>
    query.by.includes(dim) || query.where?.[dim] !== undefined
      ? periodsBetween(fiscalCalendar, grain, from, to).map((p) => ({ dim, ...p }))
      : [],
  );

  const used = [...new Set([...query.by, ...(Object.keys(query.where ?? {}) as Dimension[])])];
  const dims = new Map(used.map((d) => [d, dimensionSql(d)]));
  // Joins are de-duplicated by their text: manager and org_unit share the history join, and so on.
  const joins = [
    ...new Map([...dims.values()].flatMap((d) => d.joins.map((j) => [j.compile(db).sql, j] as const))).values(),
  ];
  const value = (d: Dimension) => sql`coalesce(${dims.get(d)!.value}, ${sql.lit(NONE)})`;
  const filters = Object.entries(query.where ?? {}).map(([d, v]) => sql`lower(${value(d as Dimension)}) = lower(${v})`);
  const visible = visibleCondition(visibility, 'f.owner_id');
  const inPeriod =
    period && !['open', 'attainment', 'coverage', 'forecast'].includes(query.metric.basis)
      ? sql`f.fact_date between ${period.start}::date and ${period.end}::date`
      : sql`true`;

  const { rows } = await sql<Record<string, string | null>>`
    with periods(grain, label, start_date, end_date) as (
      select * from unnest(${periods.map((p) => p.dim)}::text[], ${periods.map((p) => p.period)}::text[],
                           ${periods.map((p) => p.start)}::date[], ${periods.map((p) => p.end)}::date[])
    ),
    fx as materialized (${dailyFxRates(reportingCurrency, from, to)}),
    f as (
      select base.*, base.amount * fx.rate as amount_rc
      from (${facts}) base
      left join fx on fx.currency = base.currency and fx.day = base.fact_date
    )
    select ${sql.join([...query.by.map((d) => sql`${value(d)} as ${sql.ref(d)}`), sql`${body} as value`])}
    from f ${sql.join(joins, sql` `)}
    where ${sql.join([visible, inPeriod, ...filters], sql` and `)}
    ${query.by.length > 0 ? sql.raw(`group by ${query.by.map((_, i) => i + 1).join(', ')} order by ${query.by.map((_, i) => i + 1).join(', ')}`) : sql``}`.execute(
    db,
  );
  return { metric: query.metric.name, by: query.by, rows };
}

/**
 * Dates covering every fact's date, to bound the FX grid and the calendar periods (a wider range
 * changes no figure). Where the basis fixes them they are not read: the open pipeline's facts are
 * all dated the as-of date, and reading them twice costs a latest-snapshot pass (1.3 s, large demo).
 */
async function factDateRange(
  db: Kysely<Database>,
  basis: MetricBasis,
  facts: RawBuilder<unknown>,
  asOf: string,
  quotaPeriod: Period | undefined,
  period: Period | undefined,
): Promise<{ first: string | null | undefined; last: string | null | undefined }> {
  const p = quotaPeriod;
  // --period keeps only the facts dated inside it (inPeriod below), so they need no other dates
  if (period && !['open', 'attainment', 'coverage', 'forecast'].includes(basis)) {
    return { first: period.start, last: period.end };
  }
  switch (basis) {
    case 'open':
      return { first: asOf, last: asOf };
    case 'coverage':
      return { first: p!.start, last: asOf };
    case 'attainment':
      return { first: p!.start, last: p!.end < asOf ? p!.end : asOf };
    case 'forecast':
      return { first: p!.start, last: p!.end };
    case 'credit': {
      // every credit's date, joined to its transaction or not
      const { rows } = await sql<{ first: string | null; last: string | null }>`
        select min(date)::text as first, max(date)::text as last from credits`.execute(db);
      return rows[0] ?? { first: null, last: null };
    }
    default: {
      const { rows } = await sql<{ first: string | null; last: string | null }>`
        select min(fact_date)::text as first, max(fact_date)::text as last from (${facts}) f`.execute(db);
      return rows[0] ?? { first: null, last: null };
    }
  }
}

/**
 * Attainment and coverage compare with quotas, which exist per quota period: --period names it
 * (a fiscal year, half or quarter label); without it, attainment takes the fiscal year of the
 * as-of date and coverage its fiscal quarter.
 */
function quotaPeriodOf(
  query: MetricQuery,
  calendar: CalendarInput,
  period: Period | undefined,
  asOf: string,
): Period | undefined {
  if (!['attainment', 'coverage', 'forecast'].includes(query.metric.basis)) return undefined;
  if (period) return period;
  return periodOf(calendar, asOf, query.metric.basis === 'attainment' ? 'year' : 'quarter');
}

const DEAL_COLUMNS = sql`o.status, o.amount, o.currency, o.probability, o.created_date, o.owner_id, o.account_id, o.product_id`;

/** One row per fact: kind, fact_date, status, amount, currency, probability, created_date, owner, account, product. */
function factsOf(basis: MetricBasis, asOf: string, quotaPeriod: Period | undefined): RawBuilder<unknown> {
  const openAsOf = sql`select 'open' as kind, ${asOf}::date as fact_date, s.status, s.amount, s.currency, s.probability,
      o.created_date, s.owner_id, s.account_id, o.product_id
    from ${snapshotsAsOf(asOf)} s
    join opportunities o on o.id = s.opportunity_id
    where s.status = 'open'`;
  const closed = sql`select 'deal' as kind, o.close_date as fact_date, ${DEAL_COLUMNS} from opportunities o
    where o.status in ('won', 'lost') and o.close_date is not null`;
  const won = sql`select 'won' as kind, o.close_date as fact_date, ${DEAL_COLUMNS} from opportunities o
    where o.status = 'won' and o.close_date is not null`;
  const credits = sql`select 'credit' as kind, c.date as fact_date, null::text as status, c.amount, c.currency,
      null::numeric as probability, null::date as created_date, c.person_id as owner_id, t.account_id, t.product_id
    from credits c join transactions t on t.id = c.transaction_id`;
  const payouts = sql`select 'payout' as kind, r.period_end as fact_date, null::text as status, cr.paid as amount,
      cr.currency, null::numeric as probability, null::date as created_date, cr.person_id as owner_id,
      null::bigint as account_id, null::bigint as product_id
    from comp_results cr join comp_runs r on r.id = cr.run_id
    where r.status in ('approved', 'closed')`;
  const quotas = (
    p: Period,
    date: string,
  ) => sql`select 'quota' as kind, ${date}::date as fact_date, null::text as status,
      q.amount, q.currency, null::numeric as probability, null::date as created_date, q.person_id as owner_id,
      null::bigint as account_id, null::bigint as product_id
    from quotas q
    where q.person_id is not null and q.measure = 'bookings' and q.valid_to is null and q.period = ${p.period}`;
  switch (basis) {
    case 'open':
      return openAsOf;
    case 'created':
      return sql`select 'deal' as kind, o.created_date as fact_date, ${DEAL_COLUMNS} from opportunities o
        where o.created_date is not null`;
    case 'credit':
      return credits;
    case 'payout':
      return payouts;
    case 'cost':
      return sql`${payouts} union all ${won}`;
    case 'attainment': {
      const p = quotaPeriod!;
      const to = p.end < asOf ? p.end : asOf;
      return sql`${quotas(p, to)} union all
        select 'credit', c.date, null::text, c.amount, c.currency, null::numeric, null::date, c.person_id,
          t.account_id, t.product_id
        from credits c join transactions t on t.id = c.transaction_id
        where c.measure = 'bookings' and c.date between ${p.start}::date and ${to}::date
          and exists (select 1 from quotas q where q.person_id = c.person_id and q.measure = 'bookings'
                        and q.valid_to is null and q.period = ${p.period})`;
    }
    case 'coverage': {
      const p = quotaPeriod!;
      const to = p.end < asOf ? p.end : asOf;
      return sql`${quotas(p, asOf)} union all
        select 'open', ${asOf}::date, s.status, s.amount, s.currency, s.probability, o.created_date, s.owner_id,
          s.account_id, o.product_id
        from ${snapshotsAsOfClosing(asOf, p.start, p.end)} s
        join opportunities o on o.id = s.opportunity_id
        where s.status = 'open'
        union all
        select * from (${won}) w where w.fact_date between ${p.start}::date and ${to}::date`;
    }
    case 'forecast': {
      // Each person's own call (commit) last submitted before the period ended, against the deals
      // they won in it; people without a call are left out.
      const p = quotaPeriod!;
      return sql`select 'call' as kind, ${p.end}::date as fact_date, null::text as status, c.commit_amount as amount,
          c.currency, null::numeric as probability, null::date as created_date, c.person_id as owner_id,
          null::bigint as account_id, null::bigint as product_id
        from (select distinct on (person_id) * from forecast_calls
              where scope = 'own' and period = ${p.period} and submitted_at < (${p.end}::date + 1)
              order by person_id, submitted_at desc, id desc) c
        union all
        select * from (${won}) w
        where w.fact_date between ${p.start}::date and ${p.end}::date
          and exists (select 1 from forecast_calls c where c.person_id = w.owner_id and c.scope = 'own'
                        and c.period = ${p.period} and c.submitted_at < (${p.end}::date + 1))`;
    }
    default:
      return closed;
  }
}
