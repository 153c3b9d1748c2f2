// The territories the balance chart draws: the leaves (a parent holds no accounts of its own), in
// groups of siblings, since balance is measured against each group's own mean (DESIGN §5.1).
import type { Figure, ScenarioComparison } from './types.ts';

export interface BalanceGroup {
  parent: string | null;
  territories: { territory: string; name: string; live: number; scenario: number }[];
  liveMean: number;
  scenarioMean: number;
}

export function balanceGroups(comparison: ScenarioComparison, figure: Figure): BalanceGroup[] {
  const parents = new Set(comparison.territories.map((row) => row.parent).filter(Boolean));
  const groups = new Map<string, BalanceGroup>();
  for (const row of comparison.territories) {
    if (parents.has(row.territory)) continue;
    const key = row.parent ?? '';
    const group = groups.get(key) ?? { parent: row.parent, territories: [], liveMean: 0, scenarioMean: 0 };
    group.territories.push({
      territory: row.territory,
      name: row.name,
      live: approximate(row.live[figure]),
      scenario: approximate(row.scenario[figure]),
    });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const mean = (pick: (t: BalanceGroup['territories'][number]) => number) =>
      group.territories.reduce((sum, t) => sum + pick(t), 0) / group.territories.length;
    group.liveMean = mean((t) => t.live);
    group.scenarioMean = mean((t) => t.scenario);
  }
  return [...groups.values()].filter((group) => group.territories.length > 0);
}

/** Bar heights are approximate by nature, so a decimal string becomes a JS number here and only here. */
function approximate(value: string): number {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
}
