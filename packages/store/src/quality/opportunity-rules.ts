// Data-quality rules on the opportunities as they stand now (the latest import): one scan of the
// table each, filtered on status, close date and the missing columns.
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

export const opportunityPastCloseDate: RuleCheck = async (db, { today }) =>
  (
    await sql<{ id: string; message: string }>`
      select o.external_id as id,
        'open, with close date ' || o.close_date::text || ': ' || (${today}::date - o.close_date)::text
          || case when ${today}::date - o.close_date = 1 then ' day' else ' days' end
          || ' before today (' || ${today} || ')' as message
      from opportunities o
      where o.status = 'open' and o.close_date < ${today}::date`.execute(db)
  ).rows;

export const opportunityMissingFields: RuleCheck = async (db) =>
  (
    await sql<{ id: string; message: string }>`
      select o.external_id as id,
        'missing ' || array_to_string(array_remove(array[
          case when o.account_id is null then 'account' end,
          case when o.owner_id is null then 'owner' end,
          case when o.amount is null then 'amount' end]::text[], null), ', ') as message
      from opportunities o
      where o.account_id is null or o.owner_id is null or o.amount is null`.execute(db)
  ).rows;

export const opportunityNonpositiveAmount: RuleCheck = async (db) =>
  (
    await sql<{ id: string; message: string }>`
      select o.external_id as id, 'open, with amount ' || o.amount::text || ' ' || o.currency as message
      from opportunities o
      where o.status = 'open' and o.amount <= 0`.execute(db)
  ).rows;

// A stage in the won list must have status won and the reverse; the same for lost. Stages are
// compared trimmed and case-insensitively; an opportunity without a stage is not judged here.
export const opportunityStageStatusMismatch: RuleCheck = async (db, { thresholds }) => {
  const won = thresholds.wonStages.map((s) => s.trim().toLowerCase());
  const lost = thresholds.lostStages.map((s) => s.trim().toLowerCase());
  return (
    await sql<{ id: string; message: string }>`
      select o.external_id as id,
        case
          when k.is_won and o.status <> 'won' then 'stage "' || o.stage || '" is a won stage but status is ' || o.status
          when k.is_lost and o.status <> 'lost' then 'stage "' || o.stage || '" is a lost stage but status is ' || o.status
          when o.status = 'won' then 'status is won but stage "' || o.stage || '" is not a won stage'
          else 'status is lost but stage "' || o.stage || '" is not a lost stage'
        end as message
      from opportunities o
      cross join lateral (select lower(trim(o.stage)) = any(${won}::text[]) as is_won,
                                 lower(trim(o.stage)) = any(${lost}::text[]) as is_lost) k
      where nullif(trim(o.stage), '') is not null
        and (k.is_won <> (o.status = 'won') or k.is_lost <> (o.status = 'lost'))`.execute(db)
  ).rows;
};
