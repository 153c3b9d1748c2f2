// The compensation run on a hand-built company, numbers worked by hand:
//   Mia (manager) ── Raj (rep, plan ae, quota 100,000), Lee (rep, plan ae, no quota → held)
//   ae: 10% of quota per unit of attainment up to 100%, 15% above; mgr: 2% of team bookings.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { approveCompRun } from './approve-comp-run.ts';
import { closeCompPeriod } from './close-comp-period.ts';
import { approveAdjustment, createAdjustment } from './comp-adjustments.ts';
import { runComp } from './run-comp.ts';
import { addTransaction as addFixtureTransaction, seedRunCompany } from './run-comp-fixture.test-helper.ts';

let store: Store;
const actor = 'ops:ana';

async function addTransaction(id: number, date: string, amount: string, currency: string, owner: number) {
  await addFixtureTransaction(store.db, id, date, amount, currency, owner);
}

async function linesOf(runId: string, person: string) {
  const rows = await sql<{ kind: string; component: string | null; source_period: string | null; amount: string }>`
    select l.kind, l.component, l.source_period, l.amount from comp_result_lines l join people p on p.id = l.person_id
     where l.run_id = ${runId} and p.external_id = ${person} order by l.line`.execute(store.db);
  return rows.rows.map((r) => [r.kind, r.component, r.source_period, Number(r.amount).toFixed(2)]);
}

async function resultOf(runId: string, person: string) {
  const row = await sql<{ earned: string; paid: string; draw_balance: string }>`
    select r.earned, r.paid, r.draw_balance from comp_results r join people p on p.id = r.person_id
     where r.run_id = ${runId} and p.external_id = ${person}`.execute(store.db);
  const r = row.rows[0];
  return r && { earned: Number(r.earned).toFixed(2), paid: Number(r.paid).toFixed(2) };
}

beforeAll(async () => {
  store = await openTestStore();
  await seedRunCompany(store.db, actor);
});

afterAll(async () => {
  await store?.close();
});

