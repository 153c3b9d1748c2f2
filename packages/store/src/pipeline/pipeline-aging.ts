// Open deals as of a date by stage, aged (issue 6 pipeline history): age = as-of − created date
// (the first snapshot's date when the deal has none), in the buckets of core/pipeline/aging-buckets.ts;
// days in the current stage = as-of − the first snapshot of the current unbroken stay at that stage.
// Count and amount (reporting currency at the as-of date's rate) per stage and bucket.
// Plan: latest snapshot per deal on or before the date (open, visible) → per deal, primary-key
// probes: its last snapshot at another stage (read backwards through the current stay), the first
// snapshot after that, and the first snapshot only when the created date is missing → bucket →
// group by.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AGE_BUCKETS, type AgeBucket } from '@attain/core/pipeline/aging-buckets.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import {
  fxRatesOn,
  openSnapshotsAsOf,
  periodOrQuarter,
  snapshotsAsOfClosing,
  stageOrder,
  withHistoryPlanning,
} from './snapshot-state.ts';

export interface AgingQuery {
  asOf: string;
  /** Only deals whose close date (as of the date) falls in this period label. */
  period?: string | undefined;
  stages?: string[] | undefined;
}

export interface AgingFigure {
  count: number;
  amount: string;
}

export interface AgingStage extends AgingFigure {
  stage: string;
  avgAgeDays: string | null;
  avgDaysInStage: string | null;
  buckets: ({ bucket: AgeBucket } & AgingFigure)[];
}

export interface AgingResult {
  asOf: string;
  currency: string;
  period: { period: string; start: string; end: string } | null;
  stages: AgingStage[];
  total: AgingStage;
}

const bucketCase = sql.raw(
  `case ${AGE_BUCKETS.map((b) => (b.max === null ? `else '${b.bucket}'` : `when age <= ${b.max} then '${b.bucket}'`)).join(' ')} end`,
);

export async function pipelineAging(
  db: Kysely<Database>,
  visibility: Visibility,
  query: AgingQuery,
): Promise<AgingResult> {
  return withHistoryPlanning(db, async (trx) => aging(trx, visibility, query, await stageOrder(trx, query.stages)));
}

async function aging(
  db: Kysely<Database>,
  visibility: Visibility,
  query: AgingQuery,
  stages: readonly string[],
): Promise<AgingResult> {
  const settings = await readSettings(db);
  const asOf = assertIsoDate(query.asOf, 'asOf');
  const period = query.period === undefined ? null : periodOrQuarter(settings, query.period, asOf);

  const { rows } = await sql<{
    stage: string | null;
    bucket: AgeBucket | null;
    count: string;
    amount: string;
    avg_age: string | null;
    avg_in_stage: string | null;
  }>`
    with fx as (${fxRatesOn(settings.reportingCurrency, asOf)}),
    d as (
      select coalesce(s.stage, '(none)') as stage, coalesce(s.amount, 0) * fx.rate as amount_rc,
        greatest(0, ${asOf}::date - coalesce(s.deal_created_date, (select min(x.snapshot_date) from opportunity_snapshots x
          where x.opportunity_id = s.opportunity_id))) as age,
        -- the stay began at the first snapshot after the last one at another stage (or the first one)
        ${asOf}::date - (select min(x.snapshot_date) from opportunity_snapshots x
          where x.opportunity_id = s.opportunity_id and x.snapshot_date <= ${asOf}::date
            and x.snapshot_date > coalesce((select max(y.snapshot_date) from opportunity_snapshots y
              where y.opportunity_id = s.opportunity_id and y.snapshot_date <= ${asOf}::date
                and y.stage is distinct from s.stage), '-infinity'::date)) as in_stage
      from ${
        period
          ? sql`(select c.*, o.created_date as deal_created_date from ${snapshotsAsOfClosing(asOf, period.start, period.end)} c
              join opportunities o on o.id = c.opportunity_id)`
          : openSnapshotsAsOf(asOf)
      } s
      left join fx on fx.currency = s.currency
      where s.status = 'open' and ${visibleCondition(visibility, 's.owner_id')}
    ),
    b as (select d.*, ${bucketCase} as bucket from d)
    select stage, bucket, count(*)::text as count, round(coalesce(sum(amount_rc), 0), 2)::text as amount,
      round(avg(age), 2)::text as avg_age, round(avg(in_stage), 2)::text as avg_in_stage
    from b group by grouping sets ((stage, bucket), (stage), (bucket), ())`.execute(db);

  const cell = (stage: string | null, bucket: string | null) =>
    rows.find((r) => r.stage === stage && r.bucket === bucket);
  const figure = (r: (typeof rows)[number] | undefined): AgingFigure => ({
    count: Number(r?.count ?? 0),
    amount: r?.amount ?? '0.00',
  });
  const stageRow = (stage: string | null, label: string): AgingStage => {
    const all = cell(stage, null);
    return {
      stage: label,
      ...figure(all),
      avgAgeDays: all?.avg_age ?? null,
      avgDaysInStage: all?.avg_in_stage ?? null,
      buckets: AGE_BUCKETS.map((b) => ({ bucket: b.bucket, ...figure(cell(stage, b.bucket)) })),
    };
  };
  // the grouping sets' null marks "all"; a stage column is never null inside the data (coalesced)
  const present = new Set(rows.filter((r) => r.stage !== null).map((r) => r.stage!));
  const ordered = [...stages.filter((s) => present.has(s)), ...[...present].filter((s) => !stages.includes(s)).sort()];
  return {
    asOf,
    currency: settings.reportingCurrency,
    period: period ? { period: period.period, start: period.start, end: period.end } : null,
    stages: ordered.map((s) => stageRow(s, s)),
    total: stageRow(null, 'total'),
  };
}
