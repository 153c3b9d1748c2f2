// Hand-made compensation runs for the tests of a close's outputs (payroll, ASC 340-40, statements):
// rows written straight into comp_runs, comp_results, comp_result_lines and comp_credit_earnings,
// as the run would leave them. Every figure is worked by hand in the tests that use it.
//
//   2026-01  run 1 superseded, run 2 closed:  Ana commission 2,400.00 on T-100 (24 months)
//   2026-02  run 3 approved:                  Ben commission 500.00, paid 2,000.00 (non-recoverable draw)
//   2026-03  run 4 approved:                  Ana commission 1,500.00 (T-300 1,000.004, T-200 499.996),
//                                             new-logo 1,000.00 (T-300), club 5,000.00,
//                                             prior period 2026-01 −200.00 (T-100), manual +300.00;
//                                             earned = paid = 7,600.00
//                                             Ben commission 800.00 (T-400), paid 2,000.00, owes 1,200.00
//                                             Cal held: QUOTA_MISSING
//   2026-04  run 5 draft:                     Ana commission 100.00
// Ana's plan is in USD, paid in EUR; EUR→USD is 1.10 from 2026-01-01 and 1.25 from 2026-03-15.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export const PLAN_DOCUMENT = {
  id: 'ae',
  name: 'Account Executive',
  currency: 'USD',
  components: [
    { id: 'commission', kind: 'rate-table', tiers: [{ from: 0, rate: 0.1 }] },
    { id: 'new-logo', kind: 'per-credit-bonus', amount: 1000 },
    { id: 'club', kind: 'attainment-bonus', steps: [{ atLeast: 0.3, amount: 5000 }] },
  ],
};

export const ANA_MARCH_EXPLAIN = {
  segments: [
    {
      planId: 'ae',
      version: 1,
      from: '2026-01-01',
      to: null,
      quotaPeriod: 'FY2026',
      quota: { bookings: '100000' },
      targetIncentive: '50000',
      attainment: { bookings: '0.35' },
      components: {
        commission: {
          earnedToDate: '3700',
          credits: [
            {
              credit: 'T-300',
              date: '2026-03-10',
              quotaPeriod: 'FY2026',
              amount: '10000.04',
              earns: true,
              from: '0.24',
              to: '0.3400004',
              slices: [{ tier: 1, from: '0.24', to: '0.3400004', rate: '0.1', earned: '1000.004' }],
              earned: '1000.004',
            },
          ],
        },
        'new-logo': { earnedToDate: '1000', credits: [{ credit: 'T-300/overlay', earned: '1000' }] },
        club: { earnedToDate: '5000', reached: [{ quotaPeriod: 'FY2026', atLeast: '0.3', credit: 'T-300' }] },
      },
    },
  ],
};

export interface CloseIds {
  ana: string;
  ben: string;
  cal: string;
}

