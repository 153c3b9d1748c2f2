// One metric of the catalog (core/metrics/catalog.ts), grouped by dimensions, in one set-based
// statement (DESIGN §8). Plan: facts (metric-facts.ts: deals, or for open pipeline each
// opportunity's latest open snapshot on or before the as-of date, or credits summed over only the
// keys the dimensions read, credit-facts.ts) → amounts in the reporting currency via the daily FX
// grid (a temp table, metric_fx) → only the dimension joins asked for (owner's manager and org
// unit as of the fact date, the account's territory as of the fact date, calendar periods from an
// unnest of labels, one row per day) → group by.

import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { periodsBetween } from '@attain/core/calendar/period-of.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Dimension, type MetricDefinition, UNIT_SCALE } from '@attain/core/metrics/catalog.ts';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import { withHistoryPlanning } from '../pipeline/snapshot-state.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { type CreditConditions, creditFactsAvoidMergeJoins, creditKeys, creditNarrowing } from './credit-facts.ts';
import { creditTotalsCurrent } from './credit-totals.ts';
import { factDateRange, factsOf, quotaPeriodOf } from './metric-facts.ts';
import { setLocally } from './set-locally.ts';
import { TERRITORY_SPANS } from './territory-spans.ts';

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
      // territory_spans below: the account's territory in force on the fact date
      return {
        joins: [sql`left join territory_spans d_ter on d_ter.account_id = f.account_id and ${asOfFact('d_ter')}`],
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
      // one row per day of each period, so the fact finds its period by equality (a hash join);
      // `between` the period's dates compared every fact with every period (2.9 s → 0.8 s for
      // won_amount by month on the large demo)
      return {
        joins: [sql.raw(`left join period_days d_${dim} on d_${dim}.grain = '${dim}' and d_${dim}.day = f.fact_date`)],
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
  return withHistoryPlanning(db, async (trx) => {
    const rows = await metricRows(trx, visibility, { ...query, metrics: [query.metric] });
    return { metric: query.metric.name, by: query.by, rows };
  });
}

/**
 * Several metrics of one basis over the same facts, without dimensions, in one statement: each
 * value is what queryMetric answers for it (the same aggregate over the same rows).
 */
export function queryMetricValues(
  db: Kysely<Database>,
  visibility: Visibility,
  query: Omit<MetricQuery, 'metric' | 'by'> & { metrics: MetricDefinition[] },
): Promise<Record<string, string | null>> {
  if (new Set(query.metrics.map((m) => m.basis)).size > 1) {
    throw new Error('queryMetricValues takes metrics of one basis');
  }
  return withHistoryPlanning(db, async (trx) => {
    const [row] = await metricRows(trx, visibility, { ...query, by: [] });
    return Object.fromEntries(query.metrics.map((m, i) => [m.name, row?.[`value_${i}`] ?? null]));
  });
}

async function metricRows(
  db: Kysely<Database>,
  visibility: Visibility,
  query: Omit<MetricQuery, 'metric'> & { metrics: MetricDefinition[] },
): Promise<Record<string, string | null>[]> {
  const { reportingCurrency, fiscalCalendar } = await readSettings(db);
  const metric = query.metrics[0]!;
  const values =
    query.metrics.length === 1
      ? [sql`${aggregate(metric)} as value`]
      : query.metrics.map((m, i) => sql`${aggregate(m)} as ${sql.ref(`value_${i}`)}`);
  const period = query.period ? parsePeriod(fiscalCalendar, query.period) : undefined;
  const asOf = query.asOf ?? (period && period.end < query.today ? period.end : query.today);
  const used = [...new Set([...query.by, ...(Object.keys(query.where ?? {}) as Dimension[])])];

  const quotaPeriod = quotaPeriodOf(metric, fiscalCalendar, period, asOf);
  const keys = creditKeys(used, visibility.kind !== 'all');
  const creditTotals =
    metric.basis === 'credit'
      ? await creditTotalsCurrent(db, reportingCurrency)
      : { byAccountAndDate: false, byHolder: false };
  const factsFor = (narrowing: CreditConditions) =>
    factsOf(metric.basis, asOf, quotaPeriod, {
      keys,
      visibility,
      period: metric.basis === 'credit' ? period : undefined,
      narrowing,
      reportingCurrency,
      creditTotals,
    });

  // credit facts are not read for their date range (credits' own min and max are)
  const range = await factDateRange(db, metric.basis, factsFor({ credit: [], holder: [] }), asOf, quotaPeriod, period);
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

  const narrowing = creditNarrowing(query.where ?? {}, periods, metric.basis === 'credit');
  const facts = factsFor(narrowing);
  const dims = new Map(used.map((d) => [d, dimensionSql(d)]));
  // Joins are de-duplicated by their text: manager and org_unit share the history join, and so on.
  const joins = [
    ...new Map([...dims.values()].flatMap((d) => d.joins.map((j) => [j.compile(db).sql, j] as const))).values(),
  ];
  const value = (d: Dimension) => sql`coalesce(${dims.get(d)!.value}, ${sql.lit(NONE)})`;
  const filters = Object.entries(query.where ?? {}).map(([d, v]) => sql`lower(${value(d as Dimension)}) = lower(${v})`);
  const visible = visibleCondition(visibility, 'f.owner_id');
  const inPeriod =
    period && !['open', 'attainment', 'coverage', 'forecast'].includes(metric.basis)
      ? sql`f.fact_date between ${period.start}::date and ${period.end}::date`
      : sql`true`;

  // The daily rates as a table with statistics: as a CTE PostgreSQL knows neither its size nor how
  // many currencies and days it holds, and hashed 700,000 credit day totals to probe them with its
  // 4,000 rates instead of the other way round (0.54 s against 0.27 s, large demo).
  await sql`drop table if exists pg_temp.metric_fx`.execute(db);
  await sql`create temp table metric_fx on commit drop as ${dailyFxRates(reportingCurrency, from, to)}`.execute(db);
  await sql`analyze metric_fx`.execute(db);
  // Merge joins off for this statement only: a caller's transaction goes on with its own setting
  // (after an error it can only roll back, which undoes the change too).
  const mergeJoinsWere =
    metric.basis === 'credit' && creditFactsAvoidMergeJoins(keys, narrowing)
      ? await setLocally(db, 'enable_mergejoin', 'off')
      : undefined;
  const { rows } = await sql<Record<string, string | null>>`
    with periods(grain, label, start_date, end_date) as (
      select * from unnest(${periods.map((p) => p.dim)}::text[], ${periods.map((p) => p.period)}::text[],
                           ${periods.map((p) => p.start)}::date[], ${periods.map((p) => p.end)}::date[])
    ),
    period_days as (
      select p.grain, p.label, d.day::date as day
      from periods p cross join generate_series(p.start_date, p.end_date, interval '1 day') as d(day)
    ),
    fx as not materialized (select * from metric_fx),
    ${used.includes('territory') ? sql`${TERRITORY_SPANS},` : sql``}
    f as (
      select base.*, base.amount * fx.rate as amount_rc
      from (${facts}) base
      left join fx on fx.currency = base.currency and fx.day = base.fact_date
    )
    select ${sql.join([...query.by.map((d) => sql`${value(d)} as ${sql.ref(d)}`), ...values])}
    from f ${sql.join(joins, sql` `)}
    where ${sql.join([visible, inPeriod, ...filters], sql` and `)}
    ${query.by.length > 0 ? sql.raw(`group by ${query.by.map((_, i) => i + 1).join(', ')} order by ${query.by.map((_, i) => i + 1).join(', ')}`) : sql``}`.execute(
    db,
  );
  if (mergeJoinsWere !== undefined) await setLocally(db, 'enable_mergejoin', mergeJoinsWere);
  return rows;
}
