// Resolves every reference column of the staged rows, set-based: by externalId first, else by the
// one case-insensitive name match (DESIGN §4). Several matches are IMPORT_AMBIGUOUS_REFERENCE, none
// IMPORT_UNKNOWN_REFERENCE — unless --create-missing, which creates the missing row (externalId =
// name = the value) and audits it. Self-references run after the file's new rows exist, so a row
// may point at another row of the same file in any order.
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { REFERENCE_TABLES } from './entity-tables.ts';
import type { IssueList } from './import-issues.ts';
import { referenceIdColumn, STAGING } from './import-staging.ts';

const CREATABLE: readonly EntityName[] = ['orgUnits', 'people', 'products', 'accounts', 'territories'];

export async function resolveReferences(
  trx: Transaction<Database>,
  entity: EntityName,
  present: ReadonlySet<string>,
  options: { createMissing: boolean; actor: string; which: 'other' | 'self' },
  issues: IssueList,
): Promise<void> {
  for (const column of ENTITY_COLUMNS[entity]) {
    if (column.kind !== 'reference' || !column.references || !present.has(column.name)) continue;
    // references into other tables resolve before the file's new rows are written (so those rows are
    // written once, whole); references into the same table after (a row may point at a new row)
    if ((column.references === entity) !== (options.which === 'self')) continue;
    const target = REFERENCE_TABLES[column.references];
    const value = sql.raw(`r."${column.name}"`);
    const id = sql.raw(`"${referenceIdColumn(column.name)}"`);
    const table = sql.raw(target.table);
    const byExternalId = () =>
      sql`update ${sql.raw(STAGING)} r set ${id} = t.id from ${table} t
          where ${value} is not null and r.${id} is null and t.external_id = trim(${value})`.execute(trx);

    await byExternalId();
    const ambiguous = new Set<number>();
    if (target.byName) {
      const { rows } = await sql<{ row: number; value: string; matches: string; id: string }>`
        with m as (
          select r.row, count(*) as matches, min(t.id) as id
          from ${sql.raw(STAGING)} r join ${table} t on lower(t.name) = lower(trim(${value}))
          where ${value} is not null and r.${id} is null
          group by r.row)
        select m.row, ${value} as value, m.matches::text as matches, m.id::text as id
        from m join ${sql.raw(STAGING)} r on r.row = m.row`.execute(trx);
      const unique = rows.filter((r) => r.matches === '1');
      if (unique.length > 0) {
        await sql`update ${sql.raw(STAGING)} r set ${id} = m.id
          from unnest(${unique.map((u) => u.row)}::integer[], ${unique.map((u) => u.id)}::bigint[]) as m(row, id)
          where r.row = m.row`.execute(trx);
      }
      for (const r of rows.filter((r) => r.matches !== '1')) {
        ambiguous.add(r.row);
        issues.add({
          row: r.row,
          column: column.name,
          value: r.value,
          code: 'IMPORT_AMBIGUOUS_REFERENCE',
          message: `Row ${r.row}, column "${column.name}": ${r.matches} ${column.references} are named "${r.value.trim()}"; use the externalId`,
        });
      }
    }

    const unresolved = async () =>
      (
        await sql<{ row: number; value: string }>`
          select row, ${value} as value from ${sql.raw(STAGING)} r where ${value} is not null and r.${id} is null order by row`.execute(
          trx,
        )
      ).rows.filter((r) => !ambiguous.has(r.row));

    let missing = await unresolved();
    if (missing.length > 0 && options.createMissing && CREATABLE.includes(column.references)) {
      const created = await sql<{ external_id: string }>`
        insert into ${table} (external_id, name)
        select distinct trim(v), trim(v) from unnest(${missing.map((m) => m.value)}::text[]) as v
        on conflict (external_id) do nothing
        returning external_id`.execute(trx);
      for (const row of created.rows) {
        await trx
          .insertInto('audit_log')
          .values({
            actor: options.actor,
            action: 'create',
            entity: column.references,
            entity_id: row.external_id,
            after: JSON.stringify({ externalId: row.external_id, name: row.external_id, reason: '--create-missing' }),
          })
          .execute();
      }
      await byExternalId();
      missing = await unresolved();
    }
    for (const m of missing) {
      issues.add({
        row: m.row,
        column: column.name,
        value: m.value,
        code: 'IMPORT_UNKNOWN_REFERENCE',
        message: `Row ${m.row}, column "${column.name}": no ${column.references} with externalId or name "${m.value.trim()}"`,
      });
    }
  }
}
