// Won amounts by close day as known on several dates at once (docs/forecasting.md "No
// look-ahead"): for each request, the deals whose latest snapshot on or before `knownBy` says won,
// with that state's close date from `from` to `to`, each at `knownBy`'s rates rounded to the cent,
// summed per close day. The time series fitted on won amounts and the actuals a backtest scores
// against both add these up, so a backtest asks for all its dates in one statement.
// Plan (closed-states.ts): terminal deals are won as of a date from their first closed snapshot
// on, with fixed amount, currency and close date → a join to the requests on closed_on ≤ knownBy
// and the close-date range; the irregular deals are probed per request; → one-day FX per request →
// group by request and day.
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { fxRatesOnDays } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import { type Visibility, visibleCondition } from '../../visibility/visible-people.ts';
import { closedStateCtes, latestSnapshotOf } from './closed-states.ts';

export interface WonRequest {
  knownBy: string;
  from: string;
  to: string;
}

/** Per request (same order), each close day's won amount; days without any are absent. */
export async function loadWonByDay(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  requests: readonly WonRequest[],
): Promise<Map<string, Decimal>[]> {
  const result = requests.map(() => new Map<string, Decimal>());
  if (requests.length === 0) return result;
  const last = requests.map((r) => r.knownBy).reduce((a, b) => (a > b ? a : b));
  const { rows } = await sql<{ j: number; day: string; amount: string }>`
    with ${closedStateCtes(last)},
    req(j, known_by, from_date, to_date) as (
      select j::int, known_by, from_date, to_date from unnest(${requests.map((r) => r.knownBy)}::date[],
        ${requests.map((r) => r.from)}::date[], ${requests.map((r) => r.to)}::date[]) with ordinality
        as t(known_by, from_date, to_date, j)
    ),
    fx as (${fxRatesOnDays(reportingCurrency, sql`(select distinct known_by as day from req)`)}),
    won as (
      select req.j, req.known_by, t.close_date, t.amount, t.currency
      from terminal t join req on t.closed_on <= req.known_by and t.close_date between req.from_date and req.to_date
      where t.status = 'won' and ${visibleCondition(visibility, 't.owner_id')}
      union all
      select req.j, req.known_by, s.close_date, s.amount, s.currency
      from req cross join irregular i cross join lateral ${latestSnapshotOf('i.opportunity_id', 'req.known_by')} s
      where s.status = 'won' and s.close_date between req.from_date and req.to_date
        and ${visibleCondition(visibility, 's.owner_id')}
    )
    select w.j, w.close_date::text as day, sum(round(coalesce(w.amount, 0) * coalesce(fx.rate, 0), 2))::text as amount
    from won w left join fx on fx.day = w.known_by and fx.currency = w.currency
    group by w.j, w.close_date`.execute(db);
  for (const r of rows) result[r.j - 1]!.set(r.day, new Decimal(r.amount));
  return result;
}
