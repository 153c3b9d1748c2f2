// A transaction no one can be credited for: it names no owner, its opportunity (if any) has no
// owner, and its account (if any) had no account territory with a real owner on the transaction's
// date (a to-be-hired placeholder is no one). Plan: one pass over transactions, an anti-join on
// the account's territory assignments and owners as of each transaction's own date.
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

export const transactionUncreditable: RuleCheck = async (db) =>
  (
    await sql<{ id: string; message: string }>`
      select t.external_id as id,
        'no owner; ' ||
          case when o.id is null then 'no opportunity' else 'opportunity ' || o.external_id || ' has no owner' end
          || '; ' ||
          case when a.id is null then 'no account'
            else 'account ' || a.external_id || ' had no owned territory on ' || t.date::text end as message
      from transactions t
      left join opportunities o on o.id = t.opportunity_id
      left join accounts a on a.id = t.account_id
      where t.owner_id is null and o.owner_id is null
        and not exists (
          select 1 from territory_assignments ta
          join territories ter on ter.id = ta.territory_id and ter.type = 'account'
          join territory_owners tow on tow.territory_id = ta.territory_id and tow.person_id is not null
            and tow.valid_from <= t.date and (tow.valid_to is null or tow.valid_to > t.date)
          where ta.account_id = t.account_id
            and ta.valid_from <= t.date and (ta.valid_to is null or ta.valid_to > t.date))`.execute(db)
  ).rows;
