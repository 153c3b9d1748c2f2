// Disputes (docs/compensation.md): a payee questions one line of a statement; Sales Ops answers
// with a note or with a manual adjustment (written through createAdjustment, linked to the dispute,
// approved by someone else as any adjustment); the payee who raised it, or ops, resolves it.
// open → answered → resolved; every step is a message in the thread and a row in the audit log.
// Who may do which step is the caller's business (the server's routes, DESIGN §9).
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { type Adjustment, createAdjustment, listAdjustments } from './comp-adjustments.ts';
import { currentRun } from './current-run.ts';

export type DisputeStatus = 'open' | 'answered' | 'resolved';
export const DISPUTE_STATUSES: readonly DisputeStatus[] = ['open', 'answered', 'resolved'];

export interface Dispute {
  id: string;
  person: string;
  /** The payee's internal id, for visibility checks by the caller. */
  personId: string;
  name: string;
  period: string;
  /** The statement line questioned: a component id or a line label. */
  line: string;
  status: DisputeStatus;
  raisedBy: string;
  raisedAt: string;
  /** When the last message was written. */
  updatedAt: string;
  messages: number;
}

export interface DisputeMessage {
  id: string;
  author: string;
  at: string;
  note: string;
  adjustment: Adjustment | null;
}

const MAX_LINE = 200;
const MAX_NOTE = 4000;

export async function raiseDispute(
  db: Kysely<Database>,
  input: { person: string; period: string; line: string; note: string; actor: string },
): Promise<Dispute> {
  const line = input.line.trim();
  const note = checkedNote(input.note);
  if (line === '' || line.length > MAX_LINE) {
    throw new AttainError('DISPUTE_INVALID', `Name the statement line in question (1–${MAX_LINE} characters)`, {
      field: 'line',
    });
  }
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('people')
      .select('id')
      .where('external_id', '=', input.person)
      .executeTakeFirst();
    if (!person) {
      throw new AttainError('PERSON_NOT_FOUND', `No person with id "${input.person}"`, { person: input.person });
    }
    const run = await currentRun(trx, input.period);
    const result =
      run &&
      (await trx
        .selectFrom('comp_results')
        .select('person_id')
        .where('run_id', '=', run.id)
        .where('person_id', '=', person.id)
        .executeTakeFirst());
    if (!result) {
      throw new AttainError('DISPUTE_INVALID', `${input.person} has no statement for ${input.period} to dispute`, {
        person: input.person,
        period: input.period,
      });
    }
    const row = await trx
      .insertInto('comp_disputes')
      .values({ person_id: person.id, period: input.period, line, raised_by: input.actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('comp_dispute_messages').values({ dispute_id: row.id, author: input.actor, note }).execute();
    const raised = await findDispute(trx, row.id);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'comp.dispute.raise',
      entity: 'comp_dispute',
      entityId: row.id,
      after: { ...raised, note },
    });
    return raised;
  });
}

/**
 * Answers with a note and, optionally, an adjustment for the payee (in the dispute's period unless
 * another is named: a closed period takes none). The adjustment is written first, by
 * createAdjustment inside the answer's transaction: both land or neither.
 */
export async function answerDispute(
  db: Kysely<Database>,
  input: {
    id: string;
    note: string;
    actor: string;
    adjustment?: { amount: string; reason: string; period?: string };
  },
): Promise<{ dispute: Dispute; adjustment: Adjustment | null }> {
  const note = checkedNote(input.note);
  const before = await findDispute(db, input.id);
  assertOpen(before);
  return db.transaction().execute(async (trx) => {
    const locked = await lockDispute(trx, input.id);
    assertOpen(locked);
    const adjustment = input.adjustment
      ? await createAdjustment(trx, {
          person: before.person,
          period: input.adjustment.period ?? before.period,
          amount: input.adjustment.amount,
          reason: input.adjustment.reason,
          actor: input.actor,
          disputeId: before.id,
        })
      : null;
    await trx
      .insertInto('comp_dispute_messages')
      .values({ dispute_id: input.id, author: input.actor, note, adjustment_id: adjustment?.id ?? null })
      .execute();
    await trx.updateTable('comp_disputes').set({ status: 'answered' }).where('id', '=', input.id).execute();
    const dispute = await findDispute(trx, input.id);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'comp.dispute.answer',
      entity: 'comp_dispute',
      entityId: input.id,
      before: { status: locked.status },
      after: { status: dispute.status, note, adjustment: adjustment?.id ?? null },
    });
    return { dispute, adjustment };
  });
}

