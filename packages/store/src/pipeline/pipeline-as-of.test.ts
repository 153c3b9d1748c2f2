// Open pipeline as of a date on the hand-built history (pipeline-fixture.test-helper.ts).
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { pipelineAsOf } from './pipeline-as-of.ts';
import { D1, D2, PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

test('by stage as of D2, in the stage order, EUR at 1.20', async () => {
  const result = await pipelineAsOf(store.db, { kind: 'all' }, { asOf: D2, by: ['stage'] });
  // Prospecting O-6 700 + O-9 100 + O-12 300; Qualification O-3 800 + O-8 1,000;
  // Proposal O-2 1,500 EUR × 1.20 + O-10 250; Negotiation O-1 1,500.
  // weighted: 110 + 360 + 1,025 + 1,125 = 2,620
  expect(result.rows).toEqual([
    { stage: 'Prospecting', count: 3, amount: '1100.00', weighted: '110.00' },
    { stage: 'Qualification', count: 2, amount: '1800.00', weighted: '360.00' },
    { stage: 'Proposal', count: 2, amount: '2050.00', weighted: '1025.00' },
    { stage: 'Negotiation', count: 1, amount: '1500.00', weighted: '1125.00' },
  ]);
  expect(result.total).toEqual({ count: 8, amount: '6450.00', weighted: '2620.00' });
});

test('as of D1 at D1 rates (EUR 1.10), and only deals closing in Q3', async () => {
  // O-1 1,000, O-2 2,200, O-3 800, O-4 3,000, O-5 500, O-8 900, O-9 100, O-10 250
  expect((await pipelineAsOf(store.db, { kind: 'all' }, { asOf: D1, by: [] })).total).toEqual({
    count: 8,
    amount: '8750.00',
    weighted: '4375.00', // 500 + 1,100 + 160 + 2,250 + 50 + 180 + 10 + 125
  });
  // without O-8 (November) and O-9 (December)
  const q3 = await pipelineAsOf(store.db, { kind: 'all' }, { asOf: D1, by: [], period: '2026-Q3' });
  expect(q3.total.amount).toBe('7750.00');
  expect(q3.period).toEqual({ period: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
});

test('by forecast category and by manager', async () => {
  const byCategory = await pipelineAsOf(store.db, { kind: 'all' }, { asOf: D2, by: ['forecast_category'] });
  expect(byCategory.rows.map((r) => [r.forecast_category, r.amount])).toEqual([
    ['best_case', '2050.00'],
    ['commit', '1500.00'],
    ['pipeline', '2900.00'],
  ]);
  const byManager = await pipelineAsOf(store.db, { kind: 'all' }, { asOf: D2, by: ['manager'] });
  // Raj's and Rosa's deals under Mia; Lee's O-10 under Vera
  expect(byManager.rows.map((r) => [r.manager, r.count, r.amount])).toEqual([
    ['Mia', 7, '6200.00'],
    ['Vera', 1, '250.00'],
  ]);
});

test('a rep sees their own pipeline only', async () => {
  const result = await pipelineAsOf(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, { asOf: D2, by: ['owner'] });
  // O-1 1,500 at 75 %, O-3 800 at 20 %, O-6 700 and O-9 100 at 10 %: weighted 1,125 + 160 + 70 + 10
  expect(result.rows).toEqual([{ owner: 'Raj', count: 4, amount: '3100.00', weighted: '1365.00' }]);
});
