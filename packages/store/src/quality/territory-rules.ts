// Territory without an owner today: no owner row in force, only a to-be-hired placeholder, or an
// owner who has left. Only territories in force today are judged.
import { sql } from 'kysely';
import type { RuleCheck } from './check-context.ts';

export const territoryWithoutOwner: RuleCheck = async (db, { today }) =>
  (
    await sql<{ id: string; message: string }>`
      select t.external_id as id,
        case
          when tow.tbh_label is not null and tow.person_id is null
            then 'owner as of ' || ${today} || ' is a to-be-hired placeholder ("' || tow.tbh_label || '")'
          when p.id is not null then 'owner ' || p.external_id || ' left on ' || p.term_date::text
          else 'no owner as of ' || ${today}
        end as message
      from territories t
      left join lateral (
        select tow.person_id, tow.tbh_label from territory_owners tow
        where tow.territory_id = t.id and tow.valid_from <= ${today}::date
          and (tow.valid_to is null or tow.valid_to > ${today}::date)
        order by tow.valid_from desc limit 1) tow on true
      left join people p on p.id = tow.person_id
      where t.valid_from <= ${today}::date and (t.valid_to is null or t.valid_to > ${today}::date)
        and (tow.person_id is null or p.term_date < ${today}::date)`.execute(db)
  ).rows;
