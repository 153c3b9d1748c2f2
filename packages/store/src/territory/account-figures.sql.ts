// Per account, as of a date, the figures territories are compared and balanced on (DESIGN §5.1),
// in one set-based statement to use as a subquery:
//   potential  accounts.potential (0 when empty)
//   bookings   trailing 12 months (asOf − 12 months, asOf]: bookings plus the cancellations of
//              bookings, each at the FX rate of its date into the reporting currency
//   pipeline   open opportunities as of the date (each one's latest snapshot on or before it), at
//              the date's FX rate; openCount counts them
//   workload   segment weight (enterprise 3, mid_market 2, anything else 1) + openCount
// Plan: accounts ⟕ (transactions in range ⋈ daily FX grid, grouped) ⟕ (latest snapshots ⋈ FX, grouped).
import { addDays, addMonths } from '@attain/core/dates/iso-date.ts';
import { sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';

export const FIGURES = ['accounts', 'potential', 'bookings', 'pipeline', 'workload'] as const;
export type Figure = (typeof FIGURES)[number];

export function accountFiguresSql(asOf: string, reportingCurrency: string) {
  const from = addDays(addMonths(asOf, -12), 1);
  return sql`
    select a.id as account_id, 1 as accounts,
      coalesce(a.potential, 0) as potential,
      coalesce(b.bookings, 0) as bookings,
      coalesce(p.pipeline, 0) as pipeline,
      (case a.segment when 'enterprise' then 3 when 'mid_market' then 2 else 1 end) + coalesce(p.open_count, 0) as workload
    from accounts a
    left join (
      select t.account_id, sum(t.amount * fx.rate) as bookings
      from transactions t
      join (${dailyFxRates(reportingCurrency, from, asOf)}) fx on fx.currency = t.currency and fx.day = t.date
      left join transactions c on c.id = t.cancels_id
      where t.date between ${from}::date and ${asOf}::date and t.account_id is not null
        and (t.type = 'booking' or (t.type = 'cancellation' and c.type = 'booking'))
      group by t.account_id
    ) b on b.account_id = a.id
    left join (
      select s.account_id, sum(s.amount * fx.rate) as pipeline, count(*) as open_count
      from (select distinct on (opportunity_id) * from opportunity_snapshots
            where snapshot_date <= ${asOf}::date order by opportunity_id, snapshot_date desc) s
      join (${dailyFxRates(reportingCurrency, asOf, asOf)}) fx on fx.currency = s.currency
      where s.status = 'open' and s.account_id is not null
      group by s.account_id
    ) p on p.account_id = a.id`;
}
