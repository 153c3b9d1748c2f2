// The metrics route on the hand-worked small company (testing/small-company.ts), DESIGN §8 shapes.
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
  const sessions = await loginAs(app, ['admin', 'rep'] as const);
  cookies = Object.fromEntries(Object.entries(sessions).map(([role, s]) => [role, (s as TestSession).cookie]));
});
afterAll(async () => {
  await store.close();
});

async function metric(path: string, role: 'admin' | 'rep' = 'admin') {
  const res = await app.request(`/api/metrics/${path}`, { headers: { cookie: cookies[role]! } });
  return { status: res.status, body: await res.json() };
}

test('won_amount: one total row without --by, by owner with every closed-deal owner', async () => {
  expect((await metric('won_amount')).body).toEqual({ metric: 'won_amount', by: [], rows: [{ value: '3000.00' }] });
  expect((await metric('won_amount?by=owner')).body.rows).toEqual([
    { owner: 'Lee', value: '0.00' },
    { owner: 'Raj', value: '3000.00' },
  ]);
});

test("win_rate by manager uses the owner's manager as of the close date", async () => {
  // Lee lost on 2026-03-01 under Vera (he moves to Mia on 2026-07-01); Raj won under Mia.
  expect((await metric('win_rate?by=manager')).body).toEqual({
    metric: 'win_rate',
    by: ['manager'],
    rows: [
      { manager: 'Mia', value: '1.0000' },
      { manager: 'Vera', value: '0.0000' },
    ],
  });
});

test('a ratio with no closed deals is null, not 0', async () => {
  expect((await metric('win_rate?period=2025-Q1')).body.rows).toEqual([{ value: null }]);
});

test('cycle_days, counts and the period dimensions', async () => {
  expect((await metric('cycle_days')).body.rows).toEqual([{ value: '36.00' }]); // 2026-01-05 → 2026-02-10
  expect((await metric('lost_count?by=quarter')).body.rows).toEqual([{ quarter: '2026-Q1', value: '1' }]);
  expect((await metric('won_count?by=fiscal_year,month')).body.rows).toEqual([
    { fiscal_year: 'FY2026', month: '2026-02', value: '1' },
    { fiscal_year: 'FY2026', month: '2026-03', value: '0' },
  ]);
});

test('missing dimension values group under (none); where filters case-insensitively', async () => {
  expect((await metric('won_amount?by=industry')).body.rows).toEqual([{ industry: '(none)', value: '3000.00' }]);
  expect((await metric('won_amount?where=owner=raj')).body.rows).toEqual([{ value: '3000.00' }]);
  expect((await metric('won_amount?where=owner=lee')).body.rows).toEqual([{ value: '0.00' }]);
});

test('open_pipeline as of a date uses each deal’s latest snapshot on or before it, in USD', async () => {
  // 2026-05-15: only O-1's 800 snapshot; today: 1,000 + 2,000 EUR × 1.10 + 500
  expect((await metric('open_pipeline?asOf=2026-05-15')).body.rows).toEqual([{ value: '800.00' }]);
  expect((await metric('open_pipeline')).body.rows).toEqual([{ value: '3700.00' }]);
  expect((await metric('weighted_pipeline')).body.rows).toEqual([{ value: '1850.00' }]); // all at 50%
});

test('a rep sees only their own figures', async () => {
  expect((await metric('win_rate', 'rep')).body.rows).toEqual([{ value: '1.0000' }]);
  expect((await metric('open_pipeline', 'rep')).body.rows).toEqual([{ value: '1000.00' }]);
});

test('unknown metrics, dimensions and periods are coded 400s', async () => {
  expect(await metric('bananas')).toMatchObject({ status: 400, body: { error: { code: 'METRIC_UNKNOWN' } } });
  expect(await metric('won_amount?by=colour')).toMatchObject({
    status: 400,
    body: { error: { code: 'DIMENSION_UNKNOWN' } },
  });
  expect(await metric('won_amount?period=2026-Q5')).toMatchObject({
    status: 400,
    body: { error: { code: 'PERIOD_INVALID' } },
  });
});
