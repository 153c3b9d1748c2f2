// Dispute routes on the small company with the plans of comp-payees.test-helper.ts, today
// 2026-06-15. February is run, approved and closed (Raj 300.00, Rosa 200.00, Lee held); March is a
// draft. Raj (the rep login) disputes his February commission; ops answers; Raj resolves.
import type { Role } from '@attain/store/auth/user-repository.ts';
import { approveCompRun } from '@attain/store/comp/approve-comp-run.ts';
import { closeCompPeriod } from '@attain/store/comp/close-comp-period.ts';
import { raiseDispute } from '@attain/store/comp/comp-disputes.ts';
import { runComp } from '@attain/store/comp/run-comp.ts';
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
let rosaDispute: string;

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  await seedCompPlans(store);
  const db = store.db;
  await runComp(db, { period: '2026-02', actor: 'ops' });
  await approveCompRun(db, { period: '2026-02', actor: 'finance' });
  await closeCompPeriod(db, { period: '2026-02', actor: 'finance' });
  await runComp(db, { period: '2026-03', actor: 'ops' });
  // Rosa has no login here: her dispute is written through the store.
  rosaDispute = (
    await raiseDispute(db, { person: 'P-ROSA', period: '2026-02', line: 'commission', note: 'Low?', actor: 'rosa' })
  ).id;
  app = createApp({ store, today: () => TODAY });
  sessions = await loginAs(app, ROLES);
});
afterAll(async () => {
  await store.close();
});

async function call(role: Role, method: string, path: string, body?: unknown) {
  const s = sessions[role];
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': s.csrf },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

describe('a dispute from raise to resolve, by role (DESIGN §9)', () => {
  let id: string;
  const path = () => `/api/comp/disputes/${id}`;

  test('a payee disputes a line of their own approved statement', async () => {
    const raised = await call('rep', 'POST', '/api/comp/disputes', {
      period: '2026-02',
      line: 'commission',
      note: 'My Northwind renewal is missing',
    });
    expect(raised.status).toBe(201);
    id = raised.body.dispute.id;
    expect(raised.body).toMatchObject({
      dispute: {
        person: 'P-RAJ',
        name: 'Raj',
        period: '2026-02',
        line: 'commission',
        status: 'open',
        raisedBy: LOGINS.rep,
      },
      messages: [{ author: LOGINS.rep, note: 'My Northwind renewal is missing', adjustment: null }],
    });
    expect(raised.body.dispute.personId).toBeUndefined();
  });

  test.each([
    // [who, payee, period, status]
    ['rep', 'P-ROSA', '2026-02', 404], // not visible to Raj
    ['rep', 'P-RAJ', '2026-03', 404], // a draft is not his statement yet
    ['rep', 'P-RAJ', '2026-01', 404], // never run
    ['manager', 'P-RAJ', '2026-02', 403], // visible, but only the payee disputes
    ['ops', 'P-RAJ', '2026-02', 403],
  ] as const)('%s disputing %s %s: %i', async (role, person, period, expected) => {
    const res = await call(role, 'POST', '/api/comp/disputes', { person, period, line: 'commission', note: 'why?' });
    expect(res.status).toBe(expected);
  });

  test('each role sees the disputes of the payees it may see; another is 404', async () => {
    const seen = async (role: Role) =>
      (await call(role, 'GET', '/api/comp/disputes')).body.rows.map((d: { person: string }) => d.person);
    expect(await seen('finance')).toEqual(['P-RAJ', 'P-ROSA']);
    expect(await seen('manager')).toEqual(['P-RAJ', 'P-ROSA']);
    expect(await seen('rep')).toEqual(['P-RAJ']);
    expect((await call('rep', 'GET', '/api/comp/disputes?status=resolved')).body.rows).toEqual([]);
    expect((await call('rep', 'GET', `/api/comp/disputes/${rosaDispute}`)).status).toBe(404);
    expect((await call('manager', 'GET', `/api/comp/disputes/${rosaDispute}`)).status).toBe(200);
    expect((await call('ops', 'GET', '/api/comp/disputes/987654')).status).toBe(404);
    expect((await call('ops', 'GET', '/api/comp/disputes/nope')).status).toBe(404);
  });

  test('ops and admin answer; an adjustment goes to an open period', async () => {
    for (const role of ['finance', 'manager', 'rep'] as const) {
      expect([role, (await call(role, 'POST', `${path()}/answer`, { note: 'ok' })).status]).toEqual([role, 403]);
    }
    const adjustment = { amount: '100', reason: 'Dispute: Northwind renewal' };
    const closed = await call('ops', 'POST', `${path()}/answer`, { note: 'Adding it', adjustment });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'PERIOD_CLOSED']);
    const answered = await call('ops', 'POST', `${path()}/answer`, {
      note: 'February is closed: it comes with March',
      adjustment: { ...adjustment, period: '2026-03' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.dispute).toMatchObject({ status: 'answered', messages: 2 });
    expect(answered.body.messages[1]).toMatchObject({
      author: LOGINS.ops,
      note: 'February is closed: it comes with March',
      adjustment: { person: 'P-RAJ', period: '2026-03', amount: '100.00', disputeId: id, approver: null },
    });
    // the payee reads the same thread
    expect((await call('rep', 'GET', path())).body.messages).toHaveLength(2);
  });

  test('the payee who raised it resolves it; a manager may not', async () => {
    expect((await call('manager', 'POST', `${path()}/resolve`, {})).status).toBe(403);
    const resolved = await call('rep', 'POST', `${path()}/resolve`, { note: 'Thanks!' });
    expect(resolved.status).toBe(200);
    expect(resolved.body.dispute.status).toBe('resolved');
    expect(resolved.body.messages.at(-1)).toMatchObject({ author: LOGINS.rep, note: 'Thanks!' });
    expect((await call('ops', 'POST', `${path()}/resolve`)).body.error.code).toBe('DISPUTE_RESOLVED');
    expect((await call('rep', 'POST', `/api/comp/disputes/${rosaDispute}/resolve`)).status).toBe(404);
    expect((await call('admin', 'POST', `/api/comp/disputes/${rosaDispute}/resolve`)).status).toBe(200);
  });
});
