// Sales velocity for a period (issue 6 pipeline history):
//   (open deals × win rate × average won deal size) ÷ average cycle days   — money per day.
// Open deals: the deals open as of the as-of date (the period's end, or today while it runs),
// from the snapshots. Win rate, average won amount and cycle days: the catalog's own win_rate,
// avg_won_amount and cycle_days over the period (DESIGN §8, by close date), so every factor reads
// the same as `attain query`. Also the mean days deals spent in each stage, from the snapshots:
// a stay runs from the first snapshot at a stage to the first later snapshot at another stage or
// status, and counts in the period its exit falls in (weekly snapshots: week resolution).
// Plan: a stay exits on a snapshot, so only deals with a visible snapshot inside the period (the
// snapshot-date index) can have an exit in it → gaps-and-islands over those deals' visible snapshots (lag to mark a stage change, a running
// sum to number the stays, lead to find each stay's exit) → average per stage.
import { assertIsoDate, minDate } from '@attain/core/dates/iso-date.ts';
import { metricNamed } from '@attain/core/metrics/catalog.ts';
import { salesVelocity } from '@attain/core/pipeline/sales-velocity.ts';
import { type Kysely, sql } from 'kysely';
import { queryMetric } from '../metrics/query-metric.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { periodOrQuarter, snapshotsAsOf, stageOrder, withHistoryPlanning } from './snapshot-state.ts';

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

export function pipelineVelocity(
  db: Kysely<Database>,
  visibility: Visibility,
  query: VelocityQuery,
): Promise<VelocityResult> {
  // The stage order (a pass over every snapshot) only picks the stages reported: it runs beside the statements.
  return Promise.all([
    stageOrder(db, query.stages),
    withHistoryPlanning(db, (trx) => velocity(trx, visibility, query)),
  ]).then(([stages, result]) => result(stages));
}

async function velocity(
  db: Kysely<Database>,
  visibility: Visibility,
  query: VelocityQuery,
): Promise<(stages: string[]) => VelocityResult> {
  const settings = await readSettings(db);
  const today = assertIsoDate(query.today, 'today');
  const period = periodOrQuarter(settings, query.period, today);
  const asOf = minDate(period.end, today);
  const catalog = async (name: string) =>
    (await queryMetric(db, visibility, { metric: metricNamed(name), by: [], period: period.period, today })).rows[0]
      ?.value ?? null;
  const [winRate, avgWonAmount, cycleDays] = [
    await catalog('win_rate'),
    await catalog('avg_won_amount'),
    await catalog('cycle_days'),
  ];
  const open = await sql<{ count: string }>`
    select count(*)::text as count from ${snapshotsAsOf(asOf)} s
    where s.status = 'open' and ${visibleCondition(visibility, 's.owner_id')}`.execute(db);
  const openDeals = Number(open.rows[0]?.count ?? 0);

  const { rows } = await sql<{ stage: string; exits: string; mean_days: string | null }>`
    with s as (
      select s.opportunity_id, s.snapshot_date, s.status, s.stage,
        case when lag(s.stage) over w is distinct from s.stage or lag(s.status) over w is distinct from s.status
          then 1 else 0 end as changed
      from opportunity_snapshots s
      where ${visibleCondition(visibility, 's.owner_id')}
        and s.opportunity_id in (select x.opportunity_id from opportunity_snapshots x
          where x.snapshot_date between ${period.start}::date and ${asOf}::date and ${visibleCondition(visibility, 'x.owner_id')})
      window w as (partition by s.opportunity_id order by s.snapshot_date)
    ),
    numbered as (
      select s.*, sum(changed) over (partition by opportunity_id order by snapshot_date) as stay from s
    ),
    stay as (
      select opportunity_id, stay, min(stage) as stage, min(status) as status, min(snapshot_date) as entered
      from numbered group by opportunity_id, stay
    ),
    exited as (
      select stay.*, lead(entered) over (partition by opportunity_id order by stay) as exited from stay
    )
    select stage, count(*)::text as exits, round(avg((exited - entered)::numeric), 2)::text as mean_days
    from exited
    where status = 'open' and exited between ${period.start}::date and ${asOf}::date
    group by stage`.execute(db);
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return (stages) => ({
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
  });
}
