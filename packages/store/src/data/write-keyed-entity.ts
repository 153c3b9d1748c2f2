// Writes the staged rows of an entity keyed by externalId, in phases, all set-based:
//   createNewRows   — rows whose externalId is new are inserted whole (so same-file references resolve);
//   markChanged     — existing rows whose file columns differ from the table are flagged;
//   applyRows       — changed rows (and new rows with a same-table reference) get every column the
//                     file has, and each changed row gets an audit row with its before and after.
// Columns the file does not have are never touched; an empty cell in a column the file has clears
// it, except NOT NULL columns, which keep their value (or take their default on create).
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { castOf, type DirectColumn, ENTITY_TABLES, type EntityTable } from './entity-tables.ts';
import { referenceIdColumn, STAGING } from './import-staging.ts';

function tableOf(entity: EntityName): EntityTable {
  const spec = ENTITY_TABLES[entity];
  if (!spec) throw new Error(`${entity} is not keyed by externalId`);
  return spec;
}

const staged = (column: DirectColumn) => `r."${column.canonical}"::${castOf(column.type)}`;

/** The value a column takes from a staged row r, given the current row t. */
function nextValue(column: DirectColumn): string {
  return column.fallback === undefined ? staged(column) : `coalesce(${staged(column)}, t.${column.column})`;
}

/**
 * Marks which staged rows are new and gives each its id (existing rows their table id, new rows one
 * from the table's identity sequence), then inserts the new rows whole — columns and references
 * into other tables — so a new row is written once. Self-references are set by applyRows.
 */
export async function createNewRows(trx: Transaction<Database>, entity: EntityName, present: ReadonlySet<string>) {
  const spec = tableOf(entity);
  const table = sql.raw(spec.table);
  await sql`update ${sql.raw(STAGING)} r
    set target_id = coalesce(m.id, nextval(pg_get_serial_sequence(${spec.table}, 'id'))), is_new = m.id is null
    from (select s.row, t.id from ${sql.raw(STAGING)} s left join ${table} t on t.external_id = s."externalId") m
    where m.row = r.row`.execute(trx);
  const columns = spec.columns.filter((c) => present.has(c.canonical) || c.fallback !== undefined);
  const references = spec.references.filter((r) => present.has(r.canonical) && !isSelfReference(entity, r.canonical));
  const names = ['id', 'external_id', ...columns.map((c) => c.column), ...references.map((r) => r.column)].join(', ');
  const values = [
    'r.target_id',
    'r."externalId"',
    ...columns.map((c) =>
      present.has(c.canonical)
        ? c.fallback === undefined
          ? staged(c)
          : `coalesce(${staged(c)}, '${c.fallback}')`
        : `'${c.fallback}'`,
    ),
    ...references.map((r) => `r."${referenceIdColumn(r.canonical)}"`),
  ].join(', ');
  await sql`insert into ${table} (${sql.raw(names)})
    select ${sql.raw(values)} from ${sql.raw(STAGING)} r where r.is_new order by r.row`.execute(trx);
}

function isSelfReference(entity: EntityName, canonical: string): boolean {
  return ENTITY_COLUMNS[entity].some((c) => c.name === canonical && c.references === entity);
}

function differences(spec: EntityTable, present: ReadonlySet<string>): RawBuilder<unknown>[] {
  return [
    ...spec.columns
      .filter((c) => present.has(c.canonical))
      .map((c) => sql.raw(`t.${c.column} is distinct from ${nextValue(c)}`)),
    ...spec.references
      .filter((r) => present.has(r.canonical))
      .map((r) => sql.raw(`t.${r.column} is distinct from r."${referenceIdColumn(r.canonical)}"`)),
  ];
}

export async function markChanged(trx: Transaction<Database>, entity: EntityName, present: ReadonlySet<string>) {
  const spec = tableOf(entity);
  const diffs = differences(spec, present);
  if (diffs.length === 0) return;
  await sql`update ${sql.raw(STAGING)} r set changed = true from ${sql.raw(spec.table)} t
    where t.id = r.target_id and not r.is_new and (${sql.join(diffs, sql` or `)})`.execute(trx);
}

export async function applyRows(
  trx: Transaction<Database>,
  entity: EntityName,
  present: ReadonlySet<string>,
  actor: string,
): Promise<void> {
  const spec = tableOf(entity);
  const assignments = [
    ...spec.columns.filter((c) => present.has(c.canonical)).map((c) => `${c.column} = ${nextValue(c)}`),
    ...spec.references
      .filter((r) => present.has(r.canonical))
      .map((r) => `${r.column} = r."${referenceIdColumn(r.canonical)}"`),
  ];
  if (assignments.length === 0) return;
  const table = sql.raw(spec.table);
  // new rows were inserted whole; they need this update only to set references to the same table
  const selfReferencesPresent = spec.references.some(
    (r) => present.has(r.canonical) && isSelfReference(entity, r.canonical),
  );
  await sql`
    with before as (
      select t.* from ${table} t join ${sql.raw(STAGING)} r on r.target_id = t.id where r.changed
    ),
    written as (
      update ${table} t set ${sql.raw(assignments.join(', '))}
      from ${sql.raw(STAGING)} r where r.target_id = t.id and (r.changed or (r.is_new and ${sql.raw(String(selfReferencesPresent))}))
      returning t.*
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, 'update', ${entity}, w.external_id, to_jsonb(b), to_jsonb(w)
    from written w join before b on b.id = w.id
    order by w.external_id`.execute(trx);
}
