// The compensation metrics of the catalog on a hand-built company, after a real comp run:
//   Mia (manager) ── Raj (rep, FY2026 quota 100,000, 2026-Q1 quota 100,000), Lee (rep, no quota)
import { metricNamed } from '@attain/core/metrics/catalog.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCompRun } from '../comp/approve-comp-run.ts';
import { savePlanVersion } from '../comp/plan-versions.ts';
import { runComp } from '../comp/run-comp.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { queryMetric } from './query-metric.ts';

let store: Store;
const actor = 'ops:ana';

async function query(name: string, options: { by?: string[]; period?: string; asOf?: string } = {}) {
  const result = await queryMetric(
    store.db,
    { kind: 'all' },
    {
      metric: metricNamed(name),
      by: (options.by ?? []) as never,
      period: options.period,
      asOf: options.asOf,
      today: '2026-06-30',
    },
  );
  return result.rows;
}

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
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
  await savePlanVersion(db, {
    source: 'ae.yaml',
    actor,
    text: 'id: ae\ncurrency: USD\ncomponents:\n  - { id: commission, kind: rate-table, tiers: [ { rate: 0.10 } ] }\n',
  });
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '1', plan_id: 'ae', valid_from: '2026-01-01' },
      { person_id: '2', plan_id: 'ae', valid_from: '2026-01-01' },
    ])
    .execute();
  const quota = (person: string, period: string, start: string, end: string, amount: string) => ({
    person_id: person,
    measure: 'bookings',
    period,
    period_start: start,
    period_end: end,
    amount,
    currency: 'USD',
  });
  await db
    .insertInto('quotas')
    .values([
      quota('2', 'FY2026', '2026-01-01', '2026-12-31', '100000'),
      quota('1', 'FY2026', '2026-01-01', '2026-12-31', '200000'),
      quota('2', '2026-Q1', '2026-01-01', '2026-03-31', '100000'),
    ])
    .execute();
  await db
    .insertInto('opportunities')
    .values([
      { id: 1, external_id: 'O1', owner_id: '2', status: 'won', amount: '60000', close_date: '2026-01-15' },
      { id: 2, external_id: 'O2', owner_id: '2', status: 'open', amount: '30000', close_date: '2026-03-15' },
    ])
    .execute();
  await db
    .insertInto('opportunity_snapshots')
    .values({
      opportunity_id: '2',
      snapshot_date: '2026-01-10',
      owner_id: '2',
      status: 'open',
      amount: '30000',
      currency: 'USD',
      close_date: '2026-03-15',
    })
    .execute();
  await db
    .insertInto('transactions')
    .values([
      {
        id: 1,
        external_id: 'T1',
        type: 'booking',
        date: '2026-01-15',
        amount: '60000',
        owner_id: '2',
        opportunity_id: '1',
      },
      { id: 2, external_id: 'T2', type: 'booking', date: '2026-01-20', amount: '10000', owner_id: '3' },
    ])
    .execute();
  await runComp(db, { period: '2026-01', actor });
  await approveCompRun(db, { period: '2026-01', actor });
});

afterAll(async () => {
  await store?.close();
});

describe('compensation metrics', () => {
  it('credited_amount sums direct and roll-up credits per person', async () => {
    // Raj 60,000 and Lee 10,000 direct; Mia 70,000 rolled up from both.
    expect(await query('credited_amount', { by: ['owner'], period: '2026-01' })).toEqual([
      { owner: 'Lee', value: '10000.00' },
      { owner: 'Mia', value: '70000.00' },
      { owner: 'Raj', value: '60000.00' },
    ]);
  });

  it('attainment is bookings credits ÷ quota over the people with a quota for the period', async () => {
    // Raj 60,000 ÷ 100,000; Mia 70,000 ÷ 200,000; Lee has no quota and is left out.
    expect(await query('attainment', { by: ['owner'], period: 'FY2026' })).toEqual([
      { owner: 'Mia', value: '0.3500' },
      { owner: 'Raj', value: '0.6000' },
    ]);
    // Together: 130,000 ÷ 300,000; the default quota period is the fiscal year of the date.
    expect(await query('attainment')).toEqual([{ value: '0.4333' }]);
  });

  it('payout is what approved runs pay; cost_of_sales is payout ÷ won', async () => {
    // 10% of each person's credits: Raj 6,000, Mia 7,000 (Lee has no plan).
    expect(await query('payout', { by: ['owner'], period: '2026-01' })).toEqual([
      { owner: 'Mia', value: '7000.00' },
      { owner: 'Raj', value: '6000.00' },
    ]);
    // 13,000 paid on 60,000 won; Mia won nothing herself: null, not 0.
    expect(await query('cost_of_sales', { period: '2026-01' })).toEqual([{ value: '0.2167' }]);
    expect(await query('cost_of_sales', { by: ['owner'], period: '2026-01' })).toEqual([
      { owner: 'Mia', value: null },
      { owner: 'Raj', value: '0.1000' },
    ]);
  });

  it('pipeline_coverage is open pipeline closing in the period ÷ (quota − won)', async () => {
    // As of 2026-01-20: O2 30,000 open closing in Q1; quota 100,000 − won 60,000 → 0.75.
    expect(await query('pipeline_coverage', { period: '2026-Q1', asOf: '2026-01-20' })).toEqual([{ value: '0.7500' }]);
    // Mia has no Q1 quota: nothing to cover, so no ratio.
    expect(await query('pipeline_coverage', { by: ['owner'], period: '2026-Q1', asOf: '2026-01-20' })).toEqual([
      { owner: 'Raj', value: '0.7500' },
    ]);
  });
});

describe('forecast_accuracy', () => {
  it("compares each person's last own commit call before the period end with what they won", async () => {
    const call = (commit: string, submittedAt: string, scope = 'own') => ({
      person_id: '2',
      period: '2026-Q1',
      period_start: '2026-01-01',
      period_end: '2026-03-31',
      week_of: '2026-01-05',
      scope,
      commit_amount: commit,
      best_case_amount: commit,
      pipeline_amount: commit,
      currency: 'USD',
      submitted_by: 'rep',
      submitted_at: submittedAt,
    });
    await store.db
      .insertInto('forecast_calls')
      .values([
        call('50000', '2026-01-05T09:00:00Z'),
        call('75000', '2026-03-30T09:00:00Z'),
        call('90000', '2026-04-02T09:00:00Z'), // after the period: not the call
        call('10000', '2026-03-30T10:00:00Z', 'team'),
      ])
      .execute();
    // Raj called 75,000 and won 60,000: 1 − 15,000 ÷ 60,000 = 0.75.
    expect(await query('forecast_accuracy', { by: ['owner'], period: '2026-Q1' })).toEqual([
      { owner: 'Raj', value: '0.7500' },
    ]);
    // No call for the quarter: no figure, not zero.
    expect(await query('forecast_accuracy', { period: '2026-Q2' })).toEqual([{ value: null }]);
  });
});
