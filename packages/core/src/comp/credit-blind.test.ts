import { expect, test } from 'vitest';
import { isCreditBlind } from './credit-blind.ts';
import { validatePlan } from './plan-schema.ts';

const plan = (components: unknown[]) => validatePlan({ id: 'p', currency: 'USD', components });
const tiers = [{ rate: 0.1 }];

test('a cumulative rate table, attainment bonus and mbo read credits only through totals', () => {
  expect(
    isCreditBlind(
      plan([
        { id: 'c', kind: 'rate-table', tiers },
        { id: 'b', kind: 'attainment-bonus', steps: [{ atLeast: 1, amount: 100 }] },
        { id: 'g', kind: 'mbo', weight: 0.1 },
      ]),
    ),
  ).toBe(true);
});

test('transaction scope, a when filter or a per-credit bonus look at single credits', () => {
  expect(isCreditBlind(plan([{ id: 'c', kind: 'rate-table', scope: 'transaction', tiers }]))).toBe(false);
  expect(isCreditBlind(plan([{ id: 'c', kind: 'rate-table', when: { type: 'renewal' }, tiers }]))).toBe(false);
  expect(isCreditBlind(plan([{ id: 'c', kind: 'per-credit-bonus', amount: 10 }]))).toBe(false);
});
