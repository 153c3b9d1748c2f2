// The pipeline routes on the hand-built history of store/pipeline/pipeline-fixture.test-helper.ts
// (figures worked there and in the store tests), with the role matrix of docs/security.md.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { D1, D2, seedPipelineHistory } from '@attain/store/pipeline/pipeline-fixture.test-helper.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { roleCookies } from '../../testing/role-cookies.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let cookies: Record<Role, string>;

beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
  app = createApp({ store, today: () => D2 });
  cookies = await roleCookies(store, app, { manager: 'P-MIA', rep: 'P-RAJ' });
});
afterAll(async () => {
  await store?.close();
});

async function get(path: string, role: Role = 'admin') {
  const res = await app.request(`/api/pipeline/${path}`, { headers: { cookie: cookies[role] } });
  return { status: res.status, body: await res.json() };
}

describe('GET /api/pipeline/*', () => {
  test('waterfall: defaults to the start of the quarter holding today → today', async () => {
    const { status, body } = await get(`waterfall?from=${D1}&to=${D2}`);
    expect(status).toBe(200);
    expect(body.steps.map((s: { amount: string }) => s.amount)).toEqual([
      '7950.00',
      '1150.00',
      '1000.00',
      '500.00',
      '600.00',
      '800.00',
      '500.00',
      '3450.00',
      '5250.00',
    ]);
    const byDefault = await get('waterfall');
    expect(byDefault.body).toMatchObject({ from: '2026-07-01', to: D2, period: { period: '2026-Q3' } });
    const withDeals = await get(`waterfall?from=${D1}&to=${D2}&deals=true`);
    expect(withDeals.body.deals).toHaveLength(9);
  });

  test('asof, funnel, velocity, aging and coverage answer their documented shapes', async () => {
    expect((await get('asof?by=stage,forecast_category')).body.rows[0]).toEqual({
      stage: 'Prospecting',
      forecast_category: 'pipeline',
      count: 3,
      amount: '1100.00',
      weighted: '110.00',
    });
    expect((await get('funnel?period=2026-Q3&basis=closed')).body.deals).toEqual({
      total: 3,
      open: 0,
      won: 2,
      lost: 1,
      winRate: '0.6667',
    });
    expect((await get('velocity?period=2026-Q3')).body).toMatchObject({ asOf: D2, openDeals: 8 });
    expect((await get('aging')).body.total).toMatchObject({ count: 8, amount: '6450.00' });
    expect((await get('coverage?by=manager')).body.rows).toEqual([
      {
        person: 'Mia',
        externalId: 'P-MIA',
        quota: '12000.00',
        won: '0.00',
        gap: '12000.00',
        pipeline: '5000.00',
        coverage: '0.4167',
        covered: false,
      },
    ]);
  });

  test('each role sees its share; finance gets 403 as for /api/opportunities', async () => {
    const end = async (role: Role) => (await get(`waterfall?from=${D1}&to=${D2}`, role)).body.steps?.at(-1)?.amount;
    expect(await end('admin')).toBe('5250.00');
    expect(await end('ops')).toBe('5250.00');
    // Mia's subtree: Raj O-1 1,500 + O-6 700, Rosa O-2 1,800 + O-8 1,000 (Lee reports to Vera)
    expect(await end('manager')).toBe('5000.00');
    expect(await end('rep')).toBe('2200.00');
    for (const path of ['asof', 'waterfall', 'funnel', 'velocity', 'aging', 'coverage']) {
      expect(await get(path, 'finance')).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    }
    const coverage = await get('coverage', 'rep');
    expect(coverage.body.rows.map((r: { person: string }) => r.person)).toEqual(['Raj']);
  });

  test('bad input is a coded 400', async () => {
    expect(await get(`waterfall?from=${D2}&to=${D1}`)).toMatchObject({
      status: 400,
      body: { error: { code: 'RANGE_INVALID' } },
    });
    expect(await get('asof?by=colour')).toMatchObject({ status: 400, body: { error: { code: 'DIMENSION_UNKNOWN' } } });
    expect(await get('aging?asOf=2026-02-30')).toMatchObject({
      status: 400,
      body: { error: { code: 'DATE_INVALID' } },
    });
    expect(await get('funnel?period=2026-Q5')).toMatchObject({
      status: 400,
      body: { error: { code: 'PERIOD_INVALID' } },
    });
  });
});
