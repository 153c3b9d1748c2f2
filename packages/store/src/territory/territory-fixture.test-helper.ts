// A hand-built territory model for the store's territory tests.
//   EMEA (Vera) ── DACH (Raj), UK & Ireland (TBH)      North America (Lee)      Security Overlay (overlay)
//   Vera (exec) ── Mia (manager) ── Raj (rep);  Lee (rep) reports to Vera.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export async function seedTerritories(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'reportingCurrency', value: JSON.stringify('USD') })
    .execute();
  const people = [
    [1, 'P-VERA', 'Vera', 'exec', null],
    [2, 'P-MIA', 'Mia', 'manager', '1'],
    [3, 'P-RAJ', 'Raj', 'rep', '2'],
    [4, 'P-LEE', 'Lee', 'rep', '1'],
  ] as const;
  for (const [id, externalId, name, role, manager] of people) {
    await db.insertInto('people').values({ id, external_id: externalId, name }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', manager_id: manager, job_role: role })
      .execute();
  }
  const territories = [
    [1, 'T-EMEA', 'EMEA', null, 'account', null],
    [2, 'T-DACH', 'DACH', '1', 'account', null],
    [3, 'T-UKI', 'UK & Ireland', '1', 'account', null],
    [4, 'T-NA', 'North America', null, 'account', null],
    [5, 'T-SEC', 'Security Overlay', null, 'overlay', 'Security'],
  ] as const;
  for (const [id, externalId, name, parent, type, family] of territories) {
    await db
      .insertInto('territories')
      .values({ id, external_id: externalId, name, parent_id: parent, type, product_family: family })
      .execute();
  }
  await db
    .insertInto('territory_owners')
    .values([
      { territory_id: '1', person_id: '1', valid_from: '2024-01-01' },
      { territory_id: '2', person_id: '3', valid_from: '2024-01-01' },
      { territory_id: '3', tbh_label: 'TBH UKI', person_id: null, valid_from: '2024-01-01' },
      { territory_id: '4', person_id: '4', valid_from: '2024-01-01' },
      { territory_id: '5', person_id: '1', valid_from: '2024-01-01' },
    ])
    .execute();
}

/** The account-type territory of an account on a date, by externalId. */
export async function territoryOn(db: Kysely<Database>, account: string, date: string): Promise<string | null> {
  const row = await db
    .selectFrom('territory_assignments as ta')
    .innerJoin('territories as t', 't.id', 'ta.territory_id')
    .innerJoin('accounts as a', 'a.id', 'ta.account_id')
    .select('t.external_id')
    .where('a.external_id', '=', account)
    .where('t.type', '=', 'account')
    .where('ta.valid_from', '<=', date)
    .where((eb) => eb.or([eb('ta.valid_to', 'is', null), eb('ta.valid_to', '>', date)]))
    .executeTakeFirst();
  return row?.external_id ?? null;
}

export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['territory_assignments', 'territory_rules', 'account_move_requests', 'audit_log'] as const) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}
