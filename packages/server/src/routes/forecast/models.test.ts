// The forecast-model routes on the hand-built history of
// store/forecast/models/forecast-fixture.test-helper.ts (figures worked there), with the role
// matrix of docs/security.md: a rep sees their own deals, a manager their team, finance nothing.
import type { Role } from '@attain/store/auth/user-repository.ts';
import { AS_OF, PEOPLE, seedForecastHistory } from '@attain/store/forecast/models/forecast-fixture.test-helper.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { roleCookies } from '../../testing/role-cookies.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let cookies: Record<Role, string>;

beforeAll(async () => {
  store = await openTestStore();
  await seedForecastHistory(store.db);
  for (const [person, amount] of [
    [PEOPLE.vera, '10000'],
    [PEOPLE.raj, '3000'],
  ] as const) {
    await store.db
      .insertInto('quotas')
      .values({
        person_id: person,
        measure: 'bookings',
        period: '2026-Q3',
        period_start: '2026-07-01',
        period_end: '2026-09-30',
        amount,
      })
      .execute();
  }
  app = createApp({ store, today: () => AS_OF });
  cookies = await roleCookies(store, app, { manager: 'vera', rep: 'raj' });
});
afterAll(async () => {
  await store?.close();
});

async function get(path: string, role: Role = 'admin') {
  const res = await app.request(`/api/forecast/${path}`, { headers: { cookie: cookies[role] } });
  return { status: res.status, body: await res.json() };
}

describe('GET /api/forecast/run|backtest|quota', () => {
  test("run: the CLI shape, for the caller's deals", async () => {
    const admin = await get('run?period=2026-Q3&method=stage-weighted');
    expect(admin.status).toBe(200);
    // as of today (AS_OF): 500 + 500 + 1800 = 2800
    expect(admin.body).toMatchObject({
      method: 'stage-weighted',
      asOf: AS_OF,
      expected: '2800.00',
      p10: null,
      currency: 'USD',
    });
    expect((await get('run?period=2026-Q3&method=stage-weighted', 'manager')).body.expected).toBe('2800.00');
    // Raj: 500 won + 1000 × 0.5
    expect((await get('run?period=2026-Q3&method=stage-weighted', 'rep')).body.expected).toBe('1000.00');
    const mc = await get(`run?period=2026-Q3&asOf=${AS_OF}&method=monte-carlo&seed=3`);
    expect(Number(mc.body.p10)).toBeLessThanOrEqual(Number(mc.body.p90));
  });

  test('backtest: the DESIGN §8 shape', async () => {
    const { status, body } = await get('backtest?method=stage-weighted&week=3&quarters=2');
    expect(status).toBe(200);
    expect(body).toEqual({
      method: 'stage-weighted',
      week: 3,
      periods: [
        { period: '2026-Q1', forecast: '0.00', actual: '1000.00', error: '-1.0000' },
        { period: '2026-Q2', forecast: '2200.00', actual: '3800.00', error: '-0.4211' },
      ],
      mape: '0.7105',
      bias: '-0.7105',
    });
    // the rep: Q1 actual H-1 1000 (Raj); Q2 as of 04-15 H-5 2000 × 0.5 = 1000 vs H-3 600 + H-5 2000
    const rep = await get('backtest?method=stage-weighted&week=3&quarters=2', 'rep');
    expect(rep.body.periods[1]).toEqual({
      period: '2026-Q2',
      forecast: '1000.00',
      actual: '2600.00',
      error: '-0.6154',
    });
  });

  test('runs and accuracy: every method at once, the same figures as one by one', async () => {
    const { status, body } = await get('runs?period=2026-Q3');
    expect(status).toBe(200);
    expect(body.runs.map((r: { method: string }) => r.method)).toEqual([
      'stage-weighted',
      'conversion',
      'monte-carlo',
      'timeseries',
      'ensemble',
    ]);
    expect(body.runs[0]).toEqual((await get('run?period=2026-Q3&method=stage-weighted')).body);
    expect(body.runs[3]).toEqual((await get('run?period=2026-Q3&method=timeseries&series=won')).body);
    const accuracy = await get('accuracy?week=3&quarters=2');
    expect(accuracy.status).toBe(200);
    expect(accuracy.body.backtests.map((b: { method: string }) => b.method)).toEqual([
      'stage-weighted',
      'conversion',
      'monte-carlo',
      'timeseries',
      'ensemble',
      'calls',
    ]);
    expect(accuracy.body.backtests[0]).toEqual((await get('backtest?method=stage-weighted&week=3&quarters=2')).body);
    expect(accuracy.body.backtests[5].mape).toBe('0.2105');
  });

  test('quota: the highest holders the caller sees', async () => {
    expect((await get('quota?period=2026-Q3')).body).toEqual({ period: '2026-Q3', quota: '10000.00', currency: 'USD' });
    expect((await get('quota?period=2026-Q3', 'rep')).body.quota).toBe('3000.00');
  });

  test('finance is refused; bad input is a 400', async () => {
    expect((await get('run?period=2026-Q3&method=conversion', 'finance')).status).toBe(403);
    expect((await get('backtest?method=calls&week=3', 'finance')).status).toBe(403);
    expect((await get('run?period=2026-Q3&method=tea-leaves')).status).toBe(400);
    expect((await get('backtest?method=conversion&week=99')).status).toBe(400);
  });
});
