// The balancing problem (DESIGN §5.1): territories in groups, accounts with a metric value, a
// tolerance around each group's mean. Values are exact Decimals; the solvers work on JS numbers
// (see numericView), and any answer is checked here again in exact arithmetic before it is used.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { TerritoryValue } from './balance-stats.ts';

export interface BalanceTerritory {
  territory: string;
  /** Siblings (same type, same parent) by default: accounts only move within their group. */
  group: string;
}

export interface BalanceAccount {
  account: string;
  territory: string;
  value: Decimal;
  /** A named account; fixed in place when the problem keeps named accounts. */
  named: boolean;
}

export interface BalanceProblem {
  territories: readonly BalanceTerritory[];
  accounts: readonly BalanceAccount[];
  /** 0.1 = every territory within ±10% of its group's mean. */
  tolerance: number;
  maxMoves?: number | undefined;
  keepNamed: boolean;
}

export interface BalanceMove {
  account: string;
  from: string;
  to: string;
}

/** The problem in JS numbers, for the solvers only: doubles carry ~15 significant digits, plenty to choose moves. */
export interface NumericView {
  territories: { territory: string; group: string; total: number }[];
  groups: Map<string, { mean: number; lo: number; hi: number; members: number[] }>;
  /** Accounts that may move: positive value, not pinned; index into problem.accounts. */
  movable: { index: number; territory: number; value: number }[];
  territoryIndex: Map<string, number>;
}

export function numericView(problem: BalanceProblem): NumericView {
  const territoryIndex = new Map(problem.territories.map((t, i) => [t.territory, i]));
  const totals = problem.territories.map(() => 0);
  const movable: NumericView['movable'] = [];
  problem.accounts.forEach((a, index) => {
    const territory = territoryIndex.get(a.territory);
    if (territory === undefined) return;
    const value = a.value.toNumber();
    totals[territory]! += value;
    if (value > 0 && !(problem.keepNamed && a.named)) movable.push({ index, territory, value });
  });
  const groups: NumericView['groups'] = new Map();
  problem.territories.forEach((t, i) => {
    const g = groups.get(t.group) ?? { mean: 0, lo: 0, hi: 0, members: [] };
    g.members.push(i);
    groups.set(t.group, g);
  });
  for (const g of groups.values()) {
    g.mean = g.members.reduce((s, i) => s + totals[i]!, 0) / g.members.length;
    g.lo = (1 - problem.tolerance) * g.mean;
    g.hi = (1 + problem.tolerance) * g.mean;
  }
  const territories = problem.territories.map((t, i) => ({ ...t, total: totals[i]! }));
  // only groups with something to balance take part
  const active = movable.filter((m) => {
    const g = groups.get(territories[m.territory]!.group)!;
    return g.members.length > 1 && g.mean > 0;
  });
  return { territories, groups, movable: active, territoryIndex };
}

/** Exact territory values after the moves. */
export function territoryValues(problem: BalanceProblem, moves: readonly BalanceMove[] = []): TerritoryValue[] {
  const moved = new Map(moves.map((m) => [m.account, m.to]));
  const totals = new Map(problem.territories.map((t) => [t.territory, ZERO]));
  for (const a of problem.accounts) {
    const territory = moved.get(a.account) ?? a.territory;
    const total = totals.get(territory);
    if (total !== undefined) totals.set(territory, total.plus(a.value));
  }
  return problem.territories.map((t) => ({ territory: t.territory, group: t.group, value: totals.get(t.territory)! }));
}

/** Territories outside ±tolerance of their group mean, in exact arithmetic (a group with mean 0 is balanced). */
export function outsideTolerance(problem: BalanceProblem, moves: readonly BalanceMove[] = []): string[] {
  const values = territoryValues(problem, moves);
  const sums = new Map<string, { sum: Decimal; n: number }>();
  for (const v of values) {
    const s = sums.get(v.group) ?? { sum: ZERO, n: 0 };
    sums.set(v.group, { sum: s.sum.plus(v.value), n: s.n + 1 });
  }
  const tolerance = new Decimal(String(problem.tolerance));
  // a relative slack of 1e-9 absorbs the solver's floating-point feasibility tolerance
  const slack = new Decimal('1e-9');
  return values
    .filter((v) => {
      const s = sums.get(v.group)!;
      const mean = s.sum.div(s.n);
      return v.value.minus(mean).abs().gt(tolerance.plus(slack).times(mean));
    })
    .map((v) => v.territory);
}

/** Σ value of the moved accounts: the disruption the optimizer minimises. */
export function movedValue(problem: BalanceProblem, moves: readonly BalanceMove[]): Decimal {
  const byAccount = new Map(problem.accounts.map((a) => [a.account, a.value]));
  return moves.reduce((s, m) => s.plus(byAccount.get(m.account) ?? ZERO), ZERO);
}
