// Data-quality rules over opportunity snapshots (one row per opportunity and import date), with
// window functions partitioned by opportunity and ordered by snapshot date. Only open opportunities
// and snapshots up to today are read; the current row counts as the latest point.
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

// Stale: the last run of snapshots with the same stage, amount and close date began staleDays or
// more days ago, and the opportunity still has those values. Plan: open snapshots → lag() marks
// each change → per opportunity the date of the last change → compare with today.
export const opportunityStale: RuleCheck = async (db, { today, thresholds }) =>
  (
    await sql<{ id: string; message: string }>`
      with snaps as (
        select s.opportunity_id, s.snapshot_date, s.stage, s.amount, s.close_date,
          row(s.stage, s.amount, s.close_date) is distinct from row(
            lag(s.stage) over w, lag(s.amount) over w, lag(s.close_date) over w) or lag(s.snapshot_date) over w is null
            as changed,
          row_number() over (partition by s.opportunity_id order by s.snapshot_date desc) as from_last
        from opportunity_snapshots s
        join opportunities o on o.id = s.opportunity_id
        where o.status = 'open' and s.snapshot_date <= ${today}::date
        window w as (partition by s.opportunity_id order by s.snapshot_date)
      ),
      runs as (
        select opportunity_id, max(snapshot_date) filter (where changed) as unchanged_since
        from snaps group by opportunity_id
      )
      select o.external_id as id,
        'stage, amount and close date unchanged since ' || r.unchanged_since::text || ' ('
          || (${today}::date - r.unchanged_since)::text || ' days)' as message
      from runs r
      join snaps last on last.opportunity_id = r.opportunity_id and last.from_last = 1
      join opportunities o on o.id = r.opportunity_id
      where r.unchanged_since <= ${today}::date - ${thresholds.staleDays}::int
        and row(o.stage, o.amount, o.close_date) is not distinct from row(last.stage, last.amount, last.close_date)`.execute(
      db,
    )
  ).rows;

// Pushed: the close date moved later pushCount or more times. A push then a pull-in back is one
// push; snapshots without a close date are skipped rather than counted as moves.
export const opportunityPushed: RuleCheck = async (db, { today, thresholds }) =>
  (
    await sql<{ id: string; message: string }>`
      with points as (
        select s.opportunity_id, s.snapshot_date as at, s.close_date
        from opportunity_snapshots s
        join opportunities o on o.id = s.opportunity_id
        where o.status = 'open' and s.snapshot_date <= ${today}::date and s.close_date is not null
        union all
        select o.id, 'infinity'::date, o.close_date
        from opportunities o where o.status = 'open' and o.close_date is not null
      ),
      moves as (
        select opportunity_id, at, close_date, lag(close_date) over (partition by opportunity_id order by at) as previous
        from points
      ),
      pushes as (
        select opportunity_id, count(*) filter (where close_date > previous) as pushes,
          min(close_date) filter (where previous is null) as first_close,
          min(close_date) filter (where at = 'infinity'::date) as close_now
        from moves group by opportunity_id
      )
      select o.external_id as id,
        'close date moved later ' || p.pushes::text || ' times: first ' || p.first_close::text || ', now '
          || p.close_now::text as message
      from pushes p
      join opportunities o on o.id = p.opportunity_id
      where p.pushes >= ${thresholds.pushCount}::int`.execute(db)
  ).rows;
