// A real payee as a §6 scenario, numbers worked by hand:
//   Raj (rep) on plan ae all of 2026: bookings quota FY2026 100,000 USD, target incentive 50,000.
//     credits T1 2026-02-10 30,000 USD, T2 2026-03-05 10,000 EUR (1.10 → 11,000 USD),
//     T0 2025-12-20 5,000 USD (another quota period); MBO goals 0.5 in 2026-03.
//   Lee (rep) on plan old until 2026-07-01, then ae with target incentive 50,000; quota 100,000:
//     ae's half of FY2026 is 184 of 365 days: quota 50,410.96, target incentive 25,205.48.
//     credits T3 2026-03-01 7,000 (plan old), T4 2026-08-01 10,000 (plan ae).
import { parsePlan } from '@attain/core/comp/plan-schema.ts';
import { simulate } from '@attain/core/comp/simulate.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { creditTransactions } from './credit-transactions.ts';
import { payeeScenario, scenarioAttainment, withCredits } from './payee-scenario.ts';

const AE = parsePlan(
  `
id: ae
currency: USD
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers: [ { to: 1.0, rate: 0.10 }, { rate: 0.15 } ]
  - { id: goals, kind: mbo, weight: 0.1 }
`,
  'ae.yaml',
);

let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  for (const [id, ext, name] of [
    [1, 'P-RAJ', 'Raj'],
    [2, 'P-LEE', 'Lee'],
  ] as const) {
    await db.insertInto('people').values({ id, external_id: ext, name, hire_date: '2024-01-01' }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', manager_id: null, job_role: 'rep' })
      .execute();
  }
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '1', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '2', plan_id: 'old', valid_from: '2026-01-01', valid_to: '2026-07-01', target_incentive: '40000' },
      { person_id: '2', plan_id: 'ae', valid_from: '2026-07-01', target_incentive: '50000' },
    ])
    .execute();
  for (const person of ['1', '2']) {
    await db
      .insertInto('quotas')
      .values({
        person_id: person,
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount: '100000',
        currency: 'USD',
      })
      .execute();
  }
  await db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' })
    .execute();
  const transactions = [
    [10, 'T0', '2025-12-20', '5000', 'USD', 1],
    [11, 'T1', '2026-02-10', '30000', 'USD', 1],
    [12, 'T2', '2026-03-05', '10000', 'EUR', 1],
    [13, 'T3', '2026-03-01', '7000', 'USD', 2],
    [14, 'T4', '2026-08-01', '10000', 'USD', 2],
  ] as const;
  for (const [id, externalId, date, amount, currency, owner] of transactions) {
    await db
      .insertInto('transactions')
      .values({ id, external_id: externalId, type: 'booking', date, amount, currency, owner_id: String(owner) })
      .execute();
  }
  await db
    .insertInto('mbo_scores')
    .values({ person_id: '1', component: 'goals', period: '2026-03', score: '0.5' })
    .execute();
  await creditTransactions(db, { from: '2025-01-01', to: '2026-12-31' });
});

afterAll(async () => {
  await store?.close();
});

describe('payeeScenario', () => {
  test("the quota period's quota, target incentive, credits with their FX rows, and MBO scores", async () => {
    const built = await payeeScenario(store.db, {
      personId: '1',
      plan: AE,
      quotaPeriod: 'FY2026',
      today: '2026-06-15',
    });
    expect(built).toMatchObject({
      quotaPeriod: { period: 'FY2026', start: '2026-01-01', end: '2026-12-31' },
      quota: { bookings: '100000' },
      targetIncentive: '50000',
      assigned: true,
    });
    const [payee] = built.scenario.payees;
    expect(payee?.id).toBe('P-RAJ');
    expect(payee?.credits.map((c) => [c.id, c.date, c.amount.toFixed(), c.currency])).toEqual([
      ['T1', '2026-02-10', '30000', 'USD'],
      ['T2', '2026-03-05', '10000', 'EUR'],
    ]);
    expect(built.scenario.fx.map((r) => [r.from, r.to, r.date, r.rate.toFixed()])).toEqual([
      ['EUR', 'USD', '2026-01-01', '1.1'],
    ]);
    expect(built.scenario.range).toEqual({ from: '2026-01-01', to: '2026-12-31' });

    // February: F(0.3) × 100,000 = 3,000. March: T2 is 11,000 USD, 0.3 → 0.41: 1,100; goals 0.5 × 0.1 × 50,000 = 2,500.
    const result = simulate(built.scenario).payees[0]!;
    expect(result.periods.slice(1, 3)).toEqual([
      expect.objectContaining({ period: '2026-02', components: { commission: '3000.00', goals: '0.00' } }),
      expect.objectContaining({ period: '2026-03', components: { commission: '1100.00', goals: '2500.00' } }),
    ]);
    expect(result.periods).toHaveLength(12);
    expect(result.total).toEqual({ earned: '6600.00', paid: '6600.00' });
    expect(scenarioAttainment(built.scenario, built.quotaPeriod)).toEqual({ bookings: '0.41' });
  });

  test('the quota period holding today by default, and a label of another grain is refused', async () => {
    const built = await payeeScenario(store.db, { personId: '1', plan: AE, today: '2026-06-15' });
    expect(built.quotaPeriod.period).toBe('FY2026');
    await expect(
      payeeScenario(store.db, { personId: '1', plan: AE, quotaPeriod: '2026-Q1', today: '2026-06-15' }),
    ).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
  });

  test("a payee on the plan for part of the quota period: that assignment's share and credits only", async () => {
    const built = await payeeScenario(store.db, {
      personId: '2',
      plan: AE,
      quotaPeriod: 'FY2026',
      today: '2026-06-15',
    });
    // 100,000 × 184 ÷ 365 = 50,410.958… → 50,410.96; 50,000 × 184 ÷ 365 = 25,205.479… → 25,205.48
    expect(built).toMatchObject({ quota: { bookings: '50410.96' }, targetIncentive: '25205.48', assigned: true });
    expect(built.scenario.payees[0]?.credits.map((c) => c.id)).toEqual(['T4']);
    // within the first tier the commission is the credit × 10 %: 1,000
    expect(simulate(built.scenario).payees[0]?.total.earned).toBe('1000.00');
  });

  test('a plan the payee is not on stands in for the assignments reaching into the quota period', async () => {
    const other = { ...AE, id: 'new-plan' };
    const built = await payeeScenario(store.db, {
      personId: '2',
      plan: other,
      quotaPeriod: 'FY2026',
      today: '2026-06-15',
    });
    // old's half-year (181 days) and ae's (184) add up to the whole quota and target incentive
    expect(built.quota).toEqual({ bookings: '100000' });
    expect(built.targetIncentive).toBe('45041.1');
    expect(built.scenario.payees[0]?.credits.map((c) => c.id)).toEqual(['T3', 'T4']);
  });

  test('hypothetical credits get their FX rows and move attainment', async () => {
    const deal = {
      id: 'what-if-1',
      date: '2026-09-01',
      measure: 'bookings',
      amount: new Decimal(20000),
      currency: 'EUR',
    };
    const built = await payeeScenario(store.db, {
      personId: '2',
      plan: AE,
      quotaPeriod: 'FY2026',
      today: '2026-06-15',
      extraCredits: [deal],
    });
    expect(built.scenario.fx).toHaveLength(1);
    const after = withCredits(built.scenario, [deal]);
    // (10,000 + 22,000) ÷ 50,410.96 = 0.6347826…
    expect(scenarioAttainment(after, built.quotaPeriod)).toEqual({ bookings: '0.634783' });
  });
});
