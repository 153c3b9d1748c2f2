// Rates to the reporting currency for every day of a range, as a SQL fragment to join on
// (currency, day). DESIGN §6 FX: the direct pair with the latest date on or before the day, else
// 1 ÷ the reverse pair. Building the day grid first (days × currencies, a few thousand rows) turns
// the per-fact "latest rate on or before" lookup into a hash join on equality.
import { sql } from 'kysely';

export function dailyFxRates(reportingCurrency: string, from: string, to: string) {
  return sql`
    select c.currency, d.day::date as day,
      case when c.currency = ${reportingCurrency} then 1::numeric
        else coalesce(
          (select r.rate from fx_rates r
            where r.from_currency = c.currency and r.to_currency = ${reportingCurrency} and r.date <= d.day
            order by r.date desc limit 1),
          (select 1 / r.rate from fx_rates r
            where r.from_currency = ${reportingCurrency} and r.to_currency = c.currency and r.date <= d.day
            order by r.date desc limit 1))
      end as rate
    from (select distinct from_currency as currency from fx_rates
          union select distinct to_currency from fx_rates
          union select ${reportingCurrency}) c
    cross join generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)`;
}
