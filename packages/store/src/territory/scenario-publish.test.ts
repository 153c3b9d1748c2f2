// Scenarios end to end on a hand-made company (DESIGN §5.1): West (T-W) parents North (T-N, Nia)
// and South (T-S, Sam). Accounts sit in North, A-4 in South, since 2026-01-01.
// Potentials 100, 200, 300, 400: North 600, South 400. Q1 2026 is closed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { balanceTerritories } from './balance-territories.ts';
import { compareScenario } from './scenario-compare.ts';
import { archiveScenario, createScenario, findScenario } from './scenario-create.ts';
import { moveAccountInScenario, setScenarioOwner } from './scenario-edit.ts';
import { publishScenario } from './scenario-publish.ts';

let store: Store;
const actor = 'ops@example.com';
const today = '2026-06-15';

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  await db
    .insertInto('people')
    .values([
      { id: 1, external_id: 'P-NIA', name: 'Nia' },
      { id: 2, external_id: 'P-SAM', name: 'Sam' },
    ])
    .execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-W', name: 'West' },
      { id: 2, external_id: 'T-N', name: 'North', parent_id: '1' },
      { id: 3, external_id: 'T-S', name: 'South', parent_id: '1' },
    ])
    .execute();
  await db
    .insertInto('territory_owners')
    .values([
      { territory_id: '2', person_id: '1', valid_from: '2026-01-01' },
      { territory_id: '3', person_id: '2', valid_from: '2026-01-01' },
    ])
    .execute();
  for (const [id, potential, territory] of [
    [1, 100, 2],
    [2, 200, 2],
    [3, 300, 2],
    [4, 400, 3],
  ] as const) {
    await db
      .insertInto('accounts')
      .values({ id, external_id: `A-${id}`, name: `Account ${id}`, potential })
      .execute();
    await db
      .insertInto('territory_assignments')
      .values({ account_id: String(id), territory_id: String(territory), valid_from: '2026-01-01' })
      .execute();
  }
  await db
    .insertInto('closed_periods')
    .values({ period: '2026-Q1', start_date: '2026-01-01', end_date: '2026-03-31', closed_by: actor })
    .execute();
});
afterAll(async () => {
  await store?.close();
});

const liveTerritory = async (account: number, asOf: string) =>
  (
    await store.db
      .selectFrom('territory_assignments as a')
      .innerJoin('territories as t', 't.id', 'a.territory_id')
      .select('t.external_id')
      .where('a.account_id', '=', String(account))
      .where('a.valid_from', '<=', asOf)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', asOf)]))
      .executeTakeFirst()
  )?.external_id;

describe('territory scenarios', () => {
  test('create, edit and compare: the move and the TBH owner show beside the live model', async () => {
    await createScenario(store.db, { name: 'FY27 plan', asOf: today, actor });
    await moveAccountInScenario(store.db, { scenario: 'fy27 plan', account: 'A-1', territory: 'South', actor });
    await setScenarioOwner(store.db, { scenario: 'FY27 plan', territory: 'T-S', tbh: 'AE South', actor });
    const c = await compareScenario(store.db, 'FY27 plan', { today });
    expect(c.moved).toEqual([{ account: 'A-1', name: 'Account 1', from: 'T-N', to: 'T-S' }]);
    expect(c.owners).toEqual([{ territory: 'T-S', live: 'Sam', scenario: 'TBH: AE South' }]);
    expect(c.ownersAffected).toEqual(['Nia', 'Sam', 'TBH: AE South']);
    const north = c.territories.find((t) => t.territory === 'T-N')!;
    expect([north.live.accounts, north.live.potential, north.scenario.accounts, north.scenario.potential]).toEqual([
      '3',
      '600.00',
      '2',
      '500.00',
    ]);
    // potential: live North 600 / South 400 (±0.2 of 500); scenario 500 / 500
    expect(c.balance.potential).toEqual({ live: { maxDeviation: 0.2, cv: 0.2 }, scenario: { maxDeviation: 0, cv: 0 } });
  });

  test('publishing inside a closed period is PERIOD_CLOSED and changes nothing', async () => {
    await expect(
      publishScenario(store.db, { scenario: 'FY27 plan', effectiveDate: '2026-03-15', actor }),
    ).rejects.toMatchObject({
      code: 'PERIOD_CLOSED',
    });
    expect((await findScenario(store.db, 'FY27 plan')).status).toBe('planning');
    expect(await liveTerritory(1, '2026-12-31')).toBe('T-N');
  });

  test('publish on a date: as of it the live model is the scenario; the day before it is not', async () => {
    const result = await publishScenario(store.db, { scenario: 'FY27 plan', effectiveDate: '2026-07-01', actor });
    expect(result).toMatchObject({ assignmentsChanged: 1, ownersChanged: 1, rulesReplaced: false });
    const after = await compareScenario(store.db, 'FY27 plan', { today });
    expect(after.asOf).toBe('2026-07-01');
    expect(after.moved).toEqual([]);
    expect(after.owners).toEqual([]);
    expect(await liveTerritory(1, '2026-06-30')).toBe('T-N');
    expect(await liveTerritory(1, '2026-07-01')).toBe('T-S');
    const before = await compareScenario(store.db, 'FY27 plan', { asOf: '2026-06-30', today });
    expect(before.moved).toEqual([{ account: 'A-1', name: 'Account 1', from: 'T-N', to: 'T-S' }]);
    await expect(
      publishScenario(store.db, { scenario: 'FY27 plan', effectiveDate: '2026-08-01', actor }),
    ).rejects.toMatchObject({
      code: 'SCENARIO_NOT_PLANNING',
    });
    expect((await archiveScenario(store.db, 'FY27 plan', actor)).status).toBe('archived');
  });

  test('balancing writes into a new scenario, never the live model', async () => {
    // live on 2026-07-01: North 200 + 300 = 500, South 100 + 400 = 500 by potential; by accounts 2 and 2.
    // Move A-2 back in a scenario so North has 1 account and South 3: one move (A-1 or A-4, the
    // value is 1 each) brings both to 2.
    await createScenario(store.db, { name: 'lopsided', asOf: '2026-07-01', actor });
    await moveAccountInScenario(store.db, { scenario: 'lopsided', account: 'A-2', territory: 'T-S', actor });
    const { result, scenario } = await balanceTerritories(store.db, {
      metric: 'accounts',
      tolerance: 0,
      keepNamed: false,
      scenario: 'lopsided',
      timeLimitSeconds: 10,
      asOf: '2026-07-01',
      actor,
    });
    expect(scenario.name).toBe('lopsided');
    expect(result.solver).toBe('highs');
    expect(result.moves).toHaveLength(1);
    expect(result.territories).toEqual([
      { territory: 'T-N', before: '1', after: '2' },
      { territory: 'T-S', before: '3', after: '2' },
    ]);
    expect(result.before).toEqual({ maxDeviation: 0.5, cv: 0.5 });
    expect(result.after).toEqual({ maxDeviation: 0, cv: 0 });
    expect(await liveTerritory(2, '2026-07-01')).toBe('T-N');
    const c = await compareScenario(store.db, 'lopsided', { today: '2026-07-01' });
    expect(c.territories.map((t) => t.scenario.accounts)).toEqual(['2', '2', '0']);

    const fresh = await balanceTerritories(store.db, {
      metric: 'potential',
      tolerance: 0.1,
      keepNamed: false,
      timeLimitSeconds: 10,
      asOf: '2026-07-01',
      actor,
    });
    expect(fresh.scenario.name).toBe('balance-potential-2026-07-01');
    expect(fresh.result.moves).toEqual([]);
  });
});
