// Imports stage every valid row in a temporary table inside the import's transaction, so the rest
// — reference resolution, duplicate keys, the diff, the write — is set-based SQL, and a
// 1,000,000-row file never sits in Node's memory. Every canonical column is text here; the writers
// cast when they compare and write.
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export const STAGING = 'import_rows';

export interface StagedRow {
  row: number;
  values: Record<string, string | null>;
}

export function referenceIdColumn(column: string): string {
  return `${column}_id`;
}

export async function createStaging(trx: Transaction<Database>, entity: EntityName): Promise<void> {
  const columns = ENTITY_COLUMNS[entity];
  const defs = [
    'row integer primary key',
    ...columns.map((c) => `"${c.name}" text`),
    ...columns.filter((c) => c.kind === 'reference').map((c) => `"${referenceIdColumn(c.name)}" bigint`),
    'target_id bigint',
    'is_new boolean not null default false',
    'changed boolean not null default false',
  ];
  await sql.raw(`drop table if exists ${STAGING}`).execute(trx);
  await sql.raw(`create temp table ${STAGING} (${defs.join(', ')}) on commit drop`).execute(trx);
}

export async function stageRows(trx: Transaction<Database>, entity: EntityName, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = ENTITY_COLUMNS[entity];
  const names = ['row', ...columns.map((c) => `"${c.name}"`)].join(', ');
  const arrays = [
    sql`${rows.map((r) => r.row)}::integer[]`,
    ...columns.map((c) => sql`${rows.map((r) => r.values[c.name] ?? null)}::text[]`),
  ];
  await sql`insert into ${sql.raw(STAGING)} (${sql.raw(names)}) select * from unnest(${sql.join(arrays)})`.execute(trx);
}
