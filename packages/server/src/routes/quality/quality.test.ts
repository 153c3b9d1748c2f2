// The Data-quality page's API on the hand-worked small company (testing/small-company.ts).
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs, type TestSession } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string> = {};

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  app = createApp({ store, today: () => TODAY });
  const sessions = await loginAs(app, ['ops', 'manager'] as const);
  cookies = Object.fromEntries(Object.entries(sessions).map(([role, s]) => [role, (s as TestSession).cookie]));
});
afterAll(async () => {
  await store.close();
});

const get = async (path: string, role: 'ops' | 'manager' = 'ops') => {
  const res = await app.request(path, { headers: { cookie: cookies[role]! } });
  return { status: res.status, body: await res.json() };
};

test('every rule is listed with its count; one rule drills into its records', async () => {
  const { body } = await get('/api/quality');
  expect(body.asOf).toBe(TODAY);
  expect(body.rules).toHaveLength(13);
  const byRule = Object.fromEntries(body.rules.map((r: { rule: string; count: number }) => [r.rule, r.count]));
  // Northwind and Contoso have no territory; no open deal closes before 2026-06-15; Raj, Rosa and Lee have no quota
  expect(byRule).toMatchObject({ account_without_territory: 2, opportunity_past_close_date: 0, rep_without_quota: 3 });
  const drill = await get('/api/quality/issues?rule=account_without_territory');
  expect(drill.body.issues.map((i: { id: string }) => i.id)).toEqual(['A-1', 'A-2']);
  expect(drill.body.issues[0]).toMatchObject({ rule: 'account_without_territory', entity: 'accounts' });
});

test('an unknown rule is a coded 400; a manager may not see the findings', async () => {
  expect(await get('/api/quality/issues?rule=nope')).toMatchObject({
    status: 400,
    body: { error: { code: 'RULE_UNKNOWN' } },
  });
  expect((await get('/api/quality', 'manager')).status).toBe(403);
});
