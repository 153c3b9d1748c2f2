// Velocity on the hand-built history (pipeline-fixture.test-helper.ts), Q3 as of 2026-09-15.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import type { Visibility } from '../visibility/visible-people.ts';
import { PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';
import { pipelineVelocity } from './pipeline-velocity.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

test('velocity = open deals × win rate × average won size ÷ cycle days', async () => {
  const result = await pipelineVelocity(store.db, { kind: 'all' }, { period: '2026-Q3', today: '2026-09-15' });
  // open on 2026-09-15: O-1, O-2, O-3, O-6, O-8, O-9, O-10, O-11, O-12 = 9
  // closed in Q3: O-4 won 3,200 (created 03-01, closed 07-28: 149 days), O-7 won 450 (07-13 → 08-17: 35), O-5 lost
  // win rate 2/3 = 0.6667; average won 1,825.00; cycle (149 + 35) / 2 = 92.00
  // 9 × 0.6667 × 1,825 ÷ 92 = 119.0277… → 119.03 a day
  expect(result).toMatchObject({
    asOf: '2026-09-15',
    openDeals: 9,
    winRate: '0.6667',
    avgWonAmount: '1825.00',
    cycleDays: '92.00',
    velocityPerDay: '119.03',
  });
  // stays that ended in Q3: Prospecting O-5 07-06 → 08-17 (42); Proposal O-1 06-29 → 08-03 (35) and
  // O-7 07-13 → 08-17 (35); Negotiation O-4 06-29 → 07-27 (28); no deal left Qualification
  expect(result.stages).toEqual([
    { stage: 'Prospecting', exits: 1, meanDays: '42.00' },
    { stage: 'Qualification', exits: 0, meanDays: null },
    { stage: 'Proposal', exits: 2, meanDays: '35.00' },
    { stage: 'Negotiation', exits: 1, meanDays: '28.00' },
  ]);
});

test('no closed deals: the velocity is null, not 0', async () => {
  const result = await pipelineVelocity(store.db, { kind: 'all' }, { period: '2026-Q1', today: '2026-09-15' });
  expect(result).toMatchObject({ asOf: '2026-03-31', openDeals: 0, winRate: null, velocityPerDay: null });
});

test("a rep's view: their open deals and their deals' stays only", async () => {
  const raj: Visibility = { kind: 'own', personIds: [PEOPLE.raj] };
  const result = await pipelineVelocity(store.db, raj, { period: '2026-Q3', today: '2026-09-15' });
  // open on 2026-09-15: O-1, O-3, O-6, O-9, O-11; Raj closed nothing in Q3, so no win rate
  expect(result).toMatchObject({ openDeals: 5, winRate: null, velocityPerDay: null });
  // O-1 left Proposal on 08-03 after 35 days; O-3, O-6 and O-9 never changed stage
  expect(result.stages.filter((s) => s.exits > 0)).toEqual([{ stage: 'Proposal', exits: 1, meanDays: '35.00' }]);
});
