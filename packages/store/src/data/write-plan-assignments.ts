// Plan assignments (DESIGN §4): who is on which plan, effective-dated [validFrom, validTo), keyed by
// (person, validFrom). A changed plan, validTo, target incentive or currency updates the row with an
// audit; nothing is deleted. A person's assignments never overlap: two rows of the file, or a row
// and a stored assignment, that share a day are IMPORT_OVERLAPPING_ASSIGNMENT naming both — except
// that a stored open-ended assignment starting earlier is closed on the day the file's next one
// starts (a plan change or a transfer, DESIGN §3: history is kept).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { IssueList } from './import-issues.ts';
import { STAGING } from './import-staging.ts';

const S = sql.raw(STAGING);
const END = `'infinity'::date`;

/** `plan` holds a plan id loaded with `attain comp plan load`: exact, else its one case-insensitive match. */
export async function resolvePlans(trx: Transaction<Database>, issues: IssueList): Promise<void> {
  await sql`update ${S} r set "plan" = m.plan_id
    from (select r.row, min(p.plan_id) as plan_id, count(*) as matches
          from ${S} r join (select distinct plan_id from plans) p on lower(p.plan_id) = lower(r."plan")
          where not exists (select 1 from plans x where x.plan_id = r."plan")
          group by r.row) m
    where m.row = r.row and m.matches = 1`.execute(trx);
  const { rows } = await sql<{ row: number; plan: string }>`
    select r.row, r."plan" as plan from ${S} r
    where not exists (select 1 from plans p where p.plan_id = r."plan") order by r.row`.execute(trx);
  for (const r of rows) {
    issues.add({
      row: r.row,
      column: 'plan',
      value: r.plan,
      code: 'IMPORT_UNKNOWN_REFERENCE',
      message: `Row ${r.row}, column "plan": no plan with id "${r.plan}"; load it first with attain comp plan load`,
    });
  }
}

/** Overlapping assignments of one person, within the file and against the stored ones. */
export async function checkAssignmentOverlaps(trx: Transaction<Database>, issues: IssueList): Promise<void> {
  const { rows } = await sql<{ row: number; other: number | null; person: string; mine: string; theirs: string }>`
    with f as (
      select row, "person" as person, "person_id" as person_id, "validFrom"::date as valid_from,
        "validTo"::date as valid_to from ${S} where "person_id" is not null
    )
    select b.row, a.row as other, b.person,
      '[' || b.valid_from || ', ' || coalesce(b.valid_to::text, 'open') || ')' as mine,
      '[' || a.valid_from || ', ' || coalesce(a.valid_to::text, 'open') || ')' as theirs
    from f a join f b on a.person_id = b.person_id and a.row < b.row
      and a.valid_from < coalesce(b.valid_to, ${sql.raw(END)}) and b.valid_from < coalesce(a.valid_to, ${sql.raw(END)})
    union all
    select f.row, null, f.person,
      '[' || f.valid_from || ', ' || coalesce(f.valid_to::text, 'open') || ')',
      '[' || e.valid_from || ', ' || coalesce(e.valid_to::text, 'open') || ') on plan ' || e.plan_id
    from f join plan_assignments e on e.person_id = f.person_id
      and e.valid_from < coalesce(f.valid_to, ${sql.raw(END)}) and f.valid_from < coalesce(e.valid_to, ${sql.raw(END)})
    where not exists (select 1 from f k where k.person_id = e.person_id and k.valid_from = e.valid_from)
      and not (e.valid_to is null and e.valid_from < f.valid_from)
    order by 1, 2`.execute(trx);
  for (const r of rows) {
    const other = r.other === null ? `the stored assignment ${r.theirs}` : `row ${r.other}'s ${r.theirs}`;
    issues.add({
      row: r.row,
      column: 'validFrom',
      value: r.mine,
      code: 'IMPORT_OVERLAPPING_ASSIGNMENT',
      message: `Row ${r.row}: the assignment of "${r.person}" ${r.mine} overlaps ${other}; a person is on one plan at a time`,
    });
  }
}

export async function writePlanAssignments(
  trx: Transaction<Database>,
  present: ReadonlySet<string>,
  actor: string,
): Promise<void> {
  await sql`update ${S} r set target_id = a.id from plan_assignments a
    where a.person_id = r."person_id" and a.valid_from = r."validFrom"::date`.execute(trx);
  await sql`update ${S} set is_new = target_id is null`.execute(trx);
  // columns the file does not have are kept on an update and empty on a new row
  const next = {
    validTo: present.has('validTo') ? `r."validTo"::date` : 'a.valid_to',
    targetIncentive: present.has('targetIncentive') ? `r."targetIncentive"::numeric` : 'a.target_incentive',
    currency: present.has('currency') ? `r."currency"::char(3)` : 'a.currency',
  };
  await sql`update ${S} r set changed = true from plan_assignments a
    where a.id = r.target_id and (a.plan_id is distinct from r."plan"
      or a.valid_to is distinct from ${sql.raw(next.validTo)}
      or a.target_incentive is distinct from ${sql.raw(next.targetIncentive)}
      or a.currency is distinct from ${sql.raw(next.currency)})`.execute(trx);

  // a stored open-ended assignment ends where the file's next assignment of that person begins
  await sql`
    with due as (
      select a.id, min(r."validFrom"::date) as valid_to from plan_assignments a
      join ${S} r on r."person_id" = a.person_id and r."validFrom"::date > a.valid_from
      where a.valid_to is null and not exists (select 1 from ${S} k where k.target_id = a.id)
      group by a.id
    ),
    before as (select a.* from plan_assignments a join due on due.id = a.id),
    closed as (
      update plan_assignments a set valid_to = due.valid_to from due where a.id = due.id returning a.*
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, 'update', 'planAssignments', p.external_id || ' ' || c.valid_from, to_jsonb(b), to_jsonb(c)
    from closed c join before b on b.id = c.id join people p on p.id = c.person_id`.execute(trx);

  await sql`
    with before as (
      select a.* from plan_assignments a join ${S} r on r.target_id = a.id where r.changed
    ),
    updated as (
      update plan_assignments a set plan_id = r."plan", valid_to = ${sql.raw(next.validTo)},
        target_incentive = ${sql.raw(next.targetIncentive)}, currency = ${sql.raw(next.currency)}
      from ${S} r where r.target_id = a.id and r.changed
      returning a.*
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, 'update', 'planAssignments', p.external_id || ' ' || u.valid_from, to_jsonb(b), to_jsonb(u)
    from updated u join before b on b.id = u.id join people p on p.id = u.person_id`.execute(trx);

  const optional = (column: string, cast: string) => (present.has(column) ? `r."${column}"::${cast}` : 'null');
  await sql`
    with created as (
      insert into plan_assignments (person_id, plan_id, valid_from, valid_to, target_incentive, currency)
      select r."person_id", r."plan", r."validFrom"::date, ${sql.raw(optional('validTo', 'date'))},
        ${sql.raw(optional('targetIncentive', 'numeric'))}, ${sql.raw(optional('currency', 'char(3)'))}
      from ${S} r where r.is_new order by r.row
      returning *
    )
    insert into audit_log (actor, action, entity, entity_id, after)
    select ${actor}, 'create', 'planAssignments', p.external_id || ' ' || c.valid_from, to_jsonb(c)
    from created c join people p on p.id = c.person_id`.execute(trx);
}
