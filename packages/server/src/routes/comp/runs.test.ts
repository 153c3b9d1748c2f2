// Compensation run routes on the small company (testing/small-company.ts), today 2026-06-15.
// Plans: Raj and Rosa on ae (10% of bookings), Lee on ae-quota (attainment, but no quota → held).
// February: Raj's won deal T-1 3,000 → 300.00; Rosa books 2,000 → 200.00; Lee books 1,000, held.
// Mia manages Raj and Rosa (Lee joins her team only on 2026-07-01); Raj is the rep login.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs, type TestSession } from '../../testing/login-as.ts';
import { LOGINS, seedSmallCompany, TODAY } from '../../testing/small-company.ts';
import { seedCompPlans } from './comp-payees.test-helper.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let sessions: Record<Role, TestSession>;
const ROLES: Role[] = ['admin', 'ops', 'finance', 'manager', 'rep'];

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  await seedCompPlans(store);
  app = createApp({ store, today: () => TODAY });
  sessions = await loginAs(app, ROLES);
});
afterAll(async () => {
  await store.close();
});

async function call(role: Role, method: string, path: string, body?: unknown, csrf = true) {
  const s = sessions[role];
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': s.csrf } : {}) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

const statuses = async (method: string, path: string, body?: unknown) => {
  const out: Record<string, number> = {};
  for (const role of ROLES) out[role] = (await call(role, method, path, body)).status;
  return out;
};

const paidBy = (rows: { person: string; paid: string }[]) => rows.map((r) => [r.person, r.paid]);

describe('a period from run to close, by role (DESIGN §9)', () => {
  test('only ops and admin run; the answer is the draft run with its holds and totals', async () => {
    for (const role of ['finance', 'manager', 'rep'] as const) {
      const refused = await call(role, 'POST', '/api/comp/runs', { period: '2026-02' });
      expect([role, refused.status, refused.body.error.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    expect((await call('ops', 'POST', '/api/comp/runs', { period: '2026-02' }, false)).status).toBe(403);
    const { status, body } = await call('ops', 'POST', '/api/comp/runs', { period: '2026-02' });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      period: '2026-02',
      status: 'draft',
      payees: 2,
      held: 1,
      holds: [{ person: 'P-LEE', code: 'QUOTA_MISSING' }],
      totals: [{ currency: 'USD', earned: '500.00', paid: '500.00' }],
      supersedes: null,
    });
    const bad = await call('ops', 'POST', '/api/comp/runs', { period: 'March' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'PERIOD_INVALID']);
  });

  test('a draft is for reviewers only: managers and reps get 404', async () => {
    expect(await statuses('GET', '/api/comp/runs/2026-02/results')).toEqual({
      admin: 200,
      ops: 200,
      finance: 200,
      manager: 404,
      rep: 404,
    });
    const { body } = await call('finance', 'GET', '/api/comp/runs/2026-02/results');
    expect(body.run).toMatchObject({ status: 'draft', runBy: LOGINS.ops, payees: 2, held: 1 });
    expect(body.rows).toEqual([
      {
        person: 'P-RAJ',
        name: 'Raj',
        currency: 'USD',
        earned: '300.00',
        paid: '300.00',
        drawBalance: '0.00',
        status: 'draft',
      },
      {
        person: 'P-ROSA',
        name: 'Rosa',
        currency: 'USD',
        earned: '200.00',
        paid: '200.00',
        drawBalance: '0.00',
        status: 'draft',
      },
    ]);
    expect(body.holds).toEqual([expect.objectContaining({ person: 'P-LEE', name: 'Lee', code: 'QUOTA_MISSING' })]);
    expect((await call('rep', 'GET', '/api/comp/runs')).body.rows).toEqual([]);
    expect((await call('ops', 'GET', '/api/comp/runs/2026-05/results')).status).toBe(404);
  });

  test('ops, admin and finance approve; then managers see their team, reps themselves', async () => {
    for (const role of ['manager', 'rep'] as const) {
      expect((await call(role, 'POST', '/api/comp/runs/2026-02/approve')).status).toBe(403);
    }
    const approved = await call('finance', 'POST', '/api/comp/runs/2026-02/approve');
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', by: LOGINS.finance } });
    const again = await call('ops', 'POST', '/api/comp/runs/2026-02/approve');
    expect(again.body.error.code).toBe('RUN_NOT_DRAFT');

    const manager = (await call('manager', 'GET', '/api/comp/runs/2026-02/results')).body;
    expect(paidBy(manager.rows)).toEqual([
      ['P-RAJ', '300.00'],
      ['P-ROSA', '200.00'],
    ]);
    expect(manager.holds).toEqual([]); // Lee is not in Mia's team today
    const rep = (await call('rep', 'GET', '/api/comp/runs/2026-02/results')).body;
    expect(paidBy(rep.rows)).toEqual([['P-RAJ', '300.00']]);
    expect(rep.run).toMatchObject({ payees: 1, held: 0, totals: [{ paid: '300.00' }] });
    const runs = (await call('rep', 'GET', '/api/comp/runs')).body.rows;
    expect(runs.map((r: { status: string; totals: unknown }) => [r.status, r.totals])).toEqual([
      ['approved', [{ currency: 'USD', earned: '300.00', paid: '300.00' }]],
    ]);
  });

  test('a new run supersedes the approved one; reviewers see what it changed', async () => {
    await store.db
      .insertInto('transactions')
      .values({
        external_id: 'T-4',
        type: 'booking',
        date: '2026-02-25',
        amount: '1000',
        currency: 'USD',
        owner_id: '3',
      })
      .execute();
    const rerun = await call('admin', 'POST', '/api/comp/runs', { period: '2026-02', full: true });
    expect(rerun.body).toMatchObject({ mode: 'full', recomputed: 2 });
    expect(await statuses('GET', '/api/comp/runs/2026-02/diff')).toEqual({
      admin: 200,
      ops: 200,
      finance: 200,
      manager: 403,
      rep: 403,
    });
    const { body } = await call('finance', 'GET', '/api/comp/runs/2026-02/diff');
    expect(body.previous).toMatchObject({ status: 'superseded', approvedBy: LOGINS.finance });
    expect(
      body.payees.map((p: { person: string; change: string; paid: string }) => [p.person, p.change, p.paid]),
    ).toEqual([
      ['P-RAJ', 'changed', '100.00'],
      ['P-ROSA', 'unchanged', '0.00'],
    ]);
    expect(body.totals).toEqual([{ currency: 'USD', before: '500.00', after: '600.00', change: '100.00' }]);
    // the approval went with the superseded run: the payees see nothing until it is approved again
    expect((await call('rep', 'GET', '/api/comp/runs/2026-02/results')).status).toBe(404);
    expect((await call('ops', 'GET', '/api/comp/runs')).body.rows.map((r: { status: string }) => r.status)).toEqual([
      'draft',
      'superseded',
    ]);
    expect((await call('ops', 'GET', '/api/comp/runs/2026-07/diff')).status).toBe(404);
  });

  test('close follows approval; a closed period cannot be run again', async () => {
    expect((await call('finance', 'POST', '/api/comp/runs/2026-02/close')).body.error.code).toBe('PERIOD_NOT_APPROVED');
    expect((await call('ops', 'POST', '/api/comp/runs/2026-02/approve')).status).toBe(200);
    for (const role of ['manager', 'rep'] as const) {
      expect((await call(role, 'POST', '/api/comp/runs/2026-02/close')).status).toBe(403);
    }
    const closed = await call('finance', 'POST', '/api/comp/runs/2026-02/close');
    expect(closed).toMatchObject({ status: 200, body: { status: 'closed', by: LOGINS.finance } });
    const rerun = await call('ops', 'POST', '/api/comp/runs', { period: '2026-02' });
    expect([rerun.status, rerun.body.error.code]).toEqual([409, 'PERIOD_CLOSED']);
    expect(paidBy((await call('rep', 'GET', '/api/comp/runs/2026-02/results')).body.rows)).toEqual([
      ['P-RAJ', '400.00'],
    ]);
  });
});
