// Approved moves take effect on their date (DESIGN §5.1): each becomes an account-territory change
// effective on its effective date, so crediting, which reads the account's territory as of each
// transaction's date, keeps earlier transactions with the old territory. Runs at approval (when the
// date is today or past), at every assignment run and from `attain territory moves apply`.
// Several due moves of one account are applied in date order, one round per move. A move whose date
// has since fallen into a closed period is left approved and reported as blocked.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { CHANGES, createAssignmentChanges, writeAssignmentChanges } from './write-assignment-changes.ts';

export interface AppliedMoves {
  applied: { id: string; account: string; to: string; effective: string }[];
  blocked: { id: string; account: string; effective: string; period: string }[];
}

export async function applyDueMoves(
  trx: Transaction<Database>,
  options: { today: string; actor: string; only?: string },
): Promise<AppliedMoves> {
  const only = options.only === undefined ? sql`true` : sql`m.id = ${options.only}::bigint`;
  const { rows: due } = await sql<{
    id: string;
    account_id: string;
    account: string;
    to_id: string;
    to: string;
    effective: string;
    period: string | null;
    round: number;
  }>`
    select m.id, m.account_id, a.external_id as account, m.to_territory_id as to_id, t.external_id as "to",
      m.effective_date as effective, cp.period,
      row_number() over (partition by m.account_id order by m.effective_date, m.id)::int as round
    from account_move_requests m
    join accounts a on a.id = m.account_id join territories t on t.id = m.to_territory_id
    left join closed_periods cp on m.effective_date between cp.start_date and cp.end_date
    where m.status = 'approved' and m.effective_date <= ${options.today}::date and ${only}
    order by m.effective_date, m.id`.execute(trx);
  const blocked = due.filter((m) => m.period !== null);
  const ready = due.filter((m) => m.period === null);
  const rounds = Math.max(0, ...ready.map((m) => m.round));
  for (let round = 1; round <= rounds; round += 1) {
    const batch = ready.filter((m) => m.round === round);
    if (batch.length === 0) continue;
    await createAssignmentChanges(trx);
    await sql`insert into ${sql.raw(CHANGES)} (account_id, account_external_id, to_id, effective, source, note)
      select b.account_id, b.account_external_id, b.to_id, b.effective, 'move', 'move request ' || b.id
      from unnest(${batch.map((m) => m.id)}::bigint[], ${batch.map((m) => m.account_id)}::bigint[],
        ${batch.map((m) => m.account)}::text[], ${batch.map((m) => m.to_id)}::bigint[],
        ${batch.map((m) => m.effective)}::date[]) as b(id, account_id, account_external_id, to_id, effective)
      `.execute(trx);
    await writeAssignmentChanges(trx, options.actor);
  }
  const ids = ready.map((m) => m.id);
  if (ids.length > 0) {
    await sql`update account_move_requests set status = 'applied', applied_at = now()
      where id = any(${ids}::bigint[])`.execute(trx);
    await sql`insert into audit_log (actor, action, entity, entity_id, before, after)
      select ${options.actor}, 'apply', 'account_move_requests', id::text, jsonb_build_object('status', 'approved'),
        jsonb_build_object('status', 'applied')
      from unnest(${ids}::bigint[]) as id order by id`.execute(trx);
  }
  return {
    applied: ready.map((m) => ({ id: m.id, account: m.account, to: m.to, effective: m.effective })),
    blocked: blocked.map((m) => ({ id: m.id, account: m.account, effective: m.effective, period: m.period! })),
  };
}
