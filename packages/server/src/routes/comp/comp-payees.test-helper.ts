// Plans for the small company's reps, for the compensation route tests (numbers worked there):
// Raj and Rosa on ae (10% of bookings), Lee on ae-quota (attainment, no quota: held). Rosa books
// 2,000 USD on 2026-02-15 and Lee 1,000 USD on 2026-02-20, beside Raj's T-1 (3,000 on 2026-02-10).
import { savePlanVersion } from '@attain/store/comp/plan-versions.ts';
import type { Store } from '@attain/store/open-store.ts';

export async function seedCompPlans(s: Store): Promise<void> {
  const db = s.db;
  const plan = (id: string, input: string) => `
id: ${id}
name: ${id}
currency: USD
components:
  - { id: commission, kind: rate-table, input: ${input}, tiers: [ { rate: 0.10 } ] }
`;
  await savePlanVersion(db, { source: 'ae.yaml', text: plan('ae', 'amount'), actor: 'test' });
  await savePlanVersion(db, { source: 'ae-quota.yaml', text: plan('ae-quota', 'attainment'), actor: 'test' });
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '3', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '4', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '5', plan_id: 'ae-quota', valid_from: '2026-01-01', target_incentive: '50000' },
    ])
    .execute();
  await db
    .insertInto('transactions')
    .values([
      { external_id: 'T-2', type: 'booking', date: '2026-02-15', amount: '2000', currency: 'USD', owner_id: '4' },
      { external_id: 'T-3', type: 'booking', date: '2026-02-20', amount: '1000', currency: 'USD', owner_id: '5' },
    ])
    .execute();
}
