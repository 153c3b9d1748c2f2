// The funnel on the hand-built history (pipeline-fixture.test-helper.ts). Stage order from the data:
// Prospecting 10, Qualification 20, Proposal 50, Negotiation 75.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';
import { pipelineFunnel } from './pipeline-funnel.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

const row = (s: {
  stage: string;
  reached: number;
  reachedNext: number;
  won: number;
  conversion: string | null;
  winRate: string | null;
}) => `${s.stage}: ${s.reached} → ${s.reachedNext}, won ${s.won}, ${s.conversion}, ${s.winRate}`;

test('deals created in Q3', async () => {
  // created in Q3: O-5 (Prospecting, lost), O-6 (Prospecting, open), O-7 (won: reached every stage),
  // O-11 (Qualification, open), O-12 (Prospecting, open)
  const result = await pipelineFunnel(
    store.db,
    { kind: 'all' },
    { basis: 'created', period: '2026-Q3', today: '2026-09-15' },
  );
  expect(result.stages.map(row)).toEqual([
    'Prospecting: 5 → 2, won 1, 0.4000, 0.2000',
    'Qualification: 2 → 1, won 1, 0.5000, 0.5000',
    'Proposal: 1 → 1, won 1, 1.0000, 1.0000',
    'Negotiation: 1 → 1, won 1, 1.0000, 1.0000',
  ]);
  expect(result.stages.at(-1)?.nextStage).toBe('Won');
  expect(result.deals).toEqual({ total: 5, open: 3, won: 1, lost: 1, winRate: '0.5000' });
});

test('deals closed in Q3', async () => {
  // O-4 won, O-7 won, O-5 lost at Prospecting
  const result = await pipelineFunnel(
    store.db,
    { kind: 'all' },
    { basis: 'closed', period: '2026-Q3', today: '2026-09-15' },
  );
  expect(result.stages.map(row)).toEqual([
    'Prospecting: 3 → 2, won 2, 0.6667, 0.6667',
    'Qualification: 2 → 2, won 2, 1.0000, 1.0000',
    'Proposal: 2 → 2, won 2, 1.0000, 1.0000',
    'Negotiation: 2 → 2, won 2, 1.0000, 1.0000',
  ]);
});

test('a period without deals: zero counts, null rates; a rep sees only their deals', async () => {
  const empty = await pipelineFunnel(
    store.db,
    { kind: 'all' },
    { basis: 'closed', period: '2025-Q1', today: '2026-09-15' },
  );
  expect(empty.stages[0]).toMatchObject({ reached: 0, conversion: null, winRate: null });
  expect(empty.deals.winRate).toBeNull();
  const raj = await pipelineFunnel(
    store.db,
    { kind: 'own', personIds: [PEOPLE.raj] },
    { basis: 'created', period: '2026-Q3', today: '2026-09-15' },
  );
  expect(raj.stages.map(row).slice(0, 2)).toEqual([
    'Prospecting: 2 → 1, won 0, 0.5000, 0.0000', // O-6, O-11
    'Qualification: 1 → 0, won 0, 0.0000, 0.0000',
  ]);
});

test('a configured stage list wins over the data order', async () => {
  const result = await pipelineFunnel(
    store.db,
    { kind: 'all' },
    {
      basis: 'created',
      period: '2026-Q3',
      today: '2026-09-15',
      stages: ['Prospecting', 'Proposal', 'Qualification', 'Negotiation'],
    },
  );
  expect(result.stages.map((s) => s.stage)).toEqual(['Prospecting', 'Proposal', 'Qualification', 'Negotiation']);
});
