// Territory routes on the small company (testing/small-company.ts), today 2026-06-15, with
// territories Root (Vera) ── Raj's (Raj), Rosa's (Rosa), Lee's (Lee); Northwind in Raj's,
// Contoso in Lee's. Northwind: 1,000 USD open, 3,000 USD booked 2026-02-10. Contoso: 2,000 EUR
// at 1.10 + 500 USD = 2,700.00 open. Mia manages Raj and Rosa; Lee joins her team only on 2026-07-01.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs } from '../../testing/login-as.ts';
import { LOGINS, seedSmallCompany, TODAY } from '../../testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {};

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  const db = store.db;
  const territories = [
    [1, 'T-ROOT', 'Root', null, '1'],
    [2, 'T-RAJ', "Raj's", '1', '3'],
    [3, 'T-ROSA', "Rosa's", '1', '4'],
    [4, 'T-LEE', "Lee's", '1', '5'],
  ] as const;
  for (const [id, externalId, name, parent, owner] of territories) {
    await db.insertInto('territories').values({ id, external_id: externalId, name, parent_id: parent }).execute();
    await db
      .insertInto('territory_owners')
      .values({ territory_id: String(id), person_id: owner, valid_from: '2024-01-01' })
      .execute();
  }
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '2', valid_from: '2024-01-01', source: 'demo' },
      { account_id: '2', territory_id: '4', valid_from: '2024-01-01', source: 'demo' },
    ])
    .execute();
  app = createApp({ store, today: () => TODAY });
  Object.assign(sessions, await loginAs(app, Object.keys(LOGINS) as Role[]));
});
afterAll(async () => {
  await store.close();
});

