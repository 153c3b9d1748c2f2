// Rows found wrong once staged: duplicate keys within the file, and (with --skip-invalid) taking
// rejected rows out of the import — out of the staging table, and out of the target table when the
// import had just created them — together with any row that pointed at one of them.
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { ENTITY_TABLES } from './entity-tables.ts';
import type { RejectedRow } from './import-entity.ts';
import type { IssueList } from './import-issues.ts';
import { referenceIdColumn, STAGING } from './import-staging.ts';

const KEYS: Partial<Record<EntityName, string[]>> = {
  fxRates: ['from', 'to', 'date'],
  quotas: ['person', 'territory', 'measure', 'period'],
  opportunitySplits: ['opportunity', 'person', 'type'],
  planAssignments: ['person', 'validFrom'],
  mboScores: ['person', 'component', 'period'],
};

export async function findDuplicateKeys(trx: Transaction<Database>, entity: EntityName, issues: IssueList) {
  const key = KEYS[entity] ?? ['externalId'];
  const expr = sql.raw(key.map((k) => `coalesce(lower(trim("${k}")), '')`).join(` || '|' || `));
  const { rows } = await sql<{ row: number; first: number; key: string }>`
    select row, first_value(row) over (partition by ${expr} order by row) as first, ${expr} as key
    from ${sql.raw(STAGING)}`.execute(trx);
  issues.keepReasons = true;
  for (const r of rows.filter((r) => r.row !== r.first)) {
    issues.add({
      row: r.row,
      column: key.join('+'),
      value: r.key,
      code: 'IMPORT_DUPLICATE_KEY',
      message: `Row ${r.row}: ${key.join(' + ')} "${r.key}" is already on row ${r.first} of this file`,
    });
  }
}

export async function rejectRows(
  trx: Transaction<Database>,
  entity: EntityName,
  issues: IssueList,
  parseRejected: number,
  onRejected: ((rejected: RejectedRow) => void | Promise<void>) | undefined,
): Promise<void> {
  void parseRejected;
  const table = ENTITY_TABLES[entity]?.table;
  const selfReferences = ENTITY_COLUMNS[entity].filter((c) => c.kind === 'reference' && c.references === entity);
  let pending = [...issues.reasons.keys()];
  while (pending.length > 0) {
    const removed = await sql<
      Record<string, string | null> & { row: number; target_id: string | null; is_new: boolean }
    >`
      delete from ${sql.raw(STAGING)} where row = any(${pending}::integer[]) returning *`.execute(trx);
    for (const r of removed.rows.sort((a, b) => a.row - b.row)) {
      const values = Object.fromEntries(ENTITY_COLUMNS[entity].map((c) => [c.name, r[c.name] ?? null]));
      await onRejected?.({ row: r.row, values, reason: (issues.reasons.get(r.row) ?? []).join('; ') });
    }
    const dropped = removed.rows.filter((r) => r.is_new && r.target_id !== null).map((r) => r.target_id!);
    pending = [];
    if (!table || dropped.length === 0) continue;
    await sql`delete from ${sql.raw(table)} where id = any(${dropped}::bigint[])`.execute(trx);
    for (const column of selfReferences) {
      const { rows } = await sql<{ row: number; value: string }>`
        select row, ${sql.raw(`"${column.name}"`)} as value from ${sql.raw(STAGING)}
        where ${sql.raw(`"${referenceIdColumn(column.name)}"`)} = any(${dropped}::bigint[])`.execute(trx);
      for (const r of rows) {
        issues.add({
          row: r.row,
          column: column.name,
          value: r.value,
          code: 'IMPORT_UNKNOWN_REFERENCE',
          message: `Row ${r.row}, column "${column.name}": "${r.value}" is a row of this file that was rejected`,
        });
        pending.push(r.row);
      }
    }
  }
}
