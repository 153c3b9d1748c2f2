// The quota a forecast is measured against (docs/forecasting.md "Gap to quota"): the quota rows
// (person quotas of the measure, as held on the period's start) of the highest quota holders the
// viewer may see — a holder whose manager on that date also holds a quota is inside it. For the
// whole company that is the top managers' quotas; for a rep, their own. In the reporting currency
// at the period start's rates; null when nobody visible has a quota for the period.
import type { Period } from '@attain/core/calendar/period.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { fxRatesOn } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import { type Visibility, visibleCondition } from '../../visibility/visible-people.ts';

export async function periodQuota(
  db: Kysely<Database>,
  visibility: Visibility,
  reportingCurrency: string,
  period: Period,
  measure = 'bookings',
): Promise<Decimal | null> {
  const { rows } = await sql<{ amount: string | null; holders: string }>`
    with fx as (${fxRatesOn(reportingCurrency, period.start)}),
    q as (
      select q.person_id, q.amount * coalesce(fx.rate, 0) as amount
      from quotas q left join fx on fx.currency = q.currency
      where q.person_id is not null and q.measure = ${measure}
        and q.period_start = ${period.start}::date and q.period_end = ${period.end}::date
        and q.valid_from <= ${period.start}::date and (q.valid_to is null or q.valid_to > ${period.start}::date)
        and ${visibleCondition(visibility, 'q.person_id')}
    )
    select round(sum(q.amount), 2)::text as amount, count(*)::text as holders from q
    where not exists (
      select 1 from person_history h join q m on m.person_id = h.manager_id
      where h.person_id = q.person_id and h.valid_from <= ${period.start}::date
        and (h.valid_to is null or h.valid_to > ${period.start}::date))`.execute(db);
  const row = rows[0];
  return row?.amount == null ? null : new Decimal(row.amount);
}
