// A currency in use with no rate to or from the reporting currency on or before a date it is used
// (DESIGN §6 FX: the direct pair's latest rate on or before the day, else the reverse pair's).
// Transactions are dated by their date, opportunities by their close date (else created date).
// One issue per currency: the first date without a rate and how many records lack one.
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

export const fxRateMissing: RuleCheck = async (db, { reportingCurrency }) =>
  (
    await sql<{ id: string; message: string }>`
      with used as (
        select t.currency, t.date as day, 'transaction' as source from transactions t
        where t.currency <> ${reportingCurrency}
        union all
        select o.currency, coalesce(o.close_date, o.created_date), 'opportunity' from opportunities o
        where o.currency <> ${reportingCurrency} and coalesce(o.close_date, o.created_date) is not null
      ),
      first_rate as (
        select currency, min(date) as first_date from (
          select from_currency as currency, date from fx_rates where to_currency = ${reportingCurrency}
          union all
          select to_currency, date from fx_rates where from_currency = ${reportingCurrency}) r
        group by currency
      ),
      missing as (
        select u.currency, f.first_date, min(u.day) as first_missing,
          count(*) filter (where u.source = 'transaction') as transactions,
          count(*) filter (where u.source = 'opportunity') as opportunities
        from used u left join first_rate f on f.currency = u.currency
        where f.first_date is null or u.day < f.first_date
        group by u.currency, f.first_date
      )
      select m.currency as id,
        'no ' || m.currency || '/' || ${reportingCurrency} || ' rate on or before ' || m.first_missing::text
          || case when m.first_date is null then ' (no rate at all)' else ' (first rate ' || m.first_date::text || ')' end
          || '; without a rate: transactions ' || m.transactions::text || ', opportunities ' || m.opportunities::text
          as message
      from missing m`.execute(db)
  ).rows;
