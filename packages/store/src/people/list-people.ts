// People with their manager, org unit and job role as of a date, limited to what the viewer may see.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';

export interface PersonListRow {
  externalId: string;
  name: string;
  email: string | null;
  title: string | null;
  jobRole: string | null;
  manager: string | null;
  managerExternalId: string | null;
  orgUnit: string | null;
  hireDate: string | null;
  termDate: string | null;
  currency: string;
}

export async function listPeople(
  db: Kysely<Database>,
  visibility: Visibility,
  asOf: string,
  page: { limit: number; offset: number },
): Promise<{ rows: PersonListRow[]; total: number }> {
  const visible = visibleCondition(visibility, 'p.id');
  const { rows } = await sql<PersonListRow & { total: string }>`
    select p.external_id as "externalId", p.name, p.email, p.title, h.job_role as "jobRole",
      m.name as manager, m.external_id as "managerExternalId", u.name as "orgUnit",
      p.hire_date as "hireDate", p.term_date as "termDate", p.currency, count(*) over () as total
    from people p
    left join person_history h on h.person_id = p.id
      and h.valid_from <= ${asOf}::date and (h.valid_to is null or h.valid_to > ${asOf}::date)
    left join people m on m.id = h.manager_id
    left join org_units u on u.id = h.org_unit_id
    where ${visible}
    order by p.name, p.external_id
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = rows[0] ? Number(rows[0].total) : 0;
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}
