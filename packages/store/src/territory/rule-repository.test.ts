// Rules belong to the live model or to one scenario; a scenario's rules are edited apart from the live ones.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { importRules, listRules } from './rule-repository.ts';
import { createScenario } from './scenario-create.ts';
import { seedTerritories } from './territory-fixture.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedTerritories(store.db);
});
afterAll(async () => {
  await store.close();
});

const dach = {
  territory: 'T-DACH',
  name: 'DACH',
  priority: 10,
  items: [{ field: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] }],
};

test("a scenario's rules are imported, listed and replaced without touching the live rules", async () => {
  await importRules(store.db, [dach] as never, { actor: 'test' });
  const scenario = await createScenario(store.db, { name: 'FY27 plan', asOf: '2026-11-24', actor: 'test' });
  // the scenario starts with a copy of the live rules
  expect((await listRules(store.db, undefined, scenario.id)).map((r) => r.name)).toEqual(['DACH']);
  const uki = {
    territory: 'T-UKI',
    name: 'UKI',
    priority: 20,
    items: [{ field: 'country', operator: 'equals', value: 'GB' }],
  };
  const summary = await importRules(store.db, [uki] as never, {
    actor: 'test',
    replace: true,
    scenarioId: scenario.id,
  });
  expect(summary).toEqual({ created: 1, updated: 0, deleted: 1 });
  expect((await listRules(store.db, undefined, scenario.id)).map((r) => r.name)).toEqual(['UKI']);
  expect((await listRules(store.db)).map((r) => r.name)).toEqual(['DACH']);
});
