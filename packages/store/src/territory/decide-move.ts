// Deciding a move request (DESIGN §5.1, §9). Who may decide (docs/territories.md):
//   admin and ops — any request; admin even their own;
//   a manager     — when the from- or to-territory's owner (as of today) is in their org subtree;
//   rep, finance  — never (a rep may request; finance may neither request nor decide);
//   nobody but an admin decides a request they made themselves.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { visiblePeople } from '../visibility/visible-people.ts';
import { applyDueMoves } from './apply-due-moves.ts';
import { territoryOwnerOn } from './hierarchy.ts';
import { type Decider, listMoveRequests, type MoveRequest } from './move-requests.ts';
import { assertOpenDate } from './territory-references.ts';

/** Approves or rejects a proposed request; an approval due today or earlier is applied at once. */
export async function decideMove(
  db: Kysely<Database>,
  id: string,
  decision: 'approve' | 'reject',
  context: { decider: Decider; today: string; note?: string | undefined },
): Promise<MoveRequest> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('account_move_requests')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AttainError('NOT_FOUND', `No move request ${id}`, { id });
    await assertMayDecide(trx, row, context.decider, context.today);
    if (row.status !== 'proposed') {
      throw new AttainError(
        'MOVE_INVALID',
        `Move request ${id} is ${row.status}; only a proposed request can be decided`,
        {
          id,
          status: row.status,
        },
      );
    }
    if (decision === 'approve') await assertOpenDate(trx, row.effective_date, 'The effective date');
    const status = decision === 'approve' ? 'approved' : 'rejected';
    const note = context.note?.trim() || null;
    await trx
      .updateTable('account_move_requests')
      .set({ status, decided_by: context.decider.actor, decided_at: sql<string>`now()` as never, decision_note: note })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, {
      actor: context.decider.actor,
      action: decision,
      entity: 'account_move_requests',
      entityId: id,
      before: { status: row.status },
      after: { status, note },
    });
    if (decision === 'approve' && row.effective_date <= context.today) {
      await applyDueMoves(trx, { today: context.today, actor: context.decider.actor, only: id });
    }
    return (await listMoveRequests(trx, { id }))[0]!;
  });
}

async function assertMayDecide(
  db: Transaction<Database>,
  row: { id: string; requested_by: string; from_territory_id: string | null; to_territory_id: string },
  decider: Decider,
  today: string,
): Promise<void> {
  const forbid = (message: string): never => {
    throw new AttainError('FORBIDDEN', message, { id: row.id, role: decider.role });
  };
  if (decider.role === 'rep' || decider.role === 'finance') forbid(`A ${decider.role} cannot approve or reject moves`);
  if (row.requested_by === decider.actor && decider.role !== 'admin') {
    forbid('You requested this move; someone else (or an admin) must decide it');
  }
  if (decider.role !== 'manager') return;
  const team = await visiblePeople(db as unknown as Kysely<Database>, decider, today);
  const owners = await Promise.all(
    [row.from_territory_id, row.to_territory_id]
      .filter((t): t is string => t !== null)
      .map((t) => territoryOwnerOn(db, t, today)),
  );
  const inTeam = team.kind === 'all' || owners.some((o) => o !== null && team.personIds.includes(o));
  if (!inTeam)
    forbid('Neither territory of this move is owned by someone in your team; ops or their manager decides it');
}
