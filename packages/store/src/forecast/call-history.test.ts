// Call history and "the call as of week W" on the hand-built team (forecast-fixture.test-helper.ts).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { callHistory, callKey, callsAsOfWeek } from './call-history.ts';
import { mondayOf } from './forecast-call.ts';
import { PEOPLE, seedForecastCalls, seedForecastTeam } from './forecast-fixture.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedForecastTeam(store.db);
  await seedForecastCalls(store.db);
});
afterAll(async () => {
  await store?.close();
});

test('the Monday of a week', () => {
  expect(['2026-08-03', '2026-08-05', '2026-08-09', '2026-08-10'].map((d) => mondayOf(d))).toEqual([
    '2026-08-03',
    '2026-08-03',
    '2026-08-03',
    '2026-08-10',
  ]);
});

test('every submission of a person, in order; a rep sees only their own', async () => {
  const raj = await callHistory(store.db, { kind: 'all' }, { person: 'P-RAJ', period: '2026-Q3' });
  expect(raj.map((c) => `${c.weekOf} ${c.commit}/${c.bestCase}/${c.pipeline}`)).toEqual([
    '2026-07-06 1000.00/2000.00/3000.00',
    '2026-07-13 1500.00/2500.00/4000.00',
  ]);
  const own = await callHistory(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, {});
  expect(own.map((c) => c.person)).toEqual(['P-RAJ', 'P-RAJ']);
  await expect(
    callHistory(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, { person: 'P-ROSA' }),
  ).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
});

test('the call as of a week is the latest week on or before it; a backfill shows from its own week', async () => {
  const asOf = async (week: string) => {
    const calls = await callsAsOfWeek(store.db, { period: '2026-Q3', week, personIds: [PEOPLE.raj] });
    return calls.get(callKey(PEOPLE.raj, 'own'))?.commit ?? null;
  };
  expect(await asOf('2026-07-05')).toBeNull();
  expect(await asOf('2026-07-12')).toBe('1000.00');
  expect(await asOf('2026-07-13')).toBe('1500.00');
  // submitted today for the week of 07-06: replaces that week's call, not the later one
  await store.db
    .insertInto('forecast_calls')
    .values({
      person_id: PEOPLE.raj,
      period: '2026-Q3',
      period_start: '2026-07-01',
      period_end: '2026-09-30',
      week_of: '2026-07-06',
      scope: 'own',
      commit_amount: '1200',
      best_case_amount: '2000',
      pipeline_amount: '3000',
      currency: 'USD',
      submitted_by: 'fixture',
    })
    .execute();
  expect(await asOf('2026-07-12')).toBe('1200.00');
  expect(await asOf('2026-08-30')).toBe('1500.00');
});
