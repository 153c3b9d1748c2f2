// Aging on the hand-built history (pipeline-fixture.test-helper.ts), as of D2 = 2026-08-31.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { pipelineAging } from './pipeline-aging.ts';
import { D2, PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

const nonEmpty = (buckets: { bucket: string; count: number; amount: string }[]) =>
  buckets.filter((b) => b.count > 0).map((b) => `${b.bucket}: ${b.count} ${b.amount}`);

test('open deals by stage, aged from their created date, with days in the current stage', async () => {
  const result = await pipelineAging(store.db, { kind: 'all' }, { asOf: D2 });
  // Prospecting: O-6 created 07-20 (42 days, in stage 42), O-9 02-01 (211, in stage since 06-29: 63),
  //              O-12 07-13 (49, 49)   → age 302 / 3 = 100.67, in stage 154 / 3 = 51.33
  // Qualification: O-3 05-20 (103, 63), O-8 06-20 (72, 63)
  // Proposal: O-2 04-15 (138, 63) 1,500 EUR × 1.20, O-10 06-29 (63, 63)
  // Negotiation: O-1 06-01 (91, since 08-03: 28)
  expect(result.stages.map((s) => [s.stage, s.count, s.amount, s.avgAgeDays, s.avgDaysInStage])).toEqual([
    ['Prospecting', 3, '1100.00', '100.67', '51.33'],
    ['Qualification', 2, '1800.00', '87.50', '63.00'],
    ['Proposal', 2, '2050.00', '100.50', '63.00'],
    ['Negotiation', 1, '1500.00', '91.00', '28.00'],
  ]);
  expect(nonEmpty(result.stages[0]!.buckets)).toEqual(['31-60: 2 1000.00', '>180: 1 100.00']);
  expect(nonEmpty(result.total.buckets)).toEqual([
    '31-60: 2 1000.00',
    '61-90: 2 1250.00',
    '91-180: 3 4100.00',
    '>180: 1 100.00',
  ]);
  expect(result.total).toMatchObject({ stage: 'total', count: 8, amount: '6450.00' });
});

test('closing in a period, and a rep sees only their deals', async () => {
  const q3 = await pipelineAging(store.db, { kind: 'all' }, { asOf: D2, period: '2026-Q3' });
  // O-3 (October), O-9 (December) and O-12 (October) drop out
  expect(q3.total).toMatchObject({ count: 5, amount: '5250.00' });
  const raj = await pipelineAging(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, { asOf: D2 });
  expect(raj.total).toMatchObject({ count: 4, amount: '3100.00' });
});
