// Reviewing runs on a hand-built company, numbers worked by hand (the plans of run-comp.test.ts):
//   Mia (manager, 2% of team bookings) ── Raj (rep, ae, quota 100,000), Lee (rep, ae, no quota → held)
//   ae: 10% of quota per unit of attainment up to 100%.
// January, first run: Raj 60,000 → 6,000.00; Mia 2% × (60,000 + 10,000) = 1,400.00; Lee held.
// Then Raj books 10,000 more in January and Lee gets a 100,000 quota; the second run:
// Raj 70,000 → 7,000.00 (+1,000); Mia 2% × 80,000 = 1,600.00 (+200); Lee 10,000 → 1,000.00 (new).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { approveCompRun } from './approve-comp-run.ts';
import { savePlanVersion } from './plan-versions.ts';
import { runComp } from './run-comp.ts';
import { holdsOf, listRuns, runDiff, runResults } from './run-diff.ts';

const AE = `
id: ae
name: Account Executive
currency: USD
components:
  - { id: commission, kind: rate-table, input: attainment, tiers: [ { rate: 0.10 } ] }
`;
const MGR = `
id: mgr
name: Sales Manager
currency: USD
components:
  - { id: override, kind: rate-table, tiers: [ { rate: 0.02 } ] }
`;
const actor = 'ops:ana';
let store: Store;

async function quota(personId: string) {
  await store.db
    .insertInto('quotas')
    .values({
      person_id: personId,
      measure: 'bookings',
      period: 'FY2026',
      period_start: '2026-01-01',
      period_end: '2026-12-31',
      amount: '100000',
      currency: 'USD',
    })
    .execute();
}

async function booking(id: number, date: string, amount: string, owner: number) {
  await store.db
    .insertInto('transactions')
    .values({ id, external_id: `T${id}`, type: 'booking', date, amount, currency: 'USD', owner_id: String(owner) })
    .execute();
}

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  for (const [id, ext, name, manager] of [
    [1, 'P-MIA', 'Mia', null],
    [2, 'P-RAJ', 'Raj', '1'],
    [3, 'P-LEE', 'Lee', '1'],
  ] as const) {
    await db.insertInto('people').values({ id, external_id: ext, name }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', manager_id: manager, job_role: 'rep' })
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
  await quota('2');
  await booking(1, '2026-01-15', '60000', 2);
  await booking(2, '2026-01-20', '10000', 3);
});

afterAll(async () => {
  await store?.close();
});

describe('run review', () => {
  let first: string;
  let second: string;

  it("a period's first run has nothing to compare with; its results and holds", async () => {
    first = (await runComp(store.db, { period: '2026-01', actor })).runId;
    const diff = await runDiff(store.db, '2026-01');
    expect(diff).toMatchObject({ previous: null, payees: [], current: { id: first, status: 'draft' } });
    expect(await runResults(store.db, first)).toEqual([
      { person: 'P-MIA', name: 'Mia', currency: 'USD', earned: '1400.00', paid: '1400.00', drawBalance: '0.00' },
      { person: 'P-RAJ', name: 'Raj', currency: 'USD', earned: '6000.00', paid: '6000.00', drawBalance: '0.00' },
    ]);
    expect(await holdsOf(store.db, first)).toEqual([
      expect.objectContaining({ person: 'P-LEE', name: 'Lee', code: 'QUOTA_MISSING' }),
    ]);
    await expect(runDiff(store.db, '2026-02')).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
  });

  it('compares the current run with the one it superseded, payee by payee', async () => {
    await approveCompRun(store.db, { period: '2026-01', actor: 'finance:fay' });
    await booking(3, '2026-01-25', '10000', 2);
    await quota('3');
    second = (await runComp(store.db, { period: '2026-01', actor })).runId;
    const diff = await runDiff(store.db, '2026-01');
    expect(diff.previous).toMatchObject({ id: first, status: 'superseded', approvedBy: 'finance:fay' });
    expect(diff.current).toMatchObject({ id: second, status: 'draft', payees: 3, held: 0 });
    // |paid change| largest first: Lee and Raj +1,000 (by name), then Mia +200
    expect(diff.payees.map((p) => [p.person, p.change, p.before?.paid ?? null, p.after?.paid ?? null, p.paid])).toEqual(
      [
        ['P-LEE', 'new', null, '1000.00', '1000.00'],
        ['P-RAJ', 'changed', '6000.00', '7000.00', '1000.00'],
        ['P-MIA', 'changed', '1400.00', '1600.00', '200.00'],
      ],
    );
    expect(diff.totals).toEqual([{ currency: 'USD', before: '7400.00', after: '9600.00', change: '2200.00' }]);
  });

  it('a payee the new run holds is removed, with the hold code', async () => {
    await store.db.deleteFrom('quotas').where('person_id', '=', '2').execute();
    await runComp(store.db, { period: '2026-01', actor });
    const diff = await runDiff(store.db, '2026-01');
    expect(diff.payees.find((p) => p.person === 'P-RAJ')).toMatchObject({
      change: 'removed',
      before: { earned: '7000.00', paid: '7000.00' },
      after: null,
      paid: '-7000.00',
      hold: 'QUOTA_MISSING',
    });
    expect(diff.payees.find((p) => p.person === 'P-LEE')).toMatchObject({ change: 'unchanged', paid: '0.00' });
  });

  it('lists runs newest first with who and when, counts and totals; a scope limits the figures', async () => {
    const runs = await listRuns(store.db, { period: '2026-01' });
    expect(runs.map((r) => [r.status, r.payees, r.held, r.totals])).toEqual([
      ['draft', 2, 1, [{ currency: 'USD', earned: '2600.00', paid: '2600.00' }]],
      ['superseded', 3, 0, [{ currency: 'USD', earned: '9600.00', paid: '9600.00' }]],
      ['superseded', 2, 1, [{ currency: 'USD', earned: '7400.00', paid: '7400.00' }]],
    ]);
    expect(runs[2]).toMatchObject({ runBy: actor, mode: 'incremental', start: '2026-01-01', end: '2026-01-31' });
    expect(runs[0]!.finishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Raj alone: held in the latest run, paid 7,000 in the one before
    const raj = await listRuns(store.db, { period: '2026-01', personIds: ['2'] });
    expect(raj.map((r) => [r.payees, r.held, r.totals.map((t) => t.paid)])).toEqual([
      [0, 1, []],
      [1, 0, ['7000.00']],
      [1, 0, ['6000.00']],
    ]);
    expect(await listRuns(store.db, { period: '2026-01', statuses: ['draft'] })).toHaveLength(1);
    expect(await runResults(store.db, second, { personIds: [] })).toEqual([]);
  });
});