describe('attain comp run, approve, close', () => {
  let january: string;

  it('computes the month for everyone, holding a payee it cannot pay without guessing', async () => {
    const steps: string[] = [];
    const run = await runComp(store.db, {
      period: '2026-01',
      actor,
      // Batches of two: the third payee comes in a second batch, and progress says so.
      batchSize: 2,
      onProgress: (step, done, total) => steps.push(total === undefined ? step : `${step} ${done}/${total}`),
    });
    expect(steps).toEqual(['crediting', 'reading credits', 'payees 2/3', 'payees 3/3']);
    january = run.runId;
    // Raj: F(0.6) × 100,000 = 6,000. Mia: 2% of (60,000 + 10,000) = 1,400. Lee has no quota.
    expect(await linesOf(run.runId, 'P-RAJ')).toEqual([['component', 'commission', null, '6000.00']]);
    expect(await linesOf(run.runId, 'P-MIA')).toEqual([['component', 'override', null, '1400.00']]);
    expect(run).toMatchObject({ payees: 2, recomputed: 2, held: 1, status: 'draft' });
    expect(run.crediting).toMatchObject({ mode: 'full', transactions: 2, credits: 2 }); // each rep's; Mia's roll-ups are derived
    expect(run.holds).toEqual([expect.objectContaining({ person: 'P-LEE', code: 'QUOTA_MISSING' })]);
    expect(run.totals).toEqual([{ currency: 'USD', earned: '7400.00', paid: '7400.00' }]);
  });

  it('refuses to close before approval, then approves and closes', async () => {
    await expect(closeCompPeriod(store.db, { period: '2026-01', actor })).rejects.toMatchObject({
      code: 'PERIOD_NOT_APPROVED',
    });
    await approveCompRun(store.db, { period: '2026-01', actor: 'ops:ben' });
    const closed = await closeCompPeriod(store.db, { period: '2026-01', actor: 'ops:ben' });
    expect(closed.status).toBe('closed');
    await expect(runComp(store.db, { period: '2026-01', actor })).rejects.toMatchObject({ code: 'PERIOD_CLOSED' });
    await expect(sql`update comp_results set paid = 0 where run_id = ${january}`.execute(store.db)).rejects.toThrow(
      /PERIOD_CLOSED/,
    );
  });

  it('posts a late January deal as a prior-period adjustment in February; January never changes', async () => {
    await addTransaction(4, '2026-01-25', '10000', 'USD', 2);
    const run = await runComp(store.db, { period: '2026-02', actor });
    // February reaches past what January's crediting covered: the whole look-back again.
    expect(run.crediting).toMatchObject({ mode: 'full', transactions: 4, credits: 4 });
    // Raj: January now F(0.7) = 7,000 → +1,000. February: 60,000 + 10,000 + 50,000 EUR × 1.10 = 125,000
    // → F(1.25) = 0.1 + 0.25 × 0.15 = 0.1375 → 13,750 − 7,000 = 6,750.
    expect(await linesOf(run.runId, 'P-RAJ')).toEqual([
      ['component', 'commission', null, '6750.00'],
      ['prior_period', 'commission', '2026-01', '1000.00'],
    ]);
    // Mia: January now 2% × 80,000 = 1,600 → +200; February 2% × 55,000 = 1,100.
    expect(await linesOf(run.runId, 'P-MIA')).toEqual([
      ['component', 'override', null, '1100.00'],
      ['prior_period', 'override', '2026-01', '200.00'],
    ]);
    expect(await resultOf(run.runId, 'P-RAJ')).toEqual({ earned: '7750.00', paid: '7750.00' });
    expect(await resultOf(january, 'P-RAJ')).toEqual({ earned: '6000.00', paid: '6000.00' });
  });

  it('recomputes only payees whose inputs changed', async () => {
    const again = await runComp(store.db, { period: '2026-02', actor });
    expect(again).toMatchObject({ recomputed: 0, unchanged: 2, payees: 2 });
    expect(again.crediting.mode).toBe('skipped');
    // A new deal in February: only it is credited (to Raj, rolled up to Mia) and only they recomputed.
    await addTransaction(5, '2026-02-20', '1000', 'USD', 2);
    const added = await runComp(store.db, { period: '2026-02', actor });
    expect(added.crediting).toMatchObject({ mode: 'new_transactions', transactions: 1, credits: 1 });
    expect(added).toMatchObject({ recomputed: 2, unchanged: 0 });
    // Raj: 126,000 → F(1.26) = 0.139 → February 13,900 − 7,000 = 6,900 (+150); Mia +20.
    expect(await resultOf(added.runId, 'P-RAJ')).toEqual({ earned: '7900.00', paid: '7900.00' });
    expect(await resultOf(again.runId, 'P-RAJ')).toEqual({ earned: '7750.00', paid: '7750.00' });

    const adjustment = await createAdjustment(store.db, {
      person: 'P-RAJ',
      period: '2026-02',
      amount: '250',
      reason: 'SPIFF: Q1 launch',
      actor,
    });
    await expect(approveAdjustment(store.db, { id: adjustment.id, actor })).rejects.toMatchObject({
      code: 'ADJUSTMENT_SELF_APPROVAL',
    });
    const unapproved = await runComp(store.db, { period: '2026-02', actor });
    expect(unapproved).toMatchObject({ recomputed: 0, unchanged: 2 });
    await approveAdjustment(store.db, { id: adjustment.id, actor: 'ops:ben' });
    const adjusted = await runComp(store.db, { period: '2026-02', actor });
    expect(adjusted).toMatchObject({ recomputed: 1, unchanged: 1 });
    expect(await resultOf(adjusted.runId, 'P-RAJ')).toEqual({ earned: '8150.00', paid: '8150.00' });
    expect((await linesOf(adjusted.runId, 'P-RAJ')).at(-1)).toEqual(['manual', null, null, '250.00']);

    const full = await runComp(store.db, { period: '2026-02', actor, mode: 'full' });
    expect(full).toMatchObject({ recomputed: 2, unchanged: 0 });
    expect(full.crediting.mode).toBe('full');
    expect(await resultOf(full.runId, 'P-RAJ')).toEqual({ earned: '8150.00', paid: '8150.00' });
  });

  it('credits everything again when something that decides credit changed', async () => {
    // Lee moves under Raj: the audited change makes the next run re-credit the whole look-back.
    await store.db.updateTable('person_history').set({ manager_id: '2' }).where('person_id', '=', '3').execute();
    await store.db
      .insertInto('audit_log')
      .values({ actor, action: 'update', entity: 'people', entity_id: 'P-LEE' })
      .execute();
    const run = await runComp(store.db, { period: '2026-02', actor });
    expect(run.crediting.mode).toBe('full');
    await store.db.updateTable('person_history').set({ manager_id: '1' }).where('person_id', '=', '3').execute();
    await store.db
      .insertInto('audit_log')
      .values({ actor, action: 'update', entity: 'people', entity_id: 'P-LEE' })
      .execute();
  });

  it('closes periods in order only', async () => {
    await runComp(store.db, { period: '2026-03', actor });
    await approveCompRun(store.db, { period: '2026-03', actor });
    await expect(closeCompPeriod(store.db, { period: '2026-03', actor })).rejects.toMatchObject({
      code: 'PERIOD_ORDER',
      details: { open: ['2026-02'] },
    });
  });
});
