// Data-quality rules on people active today: hired on or before today (or no hire date) and not
// yet gone (no term date, or a term date — their last day — on or after today).
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

const activeToday = (today: string) =>
  sql`(p.hire_date is null or p.hire_date <= ${today}::date) and (p.term_date is null or p.term_date >= ${today}::date)`;

const historyToday = (today: string) =>
  sql`left join person_history h on h.person_id = p.id and h.valid_from <= ${today}::date
    and (h.valid_to is null or h.valid_to > ${today}::date)`;

// The top of the org needs no manager: people with job role exec, and people whose org unit is a
// root of the org tree (no parent: the company). Everyone else needs a manager who is still there.
export const personWithoutManager: RuleCheck = async (db, { today }) =>
  (
    await sql<{ id: string; message: string }>`
      select p.external_id as id,
        case
          when h.id is null then 'no role, org unit or manager as of ' || ${today}
          when h.manager_id is null then 'no manager as of ' || ${today} || ' (' || h.job_role
            || coalesce(' in ' || ou.external_id, '') || ')'
          else 'manager ' || m.external_id || ' left on ' || m.term_date::text
        end as message
      from people p
      ${historyToday(today)}
      left join org_units ou on ou.id = h.org_unit_id
      left join people m on m.id = h.manager_id
      where ${activeToday(today)}
        and (h.id is null
          or (h.manager_id is null and h.job_role <> 'exec' and (ou.id is null or ou.parent_id is not null))
          or m.term_date < ${today}::date)`.execute(db)
  ).rows;

// A rep (job role today) with no quota version in force today for a period containing today:
// neither their own nor one of a territory they own today.
export const repWithoutQuota: RuleCheck = async (db, { today }) =>
  (
    await sql<{ id: string; message: string }>`
      select p.external_id as id, 'rep with no quota for a period containing ' || ${today} as message
      from people p
      ${historyToday(today)}
      where ${activeToday(today)} and h.job_role = 'rep'
        and not exists (
          select 1 from quotas q
          where (q.person_id = p.id or q.territory_id in (
              select tow.territory_id from territory_owners tow
              where tow.person_id = p.id and tow.valid_from <= ${today}::date
                and (tow.valid_to is null or tow.valid_to > ${today}::date)))
            and q.period_start <= ${today}::date and q.period_end >= ${today}::date
            and q.valid_from <= ${today}::date and (q.valid_to is null or q.valid_to > ${today}::date))`.execute(db)
  ).rows;
