// Manual adjustments (docs/compensation.md): an amount for a payee and pay period with a reason,
// written by one person and approved by another; only approved adjustments reach a run. A closed
// period takes none: the adjustment goes to an open period.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { currentRun } from './current-run.ts';

export interface Adjustment {
  id: string;
  person: string;
  name: string;
  period: string;
  amount: string;
  currency: string;
  reason: string;
  author: string;
  createdAt: string;
  approver: string | null;
  approvedAt: string | null;
  disputeId: string | null;
}

export interface NewAdjustment {
  person: string;
  period: string;
  amount: string;
  reason: string;
  actor: string;
  disputeId?: string;
}

export async function createAdjustment(db: Kysely<Database>, input: NewAdjustment): Promise<Adjustment> {
  let amount: Decimal;
  try {
    amount = new Decimal(input.amount);
  } catch {
    amount = new Decimal(Number.NaN);
  }
  if (!amount.isFinite() || amount.isZero()) {
    throw new AttainError('ADJUSTMENT_INVALID', `Amount "${input.amount}" is not a non-zero decimal amount`, {
      field: 'amount',
      value: input.amount,
    });
  }
  if (input.reason.trim() === '') {
    throw new AttainError('ADJUSTMENT_INVALID', 'An adjustment needs a reason', { field: 'reason' });
  }
  const write = async (trx: Kysely<Database>) => {
    const person = await trx
      .selectFrom('people')
      .select(['id', 'external_id', 'currency'])
      .where('external_id', '=', input.person)
      .executeTakeFirst();
    if (!person) {
      throw new AttainError('PERSON_NOT_FOUND', `No person with id "${input.person}"`, { person: input.person });
    }
    const run = await currentRun(trx, input.period);
    if (run?.status === 'closed') {
      throw new AttainError('PERIOD_CLOSED', `Period ${input.period} is closed: adjust an open period instead`, {
        period: input.period,
      });
    }
    const period = parsePeriod((await readSettings(trx)).fiscalCalendar, input.period);
    const currency = await planCurrencyOf(trx, person.id, period.end, person.currency);
    const row = await trx
      .insertInto('comp_adjustments')
      .values({
        person_id: person.id,
        period: input.period,
        amount: amount.toFixed(),
        currency,
        reason: input.reason.trim(),
        author: input.actor,
        dispute_id: input.disputeId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await findAdjustment(trx, row.id);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'comp.adjustment.create',
      entity: 'comp_adjustment',
      entityId: row.id,
      after: created,
    });
    return created;
  };
  // Inside the caller's transaction when there is one (a dispute answered with an adjustment).
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

export async function approveAdjustment(
  db: Kysely<Database>,
  input: { id: string; actor: string },
): Promise<Adjustment> {
  return db.transaction().execute(async (trx) => {
    const before = await findAdjustment(trx, input.id);
    if (before.approver !== null) {
      throw new AttainError('ADJUSTMENT_APPROVED', `Adjustment ${input.id} is already approved by ${before.approver}`, {
        id: input.id,
      });
    }
    if (before.author === input.actor) {
      throw new AttainError(
        'ADJUSTMENT_SELF_APPROVAL',
        `Adjustment ${input.id} was written by ${input.actor}: someone else must approve it`,
        { id: input.id, author: before.author },
      );
    }
    const run = await currentRun(trx, before.period);
    if (run?.status === 'closed') {
      throw new AttainError('PERIOD_CLOSED', `Period ${before.period} is closed: adjust an open period instead`, {
        period: before.period,
      });
    }
    await trx
      .updateTable('comp_adjustments')
      .set({ approver: input.actor, approved_at: new Date().toISOString() })
      .where('id', '=', input.id)
      .execute();
    const after = await findAdjustment(trx, input.id);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'comp.adjustment.approve',
      entity: 'comp_adjustment',
      entityId: input.id,
      before,
      after,
    });
    return after;
  });
}

export async function listAdjustments(db: Kysely<Database>, filter: { period?: string } = {}): Promise<Adjustment[]> {
  const rows =
    await sql<AdjustmentRow>`${selectAdjustments} ${filter.period ? sql`where a.period = ${filter.period}` : sql``} order by a.id`.execute(
      db,
    );
  return rows.rows.map(adjustmentOf);
}

async function findAdjustment(db: Kysely<Database>, id: string): Promise<Adjustment> {
  if (!/^\d+$/.test(id)) throw new AttainError('ADJUSTMENT_NOT_FOUND', `No adjustment ${id}`, { id });
  const rows = await sql<AdjustmentRow>`${selectAdjustments} where a.id = ${id}`.execute(db);
  const row = rows.rows[0];
  if (!row) throw new AttainError('ADJUSTMENT_NOT_FOUND', `No adjustment ${id}`, { id });
  return adjustmentOf(row);
}

/** The currency of the plan the payee is on in that period (the last assignment starting by its end). */
async function planCurrencyOf(db: Kysely<Database>, personId: string, end: string, fallback: string) {
  const row = await sql<{ currency: string }>`
    select coalesce(pa.currency, (select p.currency from plans p where p.plan_id = pa.plan_id order by version desc limit 1)) as currency
      from plan_assignments pa
     where pa.person_id = ${personId}
       and pa.valid_from <= ${end}
     order by pa.valid_from desc limit 1`.execute(db);
  return row.rows[0]?.currency ?? fallback;
}

interface AdjustmentRow {
  id: string;
  external_id: string;
  name: string;
  period: string;
  amount: string;
  currency: string;
  reason: string;
  author: string;
  created_at: string | Date;
  approver: string | null;
  approved_at: string | Date | null;
  dispute_id: string | null;
}

const selectAdjustments = sql`
  select a.id, p.external_id, p.name, a.period, a.amount, a.currency, a.reason, a.author, a.created_at,
         a.approver, a.approved_at, a.dispute_id
    from comp_adjustments a join people p on p.id = a.person_id`;

function adjustmentOf(r: AdjustmentRow): Adjustment {
  const time = (t: string | Date | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: r.id,
    person: r.external_id,
    name: r.name,
    period: r.period,
    amount: new Decimal(r.amount).toFixed(2),
    currency: r.currency,
    reason: r.reason,
    author: r.author,
    createdAt: time(r.created_at)!,
    approver: r.approver,
    approvedAt: time(r.approved_at),
    disputeId: r.dispute_id,
  };
}
