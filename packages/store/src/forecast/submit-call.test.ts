// Submitting calls on the hand-built team (forecast-fixture.test-helper.ts); today is Wednesday 2026-08-05.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import type { Viewer } from '../visibility/visible-people.ts';
import { PEOPLE, seedForecastTeam } from './forecast-fixture.test-helper.ts';
import { type CallSubmission, submitCall } from './submit-call.ts';

const TODAY = '2026-08-05';
let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedForecastTeam(store.db);
});
afterAll(async () => {
  await store?.close();
});

const raj: Viewer = { role: 'rep', personId: PEOPLE.raj };
const mia: Viewer = { role: 'manager', personId: PEOPLE.mia };
const ops: Viewer = { role: 'ops', personId: null };
const submit = (viewer: Viewer, input: Partial<CallSubmission>, actor = 'someone@example.com') =>
  submitCall(
    store.db,
    { viewer, actor, today: TODAY },
    { person: 'P-RAJ', period: '2026-Q3', commit: '1000', bestCase: '1500.50', pipeline: '3000', ...input },
  );

describe('a valid call', () => {
  test("a rep's own call is for this week's Monday, in their currency, audited", async () => {
    const call = await submit(raj, {}, 'raj@example.com');
    expect(call).toMatchObject({
      person: 'P-RAJ',
      period: '2026-Q3',
      weekOf: '2026-08-03',
      scope: 'own',
      commit: '1000.00',
      bestCase: '1500.50',
      pipeline: '3000.00',
      currency: 'USD',
      override: false,
      note: null,
      submittedBy: 'raj@example.com',
    });
    expect(call.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'entity', 'entity_id'])
      .where('entity', '=', 'forecast_call')
      .execute();
    expect(audit).toEqual([
      { actor: 'raj@example.com', action: 'forecast.submit', entity: 'forecast_call', entity_id: call.id },
    ]);
  });

  test("a past week is taken to its Monday; Rosa's call defaults to EUR; equal categories are cumulative", async () => {
    const call = await submit(
      { role: 'rep', personId: PEOPLE.rosa },
      { person: 'P-ROSA', weekOf: '2026-07-12', commit: '0', bestCase: '0', pipeline: '0' },
    );
    expect(call).toMatchObject({ weekOf: '2026-07-06', currency: 'EUR', commit: '0.00' });
  });

  test('a manager overrides her own team with a note; ops submits on behalf of a rep', async () => {
    const override = await submit(mia, { person: 'P-MIA', override: true, note: '  Late deals at risk ' });
    expect(override).toMatchObject({ scope: 'team', override: true, note: 'Late deals at risk', person: 'P-MIA' });
    const onBehalf = await submit(ops, { currency: 'GBP' }, 'ops@example.com');
    expect(onBehalf).toMatchObject({ person: 'P-RAJ', currency: 'GBP', submittedBy: 'ops@example.com' });
    // Vera overrides Mia's team: ops may do it too
    const vera = await submit(
      { role: 'manager', personId: PEOPLE.vera },
      { person: 'P-MIA', override: true, note: 'x' },
    );
    expect(vera.person).toBe('P-MIA');
  });
});

describe('refused', () => {
  const cases: [string, Viewer, Partial<CallSubmission>, string][] = [
    ['commit above best case', raj, { commit: '2000', bestCase: '1500' }, 'FORECAST_INVALID'],
    ['best case above pipeline', raj, { bestCase: '3000.01', pipeline: '3000' }, 'FORECAST_INVALID'],
    ['a negative amount', raj, { commit: '-1' }, 'FORECAST_INVALID'],
    ['an amount that is not a decimal', raj, { pipeline: '1e6' }, 'FORECAST_INVALID'],
    ['a period that is not a label', raj, { period: '2026-Q5' }, 'FORECAST_INVALID'],
    ['a future week', raj, { weekOf: '2026-08-10' }, 'FORECAST_INVALID'],
    ['a week after the period', raj, { period: '2026-06', weekOf: '2026-07-06' }, 'FORECAST_INVALID'],
    ['a bad currency', raj, { currency: 'usd' }, 'FORECAST_INVALID'],
    ['an override without a note', mia, { person: 'P-MIA', override: true, note: ' ' }, 'FORECAST_INVALID'],
    ['an override of someone who manages nobody', mia, { override: true, note: 'x' }, 'FORECAST_INVALID'],
    ["a manager's own-scope call for a rep", mia, {}, 'FORBIDDEN'],
    ['a rep overriding', raj, { override: true, note: 'x', person: 'P-RAJ' }, 'FORBIDDEN'],
    ["a rep submitting someone else's call", raj, { person: 'P-ROSA' }, 'PERSON_NOT_FOUND'],
    ['finance', { role: 'finance', personId: null }, {}, 'FORBIDDEN'],
    ['an unknown person', ops, { person: 'P-NOBODY' }, 'PERSON_NOT_FOUND'],
  ];
  test.each(cases)('%s', async (_, viewer, input, code) => {
    await expect(submit(viewer, input)).rejects.toMatchObject({ code });
  });

  test('nothing refused has landed', async () => {
    const { count } = await store.db
      .selectFrom('forecast_calls')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(5);
  });
});
