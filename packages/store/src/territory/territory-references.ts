// How territory commands name things (DESIGN §4): a territory or account by externalId, else by its
// one exact (trimmed, case-insensitive) name; and the closed-period guard for effective dates.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Named {
  id: string;
  externalId: string;
  name: string;
}

export async function findTerritory(db: Db, reference: string): Promise<Named & { type: string }> {
  const rows = await lookup(db, 'territories', reference, sql`, t.type`);
  return only(rows, 'TERRITORY', 'territory', reference) as Named & { type: string };
}

export async function findAccount(db: Db, reference: string): Promise<Named> {
  return only(await lookup(db, 'accounts', reference, sql``), 'ACCOUNT', 'account', reference);
}

async function lookup(db: Db, table: 'territories' | 'accounts', reference: string, extra: ReturnType<typeof sql>) {
  const ref = reference.trim();
  const { rows } = await sql<Named & { type?: string; exact: boolean }>`
    select t.id, t.external_id as "externalId", t.name, t.external_id = ${ref} as exact ${extra}
    from ${sql.table(table)} t
    where t.external_id = ${ref} or lower(trim(t.name)) = lower(${ref})
    order by exact desc, t.id`.execute(db);
  const exact = rows.filter((r) => r.exact);
  return exact.length > 0 ? exact : rows;
}

function only<T extends Named>(rows: T[], prefix: string, what: string, reference: string): T {
  if (rows.length === 1) {
    const { exact: _, ...row } = rows[0] as T & { exact?: boolean };
    return row as T;
  }
  if (rows.length === 0) {
    throw new AttainError(`${prefix}_UNKNOWN`, `No ${what} with externalId or name "${reference}"`, {
      [what]: reference,
    });
  }
  throw new AttainError(
    `${prefix}_AMBIGUOUS`,
    `${rows.length} ${what === 'account' ? 'accounts' : 'territories'} are named "${reference}"; use the externalId (${rows.map((r) => r.externalId).join(', ')})`,
    { [what]: reference, candidates: rows.map((r) => r.externalId) },
  );
}

/** Nothing may take effect inside a closed period (DESIGN §3). */
export async function assertOpenDate(db: Db, date: string, what: string): Promise<void> {
  const closed = await db
    .selectFrom('closed_periods')
    .select(['period', 'start_date', 'end_date'])
    .where('start_date', '<=', date)
    .where('end_date', '>=', date)
    .executeTakeFirst();
  if (closed) {
    throw new AttainError(
      'PERIOD_CLOSED',
      `${what} ${date} falls inside the closed period ${closed.period} (${closed.start_date} to ${closed.end_date}); choose a date after ${closed.end_date}`,
      { date, period: closed.period },
    );
  }
}
