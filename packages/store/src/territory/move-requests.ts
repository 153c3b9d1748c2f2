// Account moves are requests (DESIGN §5.1): proposed with an impact preview, then approved (and
// applied on the effective date) or rejected (decide-move.ts).
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Role } from '../auth/user-repository.ts';
import type { Database } from '../schema.ts';
import { impactPreview, type MoveImpact, type QuotaTreatment } from './impact-preview.ts';
import { assertOpenDate, findAccount, findTerritory } from './territory-references.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface MoveInput {
  account: string;
  territory: string;
  effective: string;
  reason?: string | undefined;
  quota?: string | undefined;
}

export interface MoveRequest {
  id: string;
  account: string;
  accountName: string;
  from: string | null;
  to: string;
  effective: string;
  reason: string | null;
  quota: QuotaTreatment;
  status: MoveStatus;
  impact: MoveImpact | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export type MoveStatus = 'proposed' | 'approved' | 'rejected' | 'applied';

export interface Decider {
  actor: string;
  role: Role;
  personId: string | null;
}

const TREATMENTS: readonly QuotaTreatment[] = ['none', 'prorata', 'full'];

/** Checks one request and writes it with its impact preview; every problem is a coded error. */
export async function createMoveRequest(
  db: Db,
  input: MoveInput,
  context: { actor: string; today: string },
): Promise<MoveRequest> {
  const effective = assertIsoDate(input.effective.trim(), 'effective date');
  const quota = (input.quota?.trim() || 'none') as QuotaTreatment;
  if (!TREATMENTS.includes(quota)) {
    throw new AttainError('MOVE_INVALID', `Quota treatment "${input.quota}" is not one of none, prorata, full`, {
      quota: input.quota,
    });
  }
  const account = await findAccount(db, input.account);
  const to = await findTerritory(db, input.territory);
  if (to.type !== 'account') {
    throw new AttainError(
      'MOVE_INVALID',
      `${to.externalId} is an overlay territory; accounts move between account territories`,
      {
        territory: to.externalId,
      },
    );
  }
  await assertOpenDate(db, effective, 'The effective date');
  const { rows } = await sql<{ id: string; external_id: string }>`
    select t.id, t.external_id from territory_assignments ta join territories t on t.id = ta.territory_id and t.type = 'account'
    where ta.account_id = ${account.id}::bigint and ta.valid_from <= ${effective}::date
      and (ta.valid_to is null or ta.valid_to > ${effective}::date)
    order by ta.valid_from desc limit 1`.execute(db);
  const from = rows[0];
  if (from?.id === to.id) {
    throw new AttainError('MOVE_INVALID', `${account.externalId} is already in ${to.externalId} on ${effective}`, {
      account: account.externalId,
      territory: to.externalId,
    });
  }
  const impact = await impactPreview(db, {
    accountId: account.id,
    fromTerritoryId: from?.id ?? null,
    effective,
    treatment: quota,
    today: context.today,
  });
  const created = await db
    .insertInto('account_move_requests')
    .values({
      account_id: account.id,
      from_territory_id: from?.id ?? null,
      to_territory_id: to.id,
      effective_date: effective,
      reason: input.reason?.trim() || null,
      quota_treatment: quota,
      impact: JSON.stringify(impact),
      requested_by: context.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = (await listMoveRequests(db, { id: created.id }))[0]!;
  await writeAudit(db, {
    actor: context.actor,
    action: 'request',
    entity: 'account_move_requests',
    entityId: created.id,
    after: { account: request.account, from: request.from, to: request.to, effective, quota, reason: request.reason },
  });
  return request;
}

/** Bulk requests (a CSV's rows): all or nothing; every bad row is listed with its problem. */
export async function createMoveRequests(
  db: Kysely<Database>,
  rows: readonly { row: number; values: MoveInput }[],
  context: { actor: string; today: string; fileName: string },
): Promise<MoveRequest[]> {
  return db.transaction().execute(async (trx) => {
    const created: MoveRequest[] = [];
    const errors: { row: number; code: string; message: string }[] = [];
    for (const { row, values } of rows) {
      try {
        await sql.raw('savepoint move_row').execute(trx);
        created.push(await createMoveRequest(trx, values, context));
        await sql.raw('release savepoint move_row').execute(trx);
      } catch (error) {
        if (!(error instanceof AttainError)) throw error;
        await sql.raw('rollback to savepoint move_row').execute(trx);
        errors.push({ row, code: error.code, message: `Row ${row}: ${error.message}` });
      }
    }
    if (errors.length > 0) {
      throw new AttainError(
        'MOVE_FILE_INVALID',
        `${context.fileName}: ${errors.length} of ${rows.length} rows are invalid; no request was created\n${errors
          .slice(0, 20)
          .map((e) => `  ${e.message} (${e.code})`)
          .join('\n')}`,
        { errors: errors.slice(0, 100), total: errors.length },
      );
    }
    return created;
  });
}

export async function listMoveRequests(db: Db, filter: { status?: string; id?: string } = {}): Promise<MoveRequest[]> {
  let query = db
    .selectFrom('account_move_requests as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .innerJoin('territories as t', 't.id', 'm.to_territory_id')
    .leftJoin('territories as f', 'f.id', 'm.from_territory_id')
    .select([
      'm.id',
      'a.external_id as account',
      'a.name as accountName',
      'f.external_id as from',
      't.external_id as to',
      'm.effective_date as effective',
      'm.reason',
      'm.quota_treatment as quota',
      'm.status',
      'm.impact',
      'm.requested_by as requestedBy',
      sql<string>`m.requested_at::text`.as('requestedAt'),
      'm.decided_by as decidedBy',
      sql<string | null>`m.decided_at::text`.as('decidedAt'),
      'm.decision_note as note',
    ]);
  if (filter.status) query = query.where('m.status', '=', filter.status);
  if (filter.id) query = query.where('m.id', '=', filter.id);
  const rows = await query.orderBy('m.id').execute();
  return rows.map((r) => ({
    ...r,
    status: r.status as MoveStatus,
    quota: r.quota as QuotaTreatment,
    impact: r.impact as MoveImpact | null,
  }));
}