/** Seeds the runs above for three people; pass existing people ids to reuse them. */
export async function seedClose(db: Kysely<Database>, people?: CloseIds): Promise<CloseIds> {
  const ids = people ?? {
    ana: await person(db, 'E-ANA', 'Ana Alves'),
    ben: await person(db, 'E-BEN', 'Ben Brooks'),
    cal: await person(db, 'E-CAL', 'Cal Cruz'),
  };
  await db
    .insertInto('plans')
    .values({
      plan_id: 'ae',
      version: 1,
      name: 'Account Executive',
      currency: 'USD',
      document: JSON.stringify(PLAN_DOCUMENT),
      source: 'id: ae',
      valid_from: '2026-01-01',
      created_by: 'test',
    })
    .execute();
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: ids.ana, plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000', currency: 'EUR' },
      { person_id: ids.ben, plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000', currency: null },
      { person_id: ids.cal, plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000', currency: null },
    ])
    .execute();
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-03-15', rate: '1.25' },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  const t = {
    t100: await transaction(db, 'T-100', 24),
    t200: await transaction(db, 'T-200', 12),
    t300: await transaction(db, 'T-300', 36),
    t400: await transaction(db, 'T-400', 24),
  };
  // As the run writes them (core/comp/compute-pay-period.ts PayPeriodResult.plans).
  const plans = JSON.stringify([{ planId: 'ae', version: 1, from: '2026-01-01', to: null }]);

  await run(db, '2026-01', '2026-01-01', '2026-01-31', 'superseded');
  const jan = await run(db, '2026-01', '2026-01-01', '2026-01-31', 'approved');
  await result(db, jan, ids.ana, { earned: '2400', paid: '2400', balance: '0', plans });
  await line(db, jan, ids.ana, 1, { kind: 'component', component: 'commission', amount: '2400' });
  await earning(db, jan, ids.ana, t.t100, 'commission', '2400');
  await db.updateTable('comp_runs').set({ status: 'closed' }).where('id', '=', jan).execute();

  const feb = await run(db, '2026-02', '2026-02-01', '2026-02-28', 'approved');
  await result(db, feb, ids.ben, { earned: '500', paid: '2000', balance: '0', plans });
  await line(db, feb, ids.ben, 1, { kind: 'component', component: 'commission', amount: '500' });

  const mar = await run(db, '2026-03', '2026-03-01', '2026-03-31', 'approved');
  await result(db, mar, ids.ana, {
    earned: '7600',
    paid: '7600',
    balance: '0',
    plans,
    explain: JSON.stringify(ANA_MARCH_EXPLAIN),
  });
  const adjustment = await db
    .insertInto('comp_adjustments')
    .values({
      person_id: ids.ana,
      period: '2026-03',
      amount: '300',
      currency: 'USD',
      reason: 'Split correction on T-300',
      author: 'ops@example.com',
      approver: 'finance@example.com',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const anaLines = [
    { kind: 'component', component: 'commission', amount: '1500' },
    { kind: 'component', component: 'new-logo', amount: '1000' },
    { kind: 'component', component: 'club', amount: '5000' },
    { kind: 'prior_period', component: 'commission', amount: '-200', sourcePeriod: '2026-01' },
    { kind: 'manual', amount: '300', adjustmentId: adjustment.id },
  ];
  for (const [i, l] of anaLines.entries()) await line(db, mar, ids.ana, i + 1, l);
  await earning(db, mar, ids.ana, t.t300, 'commission', '1000.004');
  await earning(db, mar, ids.ana, t.t200, 'commission', '499.996');
  await earning(db, mar, ids.ana, t.t300, 'new-logo', '1000');
  await earning(db, mar, ids.ana, t.t100, 'commission', '-200');
  await result(db, mar, ids.ben, { earned: '800', paid: '2000', balance: '1200', plans });
  await line(db, mar, ids.ben, 1, { kind: 'component', component: 'commission', amount: '800' });
  await earning(db, mar, ids.ben, t.t400, 'commission', '800');
  await db
    .insertInto('comp_holds')
    .values({ run_id: mar, person_id: ids.cal, code: 'QUOTA_MISSING', message: 'No bookings quota for FY2026' })
    .execute();

  const apr = await run(db, '2026-04', '2026-04-01', '2026-04-30', 'draft');
  await result(db, apr, ids.ana, { earned: '100', paid: '100', balance: '0', plans });
  await line(db, apr, ids.ana, 1, { kind: 'component', component: 'commission', amount: '100' });
  return ids;
}

async function person(db: Kysely<Database>, externalId: string, name: string): Promise<string> {
  const row = await db
    .insertInto('people')
    .values({ external_id: externalId, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function transaction(db: Kysely<Database>, externalId: string, months: number): Promise<string> {
  const row = await db
    .insertInto('transactions')
    .values({ external_id: externalId, type: 'booking', date: '2026-01-15', amount: '10000', contract_months: months })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function run(db: Kysely<Database>, period: string, start: string, end: string, status: string) {
  const row = await db
    .insertInto('comp_runs')
    .values({ period, period_start: start, period_end: end, mode: 'full', status, run_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function result(
  db: Kysely<Database>,
  runId: string,
  personId: string,
  r: { earned: string; paid: string; balance: string; plans: string; explain?: string },
) {
  await db
    .insertInto('comp_results')
    .values({
      run_id: runId,
      person_id: personId,
      currency: 'USD',
      earned: r.earned,
      paid: r.paid,
      draw_balance: r.balance,
      inputs_hash: 'test',
      plans: r.plans,
      explain: r.explain ?? '{}',
    })
    .execute();
}

async function line(
  db: Kysely<Database>,
  runId: string,
  personId: string,
  n: number,
  l: { kind: string; component?: string; amount: string; sourcePeriod?: string; adjustmentId?: string },
) {
  await db
    .insertInto('comp_result_lines')
    .values({
      run_id: runId,
      person_id: personId,
      line: n,
      kind: l.kind,
      plan_id: l.component ? 'ae' : null,
      component: l.component ?? null,
      source_period: l.sourcePeriod ?? null,
      amount: l.amount,
      currency: 'USD',
      adjustment_id: l.adjustmentId ?? null,
    })
    .execute();
}

async function earning(
  db: Kysely<Database>,
  runId: string,
  personId: string,
  transactionId: string,
  component: string,
  amount: string,
) {
  await db
    .insertInto('comp_credit_earnings')
    .values({
      run_id: runId,
      person_id: personId,
      transaction_id: transactionId,
      plan_id: 'ae',
      component,
      amount,
      currency: 'USD',
    })
    .execute();
}
