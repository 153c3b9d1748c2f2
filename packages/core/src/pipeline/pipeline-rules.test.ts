import { expect, test } from 'vitest';
import { ageBucket } from './aging-buckets.ts';
import { countRatio } from './count-ratio.ts';
import { salesVelocity } from './sales-velocity.ts';
import { orderStages } from './stage-order.ts';

test('stages are ordered by their typical probability, ties and unknowns by name', () => {
  const observed = [
    { stage: 'Proposal', avgProbability: '50' },
    { stage: 'Prospecting', avgProbability: '10' },
    { stage: 'Zeta', avgProbability: null },
    { stage: 'Discovery', avgProbability: '30' },
    { stage: 'Demo', avgProbability: '30' },
  ];
  expect(orderStages(observed)).toEqual(['Prospecting', 'Demo', 'Discovery', 'Proposal', 'Zeta']);
  // a configured list wins; stages it misses follow in data order
  expect(orderStages(observed, ['Discovery', 'Prospecting'])).toEqual([
    'Discovery',
    'Prospecting',
    'Demo',
    'Proposal',
    'Zeta',
  ]);
});

test('count ratios have 4 decimals and are null on a zero denominator', () => {
  expect(countRatio(2, 3)).toBe('0.6667');
  expect(countRatio(0, 5)).toBe('0.0000');
  expect(countRatio(1, 0)).toBeNull();
});

test('age buckets', () => {
  expect([0, 30, 31, 60, 61, 90, 91, 180, 181, 900].map(ageBucket)).toEqual([
    '0-30',
    '0-30',
    '31-60',
    '31-60',
    '61-90',
    '61-90',
    '91-180',
    '91-180',
    '>180',
    '>180',
  ]);
});

test('velocity = open deals × win rate × average won size ÷ cycle days', () => {
  // 10 × 0.5 × 12,000 ÷ 40 = 1,500 a day
  expect(salesVelocity({ openDeals: 10, winRate: '0.5000', avgWonAmount: '12000.00', cycleDays: '40.00' })).toBe(
    '1500.00',
  );
  expect(salesVelocity({ openDeals: 10, winRate: null, avgWonAmount: '1.00', cycleDays: '4.00' })).toBeNull();
  expect(salesVelocity({ openDeals: 10, winRate: '1.0000', avgWonAmount: '1.00', cycleDays: '0.00' })).toBeNull();
});