export async function resolveDispute(
  db: Kysely<Database>,
  input: { id: string; actor: string; note?: string },
): Promise<Dispute> {
  const note = input.note?.trim() ? checkedNote(input.note) : 'Marked resolved.';
  return db.transaction().execute(async (trx) => {
    const before = await lockDispute(trx, input.id);
    assertOpen(before);
    await trx.insertInto('comp_dispute_messages').values({ dispute_id: input.id, author: input.actor, note }).execute();
    await trx.updateTable('comp_disputes').set({ status: 'resolved' }).where('id', '=', input.id).execute();
    const after = await findDispute(trx, input.id);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'comp.dispute.resolve',
      entity: 'comp_dispute',
      entityId: input.id,
      before: { status: before.status },
      after: { status: 'resolved', note },
    });
    return after;
  });
}

/** Disputes newest first; `personIds` limits them to the payees the caller may see. */
export async function listDisputes(
  db: Kysely<Database>,
  filter: { personIds?: readonly string[]; period?: string; status?: DisputeStatus } = {},
): Promise<Dispute[]> {
  const conditions = [sql`true`];
  if (filter.personIds) conditions.push(sql`d.person_id = any(${[...filter.personIds]}::bigint[])`);
  if (filter.period) conditions.push(sql`d.period = ${filter.period}`);
  if (filter.status) conditions.push(sql`d.status = ${filter.status}`);
  const rows = await sql<DisputeRow>`${selectDisputes} where ${sql.join(conditions, sql` and `)}
    order by d.id desc`.execute(db);
  return rows.rows.map(disputeOf);
}

export async function findDispute(db: Kysely<Database>, id: string): Promise<Dispute> {
  if (!/^\d{1,18}$/.test(id)) throw notFound(id);
  const rows = await sql<DisputeRow>`${selectDisputes} where d.id = ${id}`.execute(db);
  const row = rows.rows[0];
  if (!row) throw notFound(id);
  return disputeOf(row);
}

/** The thread, oldest first, each answer with the adjustment it made. */
export async function disputeHistory(db: Kysely<Database>, id: string): Promise<DisputeMessage[]> {
  const dispute = await findDispute(db, id);
  const messages = await db
    .selectFrom('comp_dispute_messages')
    .select(['id', 'author', 'at', 'note', 'adjustment_id'])
    .where('dispute_id', '=', dispute.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const linked = messages.flatMap((m) => (m.adjustment_id === null ? [] : [m.adjustment_id]));
  const adjustments = new Map<string, Adjustment>();
  if (linked.length > 0) {
    // listAdjustments filters by period: read the few periods the linked adjustments are in.
    const periods = await db
      .selectFrom('comp_adjustments')
      .select('period')
      .distinct()
      .where('id', 'in', linked)
      .execute();
    for (const { period } of periods) {
      for (const a of await listAdjustments(db, { period })) adjustments.set(a.id, a);
    }
  }
  return messages.map((m) => ({
    id: m.id,
    author: m.author,
    at: new Date(m.at).toISOString(),
    note: m.note,
    adjustment: m.adjustment_id === null ? null : (adjustments.get(m.adjustment_id) ?? null),
  }));
}

function checkedNote(text: string): string {
  const note = text.trim();
  if (note === '' || note.length > MAX_NOTE) {
    throw new AttainError('DISPUTE_INVALID', `Write a note (1–${MAX_NOTE} characters)`, { field: 'note' });
  }
  return note;
}

function assertOpen(dispute: Dispute): void {
  if (dispute.status === 'resolved') {
    throw new AttainError('DISPUTE_RESOLVED', `Dispute ${dispute.id} is already resolved`, { id: dispute.id });
  }
}

async function lockDispute(db: Kysely<Database>, id: string): Promise<Dispute> {
  if (!/^\d{1,18}$/.test(id)) throw notFound(id);
  await sql`select id from comp_disputes where id = ${id} for update`.execute(db);
  return findDispute(db, id);
}

function notFound(id: string) {
  return new AttainError('DISPUTE_NOT_FOUND', `No dispute ${id}`, { id });
}

interface DisputeRow {
  id: string;
  person_id: string;
  external_id: string;
  name: string;
  period: string;
  line: string;
  status: DisputeStatus;
  raised_by: string;
  raised_at: string | Date;
  updated_at: string | Date;
  messages: string;
}

const selectDisputes = sql`
  select d.id, d.person_id, p.external_id, p.name, d.period, d.line, d.status, d.raised_by, d.raised_at,
         coalesce(m.updated_at, d.raised_at) as updated_at, coalesce(m.messages, 0) as messages
    from comp_disputes d
    join people p on p.id = d.person_id
    left join lateral (
      select max(at) as updated_at, count(*) as messages from comp_dispute_messages where dispute_id = d.id
    ) m on true`;

function disputeOf(r: DisputeRow): Dispute {
  return {
    id: r.id,
    person: r.external_id,
    personId: r.person_id,
    name: r.name,
    period: r.period,
    line: r.line,
    status: r.status,
    raisedBy: r.raised_by,
    raisedAt: new Date(r.raised_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    messages: Number(r.messages),
  };
}
