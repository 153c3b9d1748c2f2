// Plans for the route tests of plans.ts and estimate.ts over the small company
// (testing/small-company.ts): ae pays 10 % of quota per unit of attainment up to 0.05, 20 % above;
// Raj (quota 100,000) and Rosa (quota 50,000) are on it, Mia on mgr; T-1 is credited.
import { creditTransactions } from '@attain/store/comp/credit-transactions.ts';
import { savePlanVersion } from '@attain/store/comp/plan-versions.ts';
import type { Store } from '@attain/store/open-store.ts';

export const AE = `id: ae
name: Account Executive
currency: USD
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers:
      - { to: 0.05, rate: 0.10 }
      - { rate: 0.20 }
`;
export const MGR = `id: mgr
name: Sales Manager
currency: USD
components:
  - { id: override, kind: rate-table, tiers: [ { rate: 0.02 } ] }
`;

/** Raj (3) and Rosa (4) on ae with quotas; T-1 credited.  */
export async function seedPlans(s: Store): Promise<void> {
  await savePlanVersion(s.db, { source: 'ae.yaml', text: AE, actor: 'test' });
  await savePlanVersion(s.db, { source: 'mgr.yaml', text: MGR, actor: 'test' });
  await s.db
    .insertInto('plan_assignments')
    .values([
      { person_id: '3', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '4', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '2', plan_id: 'mgr', valid_from: '2026-01-01', target_incentive: '60000' },
    ])
    .execute();
  for (const [person, amount] of [
    ['3', '100000'],
    ['4', '50000'],
  ] as const) {
    await s.db
      .insertInto('quotas')
      .values({
        person_id: person,
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount,
        currency: 'USD',
      })
      .execute();
  }
  await creditTransactions(s.db, { from: '2026-01-01', to: '2026-12-31' });
}
