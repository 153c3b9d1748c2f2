// Disputes on a hand-built company: Raj (rep, plan ae, quota 100,000) booked 60,000 in January,
// so his statement has one line, commission 6,000.00; Lee booked 10,000 without a quota: held, no statement.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { approveCompRun } from './approve-comp-run.ts';
import { answerDispute, disputeHistory, listDisputes, raiseDispute, resolveDispute } from './comp-disputes.ts';
import { savePlanVersion } from './plan-versions.ts';
import { runComp } from './run-comp.ts';

const AE = `
id: ae
name: Account Executive
currency: USD
components:
  - { id: commission, kind: rate-table, input: attainment, tiers: [ { rate: 0.10 } ] }
`;
const raj = 'raj@example.com';
const ops = 'ops@example.com';
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  for (const [id, ext, name] of [
    [1, 'P-RAJ', 'Raj'],
    [2, 'P-LEE', 'Lee'],
  ] as const) {
    await db.insertInto('people').values({ id, external_id: ext, name }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', job_role: 'rep' })
      .execute();
  }
  await savePlanVersion(db, { source: 'ae.yaml', text: AE, actor: ops });
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '1', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
      { person_id: '2', plan_id: 'ae', valid_from: '2026-01-01', target_incentive: '50000' },
    ])
    .execute();
  await db
    .insertInto('quotas')
    .values({
      person_id: '1',
      measure: 'bookings',
      period: 'FY2026',
      period_start: '2026-01-01',
      period_end: '2026-12-31',
      amount: '100000',
      currency: 'USD',
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
        currency: 'USD',
        owner_id: '1',
      },
      {
        id: 2,
        external_id: 'T2',
        type: 'booking',
        date: '2026-01-20',
        amount: '10000',
        currency: 'USD',
        owner_id: '2',
      },
    ])
    .execute();
  await runComp(db, { period: '2026-01', actor: ops });
  await approveCompRun(db, { period: '2026-01', actor: 'finance@example.com' });
});

afterAll(async () => {
  await store?.close();
});

describe('a dispute from raise to resolve', () => {
  let id: string;

  it('a payee raises a dispute on a line of a statement they have', async () => {
    const dispute = await raiseDispute(store.db, {
      person: 'P-RAJ',
      period: '2026-01',
      line: 'commission',
      note: 'The Contoso deal is missing',
      actor: raj,
    });
    id = dispute.id;
    expect(dispute).toMatchObject({
      person: 'P-RAJ',
      name: 'Raj',
      period: '2026-01',
      line: 'commission',
      status: 'open',
      raisedBy: raj,
      messages: 1,
    });
  });

  it('refuses a dispute without a statement, a line or a note', async () => {
    const base = { person: 'P-RAJ', period: '2026-01', line: 'commission', note: 'why?', actor: raj };
    for (const bad of [
      { ...base, person: 'P-LEE' }, // held: no statement
      { ...base, period: '2026-02' }, // never run
      { ...base, line: '  ' },
      { ...base, note: '' },
    ]) {
      await expect(raiseDispute(store.db, bad)).rejects.toMatchObject({ code: 'DISPUTE_INVALID' });
    }
    await expect(raiseDispute(store.db, { ...base, person: 'P-NOBODY' })).rejects.toMatchObject({
      code: 'PERSON_NOT_FOUND',
    });
  });

  it('ops answers with an adjustment, written for the payee and linked to the dispute', async () => {
    // An answer whose adjustment is refused lands nothing: no message, no adjustment.
    await expect(
      answerDispute(store.db, { id, note: 'Paying it', actor: ops, adjustment: { amount: 'lots', reason: 'x' } }),
    ).rejects.toMatchObject({ code: 'ADJUSTMENT_INVALID' });
    expect((await disputeHistory(store.db, id)).length).toBe(1);
    const { dispute, adjustment } = await answerDispute(store.db, {
      id,
      note: 'Contoso closed in February; advancing 250 now',
      actor: ops,
      adjustment: { amount: '250', reason: 'Dispute: Contoso timing' },
    });
    expect(dispute).toMatchObject({ status: 'answered', messages: 2 });
    expect(adjustment).toMatchObject({
      person: 'P-RAJ',
      period: '2026-01',
      amount: '250.00',
      currency: 'USD',
      author: ops,
      approver: null,
      disputeId: id,
    });
    await expect(answerDispute(store.db, { id, note: '   ', actor: ops })).rejects.toMatchObject({
      code: 'DISPUTE_INVALID',
    });
  });

  it('the history lists every message oldest first, the answer with its adjustment', async () => {
    const history = await disputeHistory(store.db, id);
    expect(history.map((m) => [m.author, m.note, m.adjustment?.amount ?? null])).toEqual([
      [raj, 'The Contoso deal is missing', null],
      [ops, 'Contoso closed in February; advancing 250 now', '250.00'],
    ]);
    expect(history[0]!.at <= history[1]!.at).toBe(true);
  });

  it('resolves once; a resolved dispute takes no more answers', async () => {
    const resolved = await resolveDispute(store.db, { id, actor: raj, note: 'Thanks' });
    expect(resolved).toMatchObject({ status: 'resolved', messages: 3 });
    await expect(resolveDispute(store.db, { id, actor: ops })).rejects.toMatchObject({ code: 'DISPUTE_RESOLVED' });
    await expect(answerDispute(store.db, { id, note: 'more', actor: ops })).rejects.toMatchObject({
      code: 'DISPUTE_RESOLVED',
    });
    await expect(disputeHistory(store.db, '999')).rejects.toMatchObject({ code: 'DISPUTE_NOT_FOUND' });
    await expect(resolveDispute(store.db, { id: 'x', actor: ops })).rejects.toMatchObject({
      code: 'DISPUTE_NOT_FOUND',
    });
  });

  it('lists disputes by visible payees, period and status', async () => {
    const second = await raiseDispute(store.db, {
      person: 'P-RAJ',
      period: '2026-01',
      line: 'prior_period 2025-12',
      note: 'What is this?',
      actor: raj,
    });
    expect((await listDisputes(store.db)).map((d) => [d.id, d.status])).toEqual([
      [second.id, 'open'],
      [id, 'resolved'],
    ]);
    expect(await listDisputes(store.db, { status: 'open' })).toHaveLength(1);
    expect(await listDisputes(store.db, { personIds: ['2'] })).toEqual([]);
    expect(await listDisputes(store.db, { personIds: ['1'], period: '2026-02' })).toEqual([]);
  });

  it('every step is audited', async () => {
    const audit = await sql<{ action: string; actor: string }>`
      select action, actor from audit_log where entity = 'comp_dispute' or action like 'comp.adjustment%' order by id`.execute(
      store.db,
    );
    expect(audit.rows.map((r) => [r.action, r.actor])).toEqual([
      ['comp.dispute.raise', raj],
      ['comp.adjustment.create', ops],
      ['comp.dispute.answer', ops],
      ['comp.dispute.resolve', raj],
      ['comp.dispute.raise', raj],
    ]);
  });
});
