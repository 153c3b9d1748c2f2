import { describe, expect, test } from 'vitest';
import { balanceGroups } from './balance-groups.ts';
import type { ScenarioComparison, TerritorySide } from './types.ts';

const side = (accounts: string): TerritorySide => ({
  accounts,
  potential: '0.00',
  bookings: '0.00',
  pipeline: '0.00',
  workload: '0',
  owner: null,
});
const row = (territory: string, parent: string | null, live: string, scenario: string) => ({
  territory,
  name: territory,
  parent,
  live: side(live),
  scenario: side(scenario),
});

describe('balance groups', () => {
  test('leaves grouped by parent, each with its own mean; parents are left out', () => {
    // NA: leaves 10 and 30 live (mean 20), 20 and 20 in the scenario (mean 20); EMEA: one leaf of 5.
    const comparison = {
      territories: [
        row('NA', null, '0', '0'),
        row('NA-1', 'NA', '10', '20'),
        row('NA-2', 'NA', '30', '20'),
        row('EMEA', null, '0', '0'),
        row('EMEA-1', 'EMEA', '5', '5'),
      ],
    } as ScenarioComparison;
    const groups = balanceGroups(comparison, 'accounts');
    expect(groups.map((group) => group.parent)).toEqual(['NA', 'EMEA']);
    expect(groups[0]).toMatchObject({ liveMean: 20, scenarioMean: 20 });
    expect(groups[0]?.territories.map((t) => [t.live, t.scenario])).toEqual([
      [10, 20],
      [30, 20],
    ]);
  });
});
