// The demo's forecast calls on the small demo company, today 2026-11-24 (fiscal = calendar quarters).
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { teamRollup } from '../forecast/team-rollup.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { loadDemoCompany } from './load-demo-company.ts';
import { loadDemoForecastCalls } from './load-forecast-calls.ts';

const TODAY = '2026-11-24';
let store: Store;
let calls: number;
beforeAll(async () => {
  store = await openTestStore();
  const loaded = await loadDemoCompany(store.db, { size: 'small', seed: 42, today: TODAY });
  calls = (await loadDemoForecastCalls(store.db, { today: TODAY, seed: 42 })).calls;
  expect(loaded.loginPeople.manager).toBe('P-0005');
}, 240_000);
afterAll(async () => {
  await store?.close();
});

test('weekly calls for the current quarter and the four before it, Mondays only, with some overrides', async () => {
  const { rows } = await sql<{ period: string; weeks: string; overrides: string; first: string; last: string }>`
    select period, count(distinct week_of)::text as weeks, count(*) filter (where override)::text as overrides,
      min(week_of) as first, max(week_of) as last
    from forecast_calls group by period order by period`.execute(store.db);
  expect(rows.map((r) => r.period)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  // 2026-Q3: Mondays 2026-06-29 (the week holding 07-01) … 2026-09-28; 2026-Q4 up to today's Monday 11-23
  expect(rows[3]).toMatchObject({ weeks: '14', first: '2026-06-29', last: '2026-09-28' });
  expect(rows[4]).toMatchObject({ last: '2026-11-23' });
  expect(rows.every((r) => Number(r.overrides) > 0)).toBe(true);
  const { rows: days } = await sql<{
    dow: number;
  }>`select distinct extract(isodow from week_of)::int as dow from forecast_calls`.execute(store.db);
  expect(days).toEqual([{ dow: 1 }]);
  const { rows: count } = await sql<{ n: string }>`select count(*)::text as n from forecast_calls`.execute(store.db);
  expect(Number(count[0]!.n)).toBe(calls);
});

test("the demo manager's grid this week has calls from her reps", async () => {
  const grid = await teamRollup(store.db, { kind: 'all' }, { person: 'P-0005', period: '2026-Q4', week: TODAY });
  expect(grid.team.manages).toBe(true);
  expect(grid.team.reports.filter((r) => r.source !== 'none').length).toBeGreaterThan(0);
});

test('loading again replaces the demo calls with the same ones', async () => {
  const again = await loadDemoForecastCalls(store.db, { today: TODAY, seed: 42 });
  expect(again.calls).toBe(calls);
});
