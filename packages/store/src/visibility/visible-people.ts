// Row visibility (DESIGN §9): a rep sees their own records, a manager the org subtree as of the
// date asked (today, for the app), finance, ops and admin the whole company. The server applies it
// to every route; this is the one place that decides it.
import { type Kysely, sql } from 'kysely';
import type { Role } from '../auth/user-repository.ts';
import type { Database } from '../schema.ts';

export interface Viewer {
  role: Role;
  personId: string | null;
}

export type Visibility = { kind: 'all' } | { kind: 'team' | 'own'; personIds: string[] };

export async function visiblePeople(db: Kysely<Database>, viewer: Viewer, asOf: string): Promise<Visibility> {
  if (viewer.role === 'admin' || viewer.role === 'ops' || viewer.role === 'finance') return { kind: 'all' };
  if (viewer.personId === null) return { kind: 'own', personIds: [] };
  if (viewer.role === 'rep') return { kind: 'own', personIds: [viewer.personId] };
  const { rows } = await sql<{ id: string }>`
    with recursive team(id) as (
      select ${viewer.personId}::bigint
      union
      select h.person_id
      from person_history h
      join team t on h.manager_id = t.id
      where h.valid_from <= ${asOf}::date and (h.valid_to is null or h.valid_to > ${asOf}::date)
    )
    select id from team order by id`.execute(db);
  return { kind: 'team', personIds: rows.map((r) => r.id) };
}

/** A SQL condition on a person id column that keeps only what the viewer may see. */
export function visibleCondition(visibility: Visibility, column: string) {
  if (visibility.kind === 'all') return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(column)} = any(${visibility.personIds}::bigint[])`;
}

export async function canSeePerson(
  db: Kysely<Database>,
  viewer: Viewer,
  personExternalId: string,
  asOf: string,
): Promise<string | undefined> {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('external_id', '=', personExternalId)
    .executeTakeFirst();
  if (!person) return undefined;
  const visibility = await visiblePeople(db, viewer, asOf);
  if (visibility.kind === 'all' || visibility.personIds.includes(person.id)) return person.id;
  return undefined;
}
