import { describe, expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { parsePlan, validatePlan } from './plan-schema.ts';
import { parseScenario } from './scenario-schema.ts';

function errorOf(run: () => unknown): AttainError {
  try {
    run();
  } catch (error) {
    if (error instanceof AttainError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const table = (tiers: unknown[], more: Record<string, unknown> = {}) => ({
  id: 'p',
  currency: 'USD',
  components: [{ id: 'c', kind: 'rate-table', tiers, ...more }],
});

describe('defaults (DESIGN §6)', () => {
  test('a bare rate-table takes every default; a tier starts where the previous ended', () => {
    const plan = validatePlan(table([{ to: 100, rate: 0.05 }, { rate: 0.1 }]));
    expect(plan.payPeriod).toBe('month');
    expect(plan.quotaPeriod).toBe('year');
    const c = plan.components[0]!;
    expect(c).toMatchObject({
      measure: 'bookings',
      input: 'amount',
      scope: 'cumulative',
      method: 'marginal',
      rateBase: 'credit',
    });
    if (c.kind !== 'rate-table') throw new Error('rate-table expected');
    expect(c.tiers.map((t) => [t.from.toString(), t.to?.toString(), t.value.toString()])).toEqual([
      ['0', '100', '0.05'],
      ['100', undefined, '0.1'],
    ]);
  });

  test('draw is recoverable and clawback takes all back with no window unless told', () => {
    const plan = validatePlan({ ...table([{ rate: 0.1 }]), draw: { amount: 2000 }, clawback: {} });
    expect(plan.draw?.recoverable).toBe(true);
    expect(plan.clawback?.percent.toString()).toBe('1');
    expect(plan.clawback?.windowDays).toBeUndefined();
  });
});

describe('PLAN_INVALID names the path', () => {
  test.each([
    [table([{ from: 0.5, to: 1, rate: 0.1 }]), 'components.0.tiers.0.from', 'the first tier starts at 0'],
    [
      table([
        { to: 1, rate: 0.1 },
        { from: 1.2, rate: 0.2 },
      ]),
      'components.0.tiers.1.from',
      'contiguous',
    ],
    [table([{ rate: 0.1 }, { rate: 0.2 }]), 'components.0.tiers.0', 'only the last tier may be open-ended'],
    [table([{ to: 1, amount: 100 }, { amount: 50 }], { method: 'interpolated' }), 'components.0.tiers.1', 'need `to`'],
    [table([{ to: 1, rate: 0.1 }], { method: 'interpolated' }), 'components.0.tiers.0', 'needs `amount`'],
    [table([{ to: 1, rate: 0.1, colour: 'red' }]), 'components.0.tiers.0.colour', 'unknown field'],
    [{ ...table([{ rate: 0.1 }]), owner: 'x' }, 'owner', 'unknown field'],
    [table([{ rate: 'ten' }]), 'components.0.tiers.0.rate', 'must be a number'],
  ])('%#: %s', (plan, path, message) => {
    const error = errorOf(() => validatePlan(plan));
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.details.path).toBe(path);
    expect(error.message).toContain(message);
  });
});

test('YAML errors name the line; numbers keep their exact digits', () => {
  const yaml = [
    'id: p', // 1
    'currency: USD', // 2
    'components:', // 3
    '  - id: c', // 4
    '    kind: rate-table', // 5
    '    tiers:', // 6
    '      - { to: 1.0, rate: 0.123456789012345678901234567 }', // 7
    '      - { from: 1.0, rat: 0.2 }', // 8: misspelt
  ].join('\n');
  const error = errorOf(() => parsePlan(yaml, 'plan.yaml'));
  expect(error.code).toBe('PLAN_INVALID');
  expect(error.details).toMatchObject({ path: 'components.0.tiers.1.rat', line: 8 });
  expect(error.message).toMatch(/^Invalid plan plan\.yaml line 8: components\.0\.tiers\.1\.rat: unknown field/);

  const plan = parsePlan(yaml.replace('rat:', 'rate:'), 'plan.yaml');
  const c = plan.components[0]!;
  expect(c.kind === 'rate-table' && c.tiers[0]!.value.toString()).toBe('0.123456789012345678901234567');
});

test('a scenario error names its line; an inline plan error its path under plan', () => {
  const scenario = ['plan: { id: p, currency: USD, components: [ { id: c, kind: bonus } ] }', 'payees: []'].join('\n');
  const planError = errorOf(() => parseScenario(scenario, 's.yaml'));
  expect(planError.code).toBe('PLAN_INVALID');
  expect(planError.details).toMatchObject({ path: 'plan.components.0.kind', line: 1 });

  const badCredit = [
    'plan: { id: p, currency: USD, components: [ { id: c, kind: rate-table, tiers: [ { rate: 0.1 } ] } ] }',
    'payees:',
    '  - id: rep',
    '    credits:',
    '      - { id: c1, date: 2026-02-30, amount: 10 }',
  ].join('\n');
  const error = errorOf(() => parseScenario(badCredit, 's.yaml'));
  expect(error.code).toBe('SCENARIO_INVALID');
  expect(error.details).toMatchObject({ path: 'payees.0.credits.0.date', line: 5 });
});
