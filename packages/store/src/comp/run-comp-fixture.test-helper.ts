// The hand-built company of the run tests (run-comp.test.ts, the CLI's comp-run.test.ts):
//   Mia (manager, plan mgr: 2% of team bookings) ── Raj (rep, plan ae, FY2026 quota 100,000),
//   Lee (rep, plan ae, no quota → held). ae: 10% of quota per unit of attainment to 100%, 15% above.
//   T1 60,000 USD Raj 2026-01-15; T2 50,000 EUR Raj 2026-02-10 (EUR→USD 1.10); T3 10,000 USD Lee 2026-01-20.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { savePlanVersion } from './plan-versions.ts';

export const AE = `
id: ae
name: Account Executive
currency: USD
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers:
      - { to: 1.0, rate: 0.10 }
      - { from: 1.0, rate: 0.15 }
`;
export const MGR = `
id: mgr
name: Sales Manager
currency: USD
components:
  - { id: override, kind: rate-table, tiers: [ { rate: 0.02 } ] }
`;

export async function addTransaction(
  db: Kysely<Database>,
  id: number,
  date: string,
  amount: string,
  currency: string,
  owner: number,
): Promise<void> {
  await db
    .insertInto('transactions')
    .values({ id, external_id: `T${id}`, type: 'booking', date, amount, currency, owner_id: String(owner) })
    .execute();
}

export async function seedRunCompany(db: Kysely<Database>, actor = 'ops:ana'): Promise<void> {
  for (const [id, ext, name, role, manager] of [
    [1, 'P-MIA', 'Mia', 'manager', null],
    [2, 'P-RAJ', 'Raj', 'rep', '1'],
    [3, 'P-LEE', 'Lee', 'rep', '1'],
  ] as const) {
    await db.insertInto('people').values({ id, external_id: ext, name }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', manager_id: manager, job_role: role })
      .execute();
  }
  await savePlanVersion(db, { source: 'ae.yaml', text: AE, actor });
  await savePlanVersion(db, { source: 'mgr.yaml', text: MGR, actor });
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '1', plan_id: 'mgr', valid_from: '2026-01-01', target_incentive: '40000' },
      { person_id: '2', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '3', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
    ])
    .execute();
  await db
    .insertInto('quotas')
    .values({
      person_id: '2',
      measure: 'bookings',
      period: 'FY2026',
      period_start: '2026-01-01',
      period_end: '2026-12-31',
      amount: '100000',
      currency: 'USD',
    })
    .execute();
  await db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' })
    .execute();
  await addTransaction(db, 1, '2026-01-15', '60000', 'USD', 2);
  await addTransaction(db, 2, '2026-02-10', '50000', 'EUR', 2);
  await addTransaction(db, 3, '2026-01-20', '10000', 'USD', 3);
}