const call = async (role: Role, method: string, path: string, body?: unknown) => {
  const s = sessions[role]!;
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

test('the tree carries owners, account counts, open pipeline, trailing bookings and potential; a rep sees their own', async () => {
  await store.db.updateTable('accounts').set({ potential: '125000.50' }).where('external_id', '=', 'A-1').execute();
  const { status, body } = await call('ops', 'GET', '/api/territories');
  expect(status).toBe(200);
  expect(body.asOf).toBe(TODAY);
  expect(
    body.territories.map((t: Record<string, unknown>) => [
      t.externalId,
      t.depth,
      (t.owner as { name: string }).name,
      t.accounts,
      t.openPipeline,
      t.trailingBookings,
      t.potential,
    ]),
  ).toEqual([
    ['T-ROOT', 0, 'Vera', 0, '0.00', '0.00', '0.00'],
    ['T-LEE', 1, 'Lee', 1, '2700.00', '0.00', '0.00'],
    ['T-RAJ', 1, 'Raj', 1, '1000.00', '3000.00', '125000.50'],
    ['T-ROSA', 1, 'Rosa', 0, '0.00', '0.00', '0.00'],
  ]);
  const rep = await call('rep', 'GET', '/api/territories');
  expect(rep.body.territories.map((t: { externalId: string }) => t.externalId)).toEqual(['T-RAJ']);
  expect((await call('rep', 'GET', '/api/territories/T-LEE/accounts')).status).toBe(404);
});

test('accounts with their current territory, by territory and search text', async () => {
  const lee = await call('ops', 'GET', '/api/territories/T-LEE/accounts');
  expect(lee.body).toMatchObject({
    total: 1,
    rows: [{ externalId: 'A-2', name: 'Contoso', territory: 'T-LEE', since: '2024-01-01' }],
  });
  const search = await call('manager', 'GET', '/api/accounts?q=NORTH');
  expect(search.body.rows.map((r: { externalId: string }) => r.externalId)).toEqual(['A-1']);
  const rep = await call('rep', 'GET', '/api/accounts');
  expect(rep.body).toMatchObject({ total: 1, rows: [{ externalId: 'A-1', territory: 'T-RAJ' }] });
});

describe('moves: who may request and decide (a matrix)', () => {
  test('finance may not request; a rep may; the impact preview comes back', async () => {
    const move = { account: 'Northwind', territory: 'T-ROSA', effective: '2026-07-01', quota: 'full' };
    expect((await call('finance', 'POST', '/api/territory/moves', move)).status).toBe(403);
    const { status, body } = await call('rep', 'POST', '/api/territory/moves', move);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      account: 'A-1',
      from: 'T-RAJ',
      to: 'T-ROSA',
      status: 'proposed',
      requestedBy: LOGINS.rep,
    });
    // Northwind is all of Raj's territory's bookings: share 1; Raj has no quota, so nothing moves
    expect(body.impact).toMatchObject({
      openPipeline: '1000.00',
      trailingBookings: '3000.00',
      quota: { share: '1.0000', ownerQuota: null, moved: '0.00' },
    });
    expect((await call('rep', 'POST', '/api/territory/moves', { ...move, territory: 'T-MARS' })).body.error.code).toBe(
      'TERRITORY_UNKNOWN',
    );
  });

  test.each([
    // [request made by, from → to, decider, expected status]
    ['rep', 'A-1', 'T-ROSA', 'rep', 403], // a rep never approves
    ['rep', 'A-1', 'T-ROSA', 'finance', 403],
    ['rep', 'A-2', 'T-ROOT', 'manager', 403], // Lee's → Root: neither owner in Mia's team today
    ['rep', 'A-1', 'T-ROSA', 'manager', 200], // Raj's → Rosa's: both in Mia's team
    ['rep', 'A-2', 'T-ROOT', 'ops', 200],
    ['ops', 'A-2', 'T-RAJ', 'ops', 403], // not your own request…
    ['admin', 'A-2', 'T-ROSA', 'admin', 200], // …unless admin
  ] as const)('requested by %s: %s → %s, %s decides: %i', async (requester, account, territory, decider, expected) => {
    const created = await call(requester, 'POST', '/api/territory/moves', {
      account,
      territory,
      effective: '2026-07-01',
    });
    expect(created.status).toBe(201);
    const decided = await call(decider, 'POST', `/api/territory/moves/${created.body.id}/approve`, { note: 'fine' });
    expect(decided.status).toBe(expected);
    if (expected === 200)
      expect(decided.body).toMatchObject({ status: 'approved', decidedBy: LOGINS[decider], note: 'fine' });
    else expect(decided.body.error.code).toBe('FORBIDDEN');
  });

  test('listing by status; a rep lists their own requests; reject with a note', async () => {
    const proposed = await call('ops', 'GET', '/api/territory/moves?status=proposed');
    expect(proposed.body.rows.length).toBeGreaterThan(0);
    const id = proposed.body.rows[0].id;
    const rejected = await call('ops', 'POST', `/api/territory/moves/${id}/reject`, { note: 'not now' });
    expect(rejected.body).toMatchObject({ status: 'rejected', note: 'not now' });
    const mine = await call('rep', 'GET', '/api/territory/moves');
    expect(mine.body.rows.every((r: { requestedBy: string }) => r.requestedBy === LOGINS.rep)).toBe(true);
    expect((await call('ops', 'POST', '/api/territory/moves/999/approve', {})).status).toBe(404);
  });
});

test('the assignment run is for ops and admin; a dry run changes nothing', async () => {
  expect((await call('manager', 'POST', '/api/territory/assign', { dryRun: true })).status).toBe(403);
  const { status, body } = await call('ops', 'POST', '/api/territory/assign', { asOf: '2026-07-01', dryRun: true });
  expect(status).toBe(200);
  expect(body).toEqual({ asOf: '2026-07-01', changes: [], summary: { moved: 0, unchanged: 2, unassigned: 0 } });
  expect((await call('ops', 'POST', '/api/territory/assign', { asOf: '2026-13-01' })).body.error.code).toBe(
    'DATE_INVALID',
  );
});
