// MBO scores (DESIGN §4, §6 mbo): a score 0–1 per person, mbo component and pay period, keyed by
// all three. The component must be an mbo component of a loaded plan; a new key is created, a
// changed score updated, both audited.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { IssueList } from './import-issues.ts';
import { STAGING } from './import-staging.ts';

const S = sql.raw(STAGING);

export async function checkMboScores(trx: Transaction<Database>, issues: IssueList): Promise<void> {
  const unknown = await sql<{ row: number; component: string }>`
    select r.row, r."component" as component from ${S} r
    where not exists (select 1 from plans p cross join lateral jsonb_array_elements(p.document -> 'components') c
                      where c ->> 'kind' = 'mbo' and c ->> 'id' = r."component")
    order by r.row`.execute(trx);
  for (const r of unknown.rows) {
    issues.add({
      row: r.row,
      column: 'component',
      value: r.component,
      code: 'IMPORT_UNKNOWN_REFERENCE',
      message: `Row ${r.row}, column "component": no plan has an mbo component "${r.component}"`,
    });
  }
  // the same person written two ways ("P-1" and "Alice") is still one key
  const twice = await sql<{ row: number; first: number; person: string }>`
    select row, first, person from (
      select row, "person" as person,
        first_value(row) over (partition by "person_id", "component", "period" order by row) as first
      from ${S} where "person_id" is not null) k
    where row <> first order by row`.execute(trx);
  for (const r of twice.rows) {
    issues.add({
      row: r.row,
      column: 'person+component+period',
      value: r.person,
      code: 'IMPORT_DUPLICATE_KEY',
      message: `Row ${r.row}: the score of this person, component and period is already on row ${r.first} of this file`,
    });
  }
}

export async function writeMboScores(trx: Transaction<Database>, actor: string): Promise<void> {
  const key = sql`m.person_id = r."person_id" and m.component = r."component" and m.period = r."period"`;
  await sql`update ${S} r set is_new = not exists (select 1 from mbo_scores m where ${key})`.execute(trx);
  await sql`update ${S} r set changed = true from mbo_scores m
    where not r.is_new and ${key} and m.score <> r."score"::numeric`.execute(trx);
  await sql`
    with before as (
      select m.* from mbo_scores m join ${S} r on ${key} where r.changed
    ),
    written as (
      insert into mbo_scores (person_id, component, period, score)
      select r."person_id", r."component", r."period", r."score"::numeric from ${S} r
      where r.is_new or r.changed order by r.row
      on conflict (person_id, component, period) do update set score = excluded.score
      returning *
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, case when b.person_id is null then 'create' else 'update' end, 'mboScores',
      p.external_id || ' ' || w.component || ' ' || w.period, to_jsonb(b), to_jsonb(w)
    from written w left join before b using (person_id, component, period) join people p on p.id = w.person_id`.execute(
    trx,
  );
}
