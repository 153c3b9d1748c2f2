// Effective-dated changes from an import (DESIGN §3: history is kept, never overwritten). For each
// staged row whose values differ from the history row in force on the effective date E:
//   the row in force started before E → it is closed on E and a new row opens [E, its old end);
//   it started on E                    → it is corrected in place (a same-day re-import);
//   none is in force on E              → a new row opens [E, the next row's start).
// A value that becomes empty where `closeOnNull` is set (no territory, no owner) only closes.
// When no row is in force on E (someone who has left, an account whose assignment ended), the
// nearest row in time stands for the current values, so re-importing an export changes nothing.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { STAGING } from './import-staging.ts';

export interface EffectiveHistory {
  table: 'person_history' | 'territory_assignments' | 'territory_owners';
  /** The entity's id column in the history table, matched to the staged row's target_id. */
  key: string;
  /** SQL over r (staged row) for the effective date. */
  effective: string;
  /** Each value column with its next value: SQL over r and h (the row in force; its columns may be null). */
  values: { column: string; next: string }[];
  /** Extra condition on which history rows count (e.g. only account-type territories). */
  currentFilter?: string;
  /** When this value's next value is null, the history only closes. */
  closeOnNull?: string;
  insertExtras?: Record<string, string>;
  /** Which staged rows take part. */
  rows: string;
  auditEntity: string;
  actor: string;
}

const CHANGES = 'history_changes';

export async function writeEffectiveHistory(trx: Transaction<Database>, spec: EffectiveHistory): Promise<void> {
  const filter = spec.currentFilter ? `and ${spec.currentFilter}` : '';
  const nextColumns = spec.values.map((v) => `${v.next} as next_${v.column}`).join(', ');
  const currentColumns = spec.values.map((v) => `h.${v.column} as cur_${v.column}`).join(', ');
  const changed = spec.values.map((v) => `c.cur_${v.column} is distinct from c.next_${v.column}`).join(' or ');
  await sql.raw(`drop table if exists ${CHANGES}`).execute(trx);
  await sql
    .raw(`
    create temp table ${CHANGES} on commit drop as
    select * from (
      select r.row, r.target_id as key_id, ${spec.effective} as effective,
        case when h.in_force then h.id end as hid,
        case when h.in_force then h.valid_from end as valid_from,
        case when h.in_force then h.valid_to end as valid_to,
        coalesce(h.in_force, false) as in_force, (h.id is not null) as has_history, ${currentColumns}, ${nextColumns}
      from ${STAGING} r
      left join lateral (
        select h.*, (h.valid_from <= ${spec.effective} and (h.valid_to is null or h.valid_to > ${spec.effective})) as in_force
        from ${spec.table} h
        where h.${spec.key} = r.target_id ${filter}
        order by (h.valid_from <= ${spec.effective} and (h.valid_to is null or h.valid_to > ${spec.effective})) desc,
          case when h.valid_to is not null and h.valid_to <= ${spec.effective} then ${spec.effective} - h.valid_to
               else h.valid_from - ${spec.effective} end
        limit 1
      ) h on true
      where ${spec.rows}
    ) c
    where c.in_force and (${changed})
       or not c.in_force and (not c.has_history or (${changed})) and ${spec.closeOnNull ? `c.next_${spec.closeOnNull} is not null` : 'true'}`)
    .execute(trx);

  const closeOnly = spec.closeOnNull ? `c.next_${spec.closeOnNull} is null` : 'false';
  const assignments = spec.values.map((v) => `${v.column} = c.next_${v.column}`).join(', ');
  // same-day corrections (or removal, when the value became empty)
  await sql
    .raw(`update ${spec.table} h set ${assignments} from ${CHANGES} c
          where h.id = c.hid and c.valid_from = c.effective and not (${closeOnly})`)
    .execute(trx);
  await sql
    .raw(
      `delete from ${spec.table} h using ${CHANGES} c where h.id = c.hid and c.valid_from = c.effective and (${closeOnly})`,
    )
    .execute(trx);
  await sql
    .raw(
      `update ${spec.table} h set valid_to = c.effective from ${CHANGES} c where h.id = c.hid and c.valid_from < c.effective`,
    )
    .execute(trx);
  const extras = Object.entries(spec.insertExtras ?? {});
  const insertColumns = [
    spec.key,
    'valid_from',
    'valid_to',
    ...spec.values.map((v) => v.column),
    ...extras.map(([k]) => k),
  ];
  const insertValues = [
    'c.key_id',
    'c.effective',
    `case when c.in_force then c.valid_to else (select min(n.valid_from) from ${spec.table} n
       where n.${spec.key} = c.key_id and n.valid_from > c.effective ${spec.currentFilter ? `and ${spec.currentFilter.replaceAll('h.', 'n.')}` : ''}) end`,
    ...spec.values.map((v) => `c.next_${v.column}`),
    ...extras.map(([, v]) => v),
  ];
  await sql
    .raw(`insert into ${spec.table} (${insertColumns.join(', ')})
          select ${insertValues.join(', ')} from ${CHANGES} c where (c.in_force and c.valid_from < c.effective or not c.in_force) and not (${closeOnly})`)
    .execute(trx);

  const before = spec.values.map((v) => `'${v.column}', c.cur_${v.column}`).join(', ');
  const after = spec.values.map((v) => `'${v.column}', c.next_${v.column}`).join(', ');
  await sql`
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${spec.actor}, 'change', ${spec.auditEntity}, r."externalId",
      case when c.in_force then jsonb_build_object('validFrom', c.valid_from, ${sql.raw(before)}) end,
      jsonb_build_object('validFrom', c.effective, ${sql.raw(after)})
    from ${sql.raw(CHANGES)} c join ${sql.raw(STAGING)} r on r.row = c.row order by c.row`.execute(trx);
  await sql`update ${sql.raw(STAGING)} r set changed = true from ${sql.raw(CHANGES)} c where c.row = r.row and not r.is_new`.execute(
    trx,
  );
}
