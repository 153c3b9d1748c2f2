// Writes account-territory changes as effective-dated history (DESIGN §3), for the assignment run
// and for applied moves. Input: the temp table assignment_changes (account_id, account_external_id,
// to_id, effective, source, note), at most one row per account. Only account-type territories'
// rows are touched (overlay assignments go by product family). Per change, at its date E:
//   the row in force started before E → closed on E, a new row opens [E, its old end);
//   it started on E                    → corrected in place (a same-day re-run);
//   none is in force                   → a new row opens [E, the next row's start).
// A change to the territory already in force writes nothing. Each written change leaves an audit
// row on the account. The same plan as write-effective-history.ts, but "in force" is judged only on
// E (not the nearest row), so a run that found a change always writes it.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export const CHANGES = 'assignment_changes';

export async function createAssignmentChanges(trx: Transaction<Database>): Promise<void> {
  await sql.raw(`drop table if exists ${CHANGES}`).execute(trx);
  await sql
    .raw(`create temp table ${CHANGES} (account_id bigint primary key, account_external_id text not null,
      to_id bigint not null, effective date not null, source text not null, note text) on commit drop`)
    .execute(trx);
}

/** Applies the staged changes and returns how many were written (the rest changed nothing). */
export async function writeAssignmentChanges(trx: Transaction<Database>, actor: string): Promise<number> {
  await sql.raw('drop table if exists assignment_writes').execute(trx);
  await sql`
    create temp table assignment_writes on commit drop as
    select c.*, h.id as hid, h.territory_id as from_id, h.valid_from, h.valid_to
    from ${sql.raw(CHANGES)} c
    left join lateral (
      select h.* from territory_assignments h join territories t on t.id = h.territory_id and t.type = 'account'
      where h.account_id = c.account_id and h.valid_from <= c.effective and (h.valid_to is null or h.valid_to > c.effective)
      order by h.valid_from desc limit 1) h on true
    where h.territory_id is distinct from c.to_id`.execute(trx);
  await sql`update territory_assignments h set territory_id = w.to_id, source = w.source
    from assignment_writes w where h.id = w.hid and w.valid_from = w.effective`.execute(trx);
  await sql`update territory_assignments h set valid_to = w.effective
    from assignment_writes w where h.id = w.hid and w.valid_from < w.effective`.execute(trx);
  await sql`
    insert into territory_assignments (account_id, territory_id, valid_from, valid_to, source)
    select w.account_id, w.to_id, w.effective,
      case when w.hid is not null then w.valid_to
        else (select min(n.valid_from) from territory_assignments n join territories t on t.id = n.territory_id
              where n.account_id = w.account_id and t.type = 'account' and n.valid_from > w.effective) end,
      w.source
    from assignment_writes w where w.hid is null or w.valid_from < w.effective`.execute(trx);
  const { rows } = await sql<{ n: string }>`
    with audit as (
      insert into audit_log (actor, action, entity, entity_id, before, after)
      select ${actor}, 'change', 'accounts', w.account_external_id,
        case when w.hid is not null then jsonb_build_object('territory', f.external_id, 'validFrom', w.valid_from) end,
        jsonb_build_object('territory', t.external_id, 'validFrom', w.effective, 'source', w.source, 'note', w.note)
      from assignment_writes w join territories t on t.id = w.to_id left join territories f on f.id = w.from_id
      order by w.account_external_id
      returning 1)
    select count(*)::text as n from audit`.execute(trx);
  return Number(rows[0]!.n);
}
