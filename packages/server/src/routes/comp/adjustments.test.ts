// Adjustment routes on the small company with the plans of comp-payees.test-helper.ts, today
// 2026-06-15: ops and admin write; anyone of ops, admin, finance but the author approves; managers
// see their team's (Raj, Rosa), reps their own (Raj).
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
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

async function call(role: Role, method: string, path: string, body?: unknown) {
  const s = sessions[role];
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': s.csrf },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

const spiff = { person: 'P-RAJ', period: '2026-03', amount: '150', reason: 'SPIFF: March launch' };

test('ops and admin write adjustments; the others may not', async () => {
  for (const role of ['finance', 'manager', 'rep'] as const) {
    expect([role, (await call(role, 'POST', '/api/comp/adjustments', spiff)).status]).toEqual([role, 403]);
  }
  const { status, body } = await call('ops', 'POST', '/api/comp/adjustments', spiff);
  expect(status).toBe(201);
  expect(body).toMatchObject({
    person: 'P-RAJ',
    name: 'Raj',
    period: '2026-03',
    amount: '150.00',
    currency: 'USD',
    author: LOGINS.ops,
    approver: null,
  });
  const lee = await call('admin', 'POST', '/api/comp/adjustments', { ...spiff, person: 'P-LEE' });
  expect(lee.status).toBe(201);
  const bad = await call('ops', 'POST', '/api/comp/adjustments', { ...spiff, amount: 'lots' });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'ADJUSTMENT_INVALID']);
});

test('approval: never by the author, never by a manager or rep; finance may', async () => {
  const [raj] = (await call('ops', 'GET', '/api/comp/adjustments?person=P-RAJ')).body.rows;
  const path = `/api/comp/adjustments/${raj.id}/approve`;
  expect((await call('ops', 'POST', path)).body.error.code).toBe('ADJUSTMENT_SELF_APPROVAL');
  expect((await call('manager', 'POST', path)).status).toBe(403);
  expect((await call('rep', 'POST', path)).status).toBe(403);
  const approved = await call('finance', 'POST', path);
  expect(approved).toMatchObject({ status: 200, body: { approver: LOGINS.finance } });
  expect((await call('admin', 'POST', path)).body.error.code).toBe('ADJUSTMENT_APPROVED');
});

test('everyone sees the adjustments of the payees they may see', async () => {
  const people = async (role: Role, query = '') =>
    (await call(role, 'GET', `/api/comp/adjustments${query}`)).body.rows.map((a: { person: string }) => a.person);
  expect(await people('finance')).toEqual(['P-RAJ', 'P-LEE']);
  expect(await people('manager')).toEqual(['P-RAJ']); // Lee joins Mia's team only on 2026-07-01
  expect(await people('rep')).toEqual(['P-RAJ']);
  expect(await people('ops', '?period=2026-04')).toEqual([]);
});
