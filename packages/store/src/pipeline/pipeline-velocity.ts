// Sales velocity for a period (issue 6 pipeline history):
//   (open deals × win rate × average won deal size) ÷ average cycle days   — money per day.
// Open deals: the deals open as of the as-of date (the period's end, or today while it runs),
// from the snapshots. Win rate, average won amount and cycle days: the catalog's own win_rate,
// avg_won_amount and cycle_days over the period (DESIGN §8, by close date), so every factor reads
// the same as `attain query`. Also the mean days deals spent in each stage, from the snapshots:
// a stay runs from the first snapshot at a stage to the first later snapshot at another stage or
// status, and counts in the period its exit falls in (weekly snapshots: week resolution).
// Plan: the catalog's three factors in one statement; the open deals and the stays each in their own
// (see openDealCount and stageStays).
import type { Period } from '@attain/core/calendar/period.ts';
import { assertIsoDate, minDate } from '@attain/core/dates/iso-date.ts';
import { metricNamed } from '@attain/core/metrics/catalog.ts';
import { salesVelocity } from '@attain/core/pipeline/sales-velocity.ts';
import { type Kysely, sql } from 'kysely';
import { queryMetricValues } from '../metrics/query-metric.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { periodOrQuarter, stageOrder, withHistoryPlanning } from './snapshot-state.ts';

export interface VelocityQuery {
  period?: string | undefined;
  today: string;
  stages?: string[] | undefined;
}

export interface VelocityResult {
  period: { period: string; start: string; end: string };
  asOf: string;
  currency: string;
  openDeals: number;
  winRate: string | null;
  avgWonAmount: string | null;
  cycleDays: string | null;
  /** Money per day in the reporting currency; null when a factor is missing. */
  velocityPerDay: string | null;
  stages: { stage: string; exits: number; meanDays: string | null }[];
}

export async function pipelineVelocity(
  db: Kysely<Database>,
  visibility: Visibility,
  query: VelocityQuery,
): Promise<VelocityResult> {
  const settings = await readSettings(db);
  const today = assertIsoDate(query.today, 'today');
  const period = periodOrQuarter(settings, query.period, today);
  const asOf = minDate(period.end, today);
  // The days in stage read every snapshot of the period's deals (1.5 million rows on the large
  // demo) and the open deals probe every deal: independent statements, so on a pool they run on
  // two connections at once (inside a caller's transaction, one after the other).
  const [figures, stayRows] = await Promise.all([
    withHistoryPlanning(db, async (trx) => ({
      stages: await stageOrder(trx, query.stages),
      catalog: await queryMetricValues(trx, visibility, {
        metrics: [metricNamed('win_rate'), metricNamed('avg_won_amount'), metricNamed('cycle_days')],
        period: period.period,
        today,
      }),
      openDeals: await openDealCount(trx, visibility, asOf),
    })),
    withHistoryPlanning(db, (trx) => stageStays(trx, visibility, period, asOf)),
  ]);
  const { stages, catalog, openDeals } = figures;
  const winRate = catalog.win_rate ?? null;
  const avgWonAmount = catalog.avg_won_amount ?? null;
  const cycleDays = catalog.cycle_days ?? null;
  const byStage = new Map(stayRows.map((r) => [r.stage, r]));
  return {
    period: { period: period.period, start: period.start, end: period.end },
    asOf,
    currency: settings.reportingCurrency,
    openDeals,
    winRate,
    avgWonAmount,
    cycleDays,
    velocityPerDay: salesVelocity({ openDeals, winRate, avgWonAmount, cycleDays }),
    stages: stages.map((stage) => ({
      stage,
      exits: Number(byStage.get(stage)?.exits ?? 0),
      meanDays: byStage.get(stage)?.mean_days ?? null,
    })),
  };
}

/**
 * Deals open as of the date: whose latest snapshot on or before it is neither won nor lost (a
 * snapshot's status is its opportunity's: open, won or lost). Plan: per deal one backward probe of
 * the primary key for the latest date (index-only) → anti-join to the won/lost snapshots
 * (opportunity_snapshots_closed, index-only), so only the visibility check, when there is one,
 * reads a snapshot row.
 */
async function openDealCount(db: Kysely<Database>, visibility: Visibility, asOf: string): Promise<number> {
  const { rows } = await sql<{ count: string }>`
    select count(*)::text as count from opportunities o
    cross join lateral (select x.snapshot_date from opportunity_snapshots x
      where x.opportunity_id = o.id and x.snapshot_date <= ${asOf}::date order by x.snapshot_date desc limit 1) l
    where not exists (select 1 from opportunity_snapshots c where c.opportunity_id = o.id
        and c.snapshot_date = l.snapshot_date and c.status in ('won', 'lost'))
      ${
        visibility.kind === 'all'
          ? sql``
          : sql`and exists (select 1 from opportunity_snapshots v where v.opportunity_id = o.id
              and v.snapshot_date = l.snapshot_date and ${visibleCondition(visibility, 'v.owner_id')})`
      }`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/**
 * Stays exiting in the period, per stage: a stay begins at each visible snapshot whose stage or
 * status differs from the one before (the first one included) and exits where the next begins.
 * Plan: the deals with a visible snapshot in the period (opportunity_snapshots_day, index-only) →
 * their snapshots up to the as-of date in primary-key order (one index scan over the array of
 * deals, so no sort) → lag marks the changes → lead over the changes alone gives each stay's exit
 * → group by stage. Snapshots after the as-of date are not read: a stay exiting by then is bounded
 * by snapshots up to it.
 */
async function stageStays(db: Kysely<Database>, visibility: Visibility, period: Period, asOf: string) {
  const { rows } = await sql<{ stage: string; exits: string; mean_days: string | null }>`
    with s as (
      select s.opportunity_id, s.snapshot_date, s.status, s.stage,
        lag(s.stage) over w is distinct from s.stage or lag(s.status) over w is distinct from s.status as changed
      from opportunity_snapshots s
      where s.opportunity_id = any(array(select distinct x.opportunity_id from opportunity_snapshots x
          where x.snapshot_date between ${period.start}::date and ${asOf}::date
            and ${visibleCondition(visibility, 'x.owner_id')}))
        and s.snapshot_date <= ${asOf}::date and ${visibleCondition(visibility, 's.owner_id')}
      window w as (partition by s.opportunity_id order by s.snapshot_date)
    ),
    stay as (
      select s.stage, s.status, s.snapshot_date as entered,
        lead(s.snapshot_date) over (partition by s.opportunity_id order by s.snapshot_date) as exited
      from s where s.changed
    )
    select stage, count(*)::text as exits, round(avg((exited - entered)::numeric), 2)::text as mean_days
    from stay
    where status = 'open' and exited between ${period.start}::date and ${asOf}::date
    group by stage`.execute(db);
  return rows;
}
