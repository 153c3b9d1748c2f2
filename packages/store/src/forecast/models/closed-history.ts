// The conversion model's closed history (load-forecast-inputs.ts loadClosedHistory) as of many
// dates in one statement. As of a date D a deal counts only if its latest snapshot on or before D
// says won or lost; it gives one observation per stage it was open in by then: its age when it
// entered the stage (the stage's first open snapshot up to D), and whether it was won by the end of
// the `grain` period its close date was in then (won), lost by then (lost), or closed after it
// (slipped) — grouped by stage, age bucket and outcome.
//
// Plan (closed-states.ts): a terminal deal counts from its first closed snapshot on with the same
// observations at every date (all its open snapshots come before it), so its observations are
// computed once and tagged with the first date they count at (k: dates are numbered 1..n in order;
// k = 1 + the dates before closed_on, by width_bucket); the irregular deals are replayed per date
// with the latest-snapshot probe. Both are grouped in SQL; the per-date sums are added up here.
import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import type { Grain } from '@attain/core/calendar/period.ts';
import { periodsBetween } from '@attain/core/calendar/period-of.ts';
import { addMonths } from '@attain/core/dates/iso-date.ts';
import { AGE_BUCKETS } from '@attain/core/forecast/conversion.ts';
import type { ClosedObservation } from '@attain/core/forecast/forecast-inputs.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema.ts';
import { type Visibility, visibleCondition } from '../../visibility/visible-people.ts';
import { closedStateCtes, latestSnapshotOf, sortedDates } from './closed-states.ts';

/** Each date's closed history, keyed by date (the dates as given). */
export async function loadClosedHistories(
  db: Kysely<Database>,
  visibility: Visibility,
  calendar: CalendarInput,
  grain: Grain,
  asOfDates: readonly string[],
): Promise<Map<string, ClosedObservation[]>> {
  const dates = sortedDates(asOfDates);
  const result = new Map<string, ClosedObservation[]>();
  if (dates.length === 0) return result;
  const first = dates[0]!;
  const last = dates.at(-1)!;
  const ends = periodsBetween(calendar, grain, addMonths(first, -360), addMonths(last, 360)).map((p) => p.end);
  const floors = AGE_BUCKETS.map((_, i) => (i === 0 ? 0 : AGE_BUCKETS[i - 1]!.maxDays + 1));
  const bucket = sql.raw(
    `case ${AGE_BUCKETS.slice(0, -1)
      .map((b, i) => `when age_days <= ${b.maxDays} then ${floors[i]}`)
      .join(' ')} else ${floors.at(-1)} end`,
  );
  const { rows } = await sql<{
    regular: boolean;
    j: number;
    stage: string | null;
    age_days: number;
    outcome: ClosedObservation['outcome'];
    n: string;
  }>`
    with ${closedStateCtes(last)},
    dates(j, d) as (select j::int, d from unnest(${dates}::date[]) with ordinality as t(d, j)),
    -- terminal deals: every open snapshot precedes closed_on, so each stage's first one is final.
    -- The first is the least [snapshot_date, close_date] (snapshot dates are unique per deal): a
    -- hash aggregate, where distinct on sorted millions of rows (large demo: 6.8M → 1.3M).
    entered as (
      select opportunity_id, stage, first[1] as snapshot_date, first[2] as close_date
      from (select x.opportunity_id, x.stage, min(array[x.snapshot_date, x.close_date]) as first
        from opportunity_snapshots x join terminal t using (opportunity_id)
        where x.status = 'open' and x.snapshot_date < t.closed_on and ${visibleCondition(visibility, 't.owner_id')}
        group by x.opportunity_id, x.stage) f
    ),
    -- irregular deals, replayed as of each date
    final_at as (
      select d.j, d.d, f.opportunity_id, f.status, f.close_date
      from dates d cross join irregular i cross join lateral ${latestSnapshotOf('i.opportunity_id', 'd.d')} f
      where f.status in ('won', 'lost') and ${visibleCondition(visibility, 'f.owner_id')}
    ),
    entered_at as (
      select distinct on (f.j, x.opportunity_id, x.stage) f.j, x.opportunity_id, x.stage, x.snapshot_date, x.close_date
      from final_at f join opportunity_snapshots x on x.opportunity_id = f.opportunity_id
      where x.snapshot_date <= f.d and x.status = 'open'
      order by f.j, x.opportunity_id, x.stage, x.snapshot_date
    ),
    -- each distinct expected close date's period end, looked up once (a few thousand dates, not every row)
    period_end as (
      select d.close_date, (select min(pe) from unnest(${ends}::date[]) pe where pe >= d.close_date) as end_date
      from (select close_date from entered union select close_date from entered_at) d
    ),
    observed as (
      select true as regular, width_bucket(t.closed_on - 1, ${dates}::date[]) + 1 as j, e.stage,
        greatest(0, e.snapshot_date - coalesce(o.created_date, e.snapshot_date))::int as age_days,
        case when t.close_date > pe.end_date then 'slipped' else t.status end as outcome
      from entered e join terminal t using (opportunity_id) join opportunities o on o.id = e.opportunity_id
      left join period_end pe on pe.close_date = e.close_date
      union all
      select false, e.j, e.stage,
        greatest(0, e.snapshot_date - coalesce(o.created_date, e.snapshot_date))::int,
        case when f.close_date > pe.end_date then 'slipped' else f.status end
      from entered_at e join final_at f on f.j = e.j and f.opportunity_id = e.opportunity_id
      join opportunities o on o.id = e.opportunity_id
      left join period_end pe on pe.close_date = e.close_date
    )
    select regular, j, stage, ${bucket} as age_days, outcome, count(*)::text as n
    from observed group by 1, 2, 3, 4, 5`.execute(db);

  dates.forEach((date, index) => {
    const j = index + 1;
    const tally = new Map<string, ClosedObservation & { count: number }>();
    for (const r of rows) {
      // a terminal deal's observations count from date k on; an irregular one's at its own date
      if (r.regular ? r.j > j : r.j !== j) continue;
      const key = `${r.stage}\u0000${r.age_days}\u0000${r.outcome}`;
      const held = tally.get(key);
      if (held) held.count += Number(r.n);
      else tally.set(key, { stage: r.stage, ageDays: Number(r.age_days), outcome: r.outcome, count: Number(r.n) });
    }
    result.set(date, [...tally.values()].sort(byStageAgeOutcome));
  });
  return result;
}

const byStageAgeOutcome = (a: ClosedObservation, b: ClosedObservation) =>
  compareText(a.stage, b.stage) || a.ageDays - b.ageDays || compareText(a.outcome, b.outcome);

/** Nulls last, as PostgreSQL sorts them. */
function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
