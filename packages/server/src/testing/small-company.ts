// A six-person company small enough to work every figure out by hand, for route tests.
//   Vera (exec) ── Mia (manager) ── Raj (rep), Rosa (rep)
//              └── Lee (rep; moves under Mia on 2026-07-01)        Fin (ops)
// Open pipeline: Raj 1,000 USD (Proposal), Rosa 2,000 EUR at 1.10 = 2,200 USD (Negotiation),
// Lee 500 USD (Proposal). Raj won 3,000 USD on 2026-02-10 (created 2026-01-05, booked that day);
// Lee lost 800 USD on 2026-03-01, while he still reported to Vera.
import { createUser, type Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { sql } from 'kysely';
import { hashPassword } from '../auth/password.ts';

export const TODAY = '2026-06-15';
export const PASSWORD = 'correct horse battery staple';
export const LOGINS: Record<Role, string> = {
  admin: 'admin@example.com',
  ops: 'ops@example.com',
  finance: 'finance@example.com',
  manager: 'mia@example.com',
  rep: 'raj@example.com',
};

export async function seedSmallCompany(store: Store): Promise<void> {
  const db = store.db;
  await db
    .insertInto('settings')
    .values({ key: 'reportingCurrency', value: JSON.stringify('USD') })
    .execute();
  await db
    .insertInto('org_units')
    .values({ id: 1, external_id: 'OU-1', name: 'Acme Sales', type: 'company' })
    .execute();
  const people = [
    [1, 'P-VERA', 'Vera', 'exec', null],
    [2, 'P-MIA', 'Mia', 'manager', 1],
    [3, 'P-RAJ', 'Raj', 'rep', 2],
    [4, 'P-ROSA', 'Rosa', 'rep', 2],
    [5, 'P-LEE', 'Lee', 'rep', 1],
    [6, 'P-FIN', 'Fin', 'ops', 1],
  ] as const;
  for (const [id, externalId, name, role, manager] of people) {
    await db.insertInto('people').values({ id, external_id: externalId, name, hire_date: '2024-01-01' }).execute();
    await db
      .insertInto('person_history')
      .values({
        person_id: String(id),
        valid_from: '2024-01-01',
        valid_to: id === 5 ? '2026-07-01' : null,
        manager_id: manager === null ? null : String(manager),
        org_unit_id: '1',
        job_role: role,
      })
      .execute();
  }
  await db
    .insertInto('person_history')
    .values({ person_id: '5', valid_from: '2026-07-01', manager_id: '2', org_unit_id: '1', job_role: 'rep' })
    .execute();
  await db.insertInto('accounts').values({ id: 1, external_id: 'A-1', name: 'Northwind' }).execute();
  await db.insertInto('accounts').values({ id: 2, external_id: 'A-2', name: 'Contoso' }).execute();
  await db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' })
    .execute();
  const opportunities = [
    [1, 'O-1', 3, 1, 'Proposal', 'open', '1000', 'USD', '2026-07-20'],
    [2, 'O-2', 4, 2, 'Negotiation', 'open', '2000', 'EUR', '2026-08-01'],
    [3, 'O-3', 5, 2, 'Proposal', 'open', '500', 'USD', '2026-09-30'],
    [4, 'O-4', 3, 1, 'Closed Won', 'won', '3000', 'USD', '2026-02-10'],
    [5, 'O-5', 5, 2, 'Closed Lost', 'lost', '800', 'USD', '2026-03-01'],
  ] as const;
  for (const [id, externalId, owner, account, stage, status, amount, currency, closeDate] of opportunities) {
    await db
      .insertInto('opportunities')
      .values({
        id,
        external_id: externalId,
        name: `Deal ${externalId}`,
        owner_id: String(owner),
        account_id: String(account),
        stage,
        status,
        amount,
        currency,
        close_date: closeDate,
        created_date: '2026-01-05',
      })
      .execute();
  }
  await db
    .insertInto('transactions')
    .values({
      id: 1,
      external_id: 'T-1',
      type: 'booking',
      date: '2026-02-10',
      amount: '3000',
      currency: 'USD',
      account_id: '1',
      opportunity_id: '4',
      contract_months: 12,
    })
    .execute();
  // Pipeline history: O-1 was 800 on the 2026-05-01 import; all three open deals as imported on 2026-06-01.
  const snapshots = [
    ['1', '2026-05-01', '3', '1', '800', 'USD'],
    ['1', '2026-06-01', '3', '1', '1000', 'USD'],
    ['2', '2026-06-01', '4', '2', '2000', 'EUR'],
    ['3', '2026-06-01', '5', '2', '500', 'USD'],
  ] as const;
  for (const [opportunity, date, owner, account, amount, currency] of snapshots) {
    await db
      .insertInto('opportunity_snapshots')
      .values({
        opportunity_id: opportunity,
        snapshot_date: date,
        owner_id: owner,
        account_id: account,
        stage: 'Proposal',
        status: 'open',
        probability: '50',
        amount,
        currency,
      })
      .execute();
  }
  // the rows above carry explicit ids: move each identity past them, as the demo loader does
  for (const table of ['org_units', 'people', 'accounts', 'opportunities', 'transactions']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
      db,
    );
  }
  const hash = await hashPassword(PASSWORD);
  const person: Partial<Record<Role, string>> = { manager: 'P-MIA', rep: 'P-RAJ' };
  for (const role of Object.keys(LOGINS) as Role[]) {
    await createUser(db, { email: LOGINS[role], role, passwordHash: hash, personExternalId: person[role] }, 'test');
  }
}
