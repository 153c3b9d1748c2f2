// What closed deals looked like as of many dates at once (docs/forecasting.md "No look-ahead"),
// for the models' closed history and won amounts: a backtest asks for them as of 8–16 dates, and
// one pass serves every date instead of one latest-snapshot probe per deal and date.
//
// A deal is "terminal" up to the last date asked when, from its first won/lost snapshot on, every
// snapshot up to that date is won/lost with the same status, close date, amount, currency and
// owner (the usual case: one closing snapshot, or the same one re-imported). As of any date D then,
// it is closed with exactly those values when D ≥ that first closed snapshot, and open (or not yet
// seen) before it — so its state needs no probe. The other deals that had a closed snapshot by then
// (reopened, or changed after closing) are "irregular" and are probed date by date, as before.
//
// Plan: closed = an index-only pass over the won/lost snapshots (opportunity_snapshots_closed,
// partial) grouped by deal → terminal = those whose closed snapshots agree and with no open
// snapshot after the first (one primary-key range probe each) → irregular = the rest.
import { sql } from 'kysely';

/** Texts equal exactly when status, close date, amount, currency and owner are (null ≠ any value). */
const CLOSED_KEY = sql.raw(
  `status || '|' || coalesce(close_date::text, '') || '|' || coalesce(amount::text, '') || '|' || currency || '|' || coalesce(owner_id::text, '')`,
);

/**
 * CTEs `closed` (every deal with a won/lost snapshot on or before `lastDate`), `terminal` (the
 * deals whose state from their first closed snapshot `closed_on` up to `lastDate` is fixed: status,
 * close_date, amount, currency, owner_id) and `irregular` (the other closed deals' ids), to put
 * after `with`.
 */
export function closedStateCtes(lastDate: string) {
  return sql`closed as materialized (
      select opportunity_id, min(snapshot_date) as closed_on, min(${CLOSED_KEY}) = max(${CLOSED_KEY}) as agrees,
        min(status) as status, min(close_date) as close_date, min(amount) as amount, min(currency) as currency,
        min(owner_id) as owner_id
      from opportunity_snapshots where status in ('won', 'lost') and snapshot_date <= ${lastDate}::date
      group by opportunity_id
    ),
    terminal as materialized (
      select c.* from closed c
      where c.agrees and not exists (select 1 from opportunity_snapshots x where x.opportunity_id = c.opportunity_id
        and x.snapshot_date > c.closed_on and x.snapshot_date <= ${lastDate}::date and x.status not in ('won', 'lost'))
    ),
    irregular as materialized (
      select c.opportunity_id from closed c where not exists (select 1 from terminal t where t.opportunity_id = c.opportunity_id)
    )`;
}

/** The same latest-snapshot probe as load-forecast-inputs.ts latestSnapshots, for one deal and a date column. */
export function latestSnapshotOf(opportunityId: string, date: string) {
  return sql.raw(`(select * from opportunity_snapshots x where x.opportunity_id = ${opportunityId}
      and x.snapshot_date <= ${date} order by x.snapshot_date desc limit 1)`);
}

/** Dates sorted and without repeats, the order the batch queries number them in (1-based). */
export function sortedDates(dates: Iterable<string>): string[] {
  return [...new Set(dates)].sort();
}
