// Coverage on the hand-built history (pipeline-fixture.test-helper.ts): Q3 as of D2 = 2026-08-31.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { pipelineCoverage } from './pipeline-coverage.ts';
import { D2, PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

const line = (r: {
  person: string;
  quota: string;
  won: string;
  pipeline: string;
  coverage: string | null;
  covered: boolean;
}) => `${r.person}: ${r.pipeline} / (${r.quota} − ${r.won}) = ${r.covered ? 'covered' : r.coverage}`;

test('by owner: own deals against own quota', async () => {
  const result = await pipelineCoverage(store.db, { kind: 'all' }, { asOf: D2, by: 'owner' });
  expect(result.period.period).toBe('2026-Q3');
  // Lee won O-4 3,200 and O-7 450 > his 2,000 quota: covered. Raj: O-1 1,500 + O-6 700.
  // Rosa: quota 4,000 EUR × 1.20; O-2 1,800 + O-8 1,000. Mia owns no deals.
  expect(result.rows.map(line)).toEqual([
    'Lee: 250.00 / (2000.00 − 3650.00) = covered',
    'Mia: 0.00 / (12000.00 − 0.00) = 0.0000',
    'Raj: 2200.00 / (3000.00 − 0.00) = 0.7333',
    'Rosa: 2800.00 / (4800.00 − 0.00) = 0.5833',
  ]);
  expect(result.rows[0]).toMatchObject({ gap: '-1650.00', coverage: null, covered: true });
});

test("by manager: a manager's quota against the whole team's deals", async () => {
  const result = await pipelineCoverage(store.db, { kind: 'all' }, { asOf: D2, by: 'manager' });
  // Mia's team: Raj 2,200 + Rosa 2,800; Vera manages but holds no quota
  expect(result.rows.map(line)).toEqual(['Mia: 5000.00 / (12000.00 − 0.00) = 0.4167']);
});

test('a rep sees their own row', async () => {
  const result = await pipelineCoverage(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, { asOf: D2, by: 'owner' });
  expect(result.rows.map((r) => r.person)).toEqual(['Raj']);
});
