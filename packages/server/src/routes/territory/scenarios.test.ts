// Scenario routes on the small company (testing/small-company.ts), today 2026-06-15: Root with
// Raj's (Northwind, 1,000 USD open) and Lee's (Contoso, 2,700.00 USD open). Ops and admin change
// scenarios; a manager may read them; a rep may not even read.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {};

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  const db = store.db;
  for (const [id, externalId, name, parent] of [
    [1, 'T-ROOT', 'Root', null],
    [2, 'T-RAJ', "Raj's", '1'],
    [4, 'T-LEE', "Lee's", '1'],
  ] as const) {
    await db.insertInto('territories').values({ id, external_id: externalId, name, parent_id: parent }).execute();
  }
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '2', valid_from: '2024-01-01' },
      { account_id: '2', territory_id: '4', valid_from: '2024-01-01' },
    ])
    .execute();
  app = createApp({ store, today: () => TODAY });
  Object.assign(sessions, await loginAs(app, ['ops', 'manager', 'rep'] as const));
});
afterAll(async () => {
  await store.close();
});

const call = async (role: Role, method: string, path: string, body?: unknown) => {
  const s = sessions[role]!;
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

test('ops creates, moves and compares; a manager reads but may not change; a rep may not read', async () => {
  const created = await call('ops', 'POST', '/api/territory/scenarios', { name: 'Plan B', asOf: TODAY });
  expect(created).toMatchObject({ status: 201, body: { name: 'Plan B', status: 'planning', basedOn: TODAY } });
  const id = created.body.id as string;
  expect(
    (await call('manager', 'POST', `/api/territory/scenarios/${id}/moves`, { account: 'A-2', territory: 'T-RAJ' }))
      .status,
  ).toBe(403);
  expect(
    await call('ops', 'POST', `/api/territory/scenarios/${id}/moves`, { account: 'Contoso', territory: "Raj's" }),
  ).toMatchObject({
    status: 201,
    body: { account: 'A-2', from: 'T-LEE', to: 'T-RAJ' },
  });
  const compared = await call('manager', 'GET', `/api/territory/scenarios/${id}/compare`);
  expect(compared.status).toBe(200);
  expect(compared.body.moved).toEqual([{ account: 'A-2', name: 'Contoso', from: 'T-LEE', to: 'T-RAJ' }]);
  const raj = compared.body.territories.find((t: { territory: string }) => t.territory === 'T-RAJ');
  // Raj's: Northwind 1,000.00 open live; with Contoso 1,000 + 2,700 = 3,700.00 in the scenario
  expect([raj.live.pipeline, raj.scenario.pipeline]).toEqual(['1000.00', '3700.00']);
  expect((await call('manager', 'GET', '/api/territory/scenarios')).body.scenarios).toHaveLength(1);
  expect((await call('rep', 'GET', '/api/territory/scenarios')).status).toBe(403);
  expect((await call('ops', 'POST', `/api/territory/scenarios/${id}/move`, {})).status).toBe(404);
  expect(
    await call('ops', 'POST', `/api/territory/scenarios/${id}/publish`, { effectiveDate: '2026-07-01' }),
  ).toMatchObject({
    status: 200,
    body: { assignmentsChanged: 1, scenario: { status: 'published' } },
  });
  expect(await call('ops', 'POST', `/api/territory/scenarios/${id}/archive`)).toMatchObject({
    status: 200,
    body: { status: 'archived' },
  });
});
