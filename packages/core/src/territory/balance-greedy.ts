// The greedy fallback for balancing (DESIGN §5.1), used when HiGHS cannot answer. Per group, in
// group order, repeatedly: take the territory furthest above the group mean and the one furthest
// below; among the accounts of the first that may move, pick the one whose move to the second
// leaves the larger of the two territories' deviations lowest — ties to the smaller value, then
// the account key — and move it, as long as that strictly lowers the larger of the two
// deviations (so the sum of squared deviations falls every step, and the loop ends). Stops when the group is within tolerance, no move improves, or maxMoves is spent.
// The worst deviation can never grow: the pair always holds the group's worst territory, and a
// move is only made when the pair's worst gets better. Deterministic: no randomness, stable ties.
import type { BalanceMove, BalanceProblem, NumericView } from './balance-problem.ts';

export interface GreedyResult {
  moves: BalanceMove[];
  /** Why it stopped, in words, for the note. */
  stoppedBecause: 'within tolerance' | 'no improving move' | 'max moves reached';
}

export function balanceGreedy(problem: BalanceProblem, view: NumericView): GreedyResult {
  const totals = view.territories.map((t) => t.total);
  const members = new Map<number, NumericView['movable']>();
  for (const m of view.movable) members.set(m.territory, [...(members.get(m.territory) ?? []), m]);
  const where = new Map(view.movable.map((m) => [m.index, m.territory]));
  const moves: BalanceMove[] = [];
  let stuck = false;
  const groupKeys = [...view.groups.keys()].sort();
  for (const group of groupKeys) {
    const g = view.groups.get(group)!;
    if (g.members.length < 2 || g.mean <= 0) continue;
    const deviation = (value: number) => Math.abs(value - g.mean) / g.mean;
    for (;;) {
      if (problem.maxMoves !== undefined && moves.length >= problem.maxMoves) {
        return {
          moves: collapse(moves),
          stoppedBecause: withinAll(view, totals) ? 'within tolerance' : 'max moves reached',
        };
      }
      const order = [...g.members].sort((a, b) => totals[b]! - totals[a]! || a - b);
      const over = order[0]!;
      const under = order[order.length - 1]!;
      if (order.every((t) => totals[t]! >= g.lo && totals[t]! <= g.hi)) break;
      const worstBefore = Math.max(deviation(totals[over]!), deviation(totals[under]!));
      let best: { m: NumericView['movable'][number]; worst: number } | undefined;
      for (const m of members.get(over) ?? []) {
        if (where.get(m.index) !== over) continue;
        const worst = Math.max(deviation(totals[over]! - m.value), deviation(totals[under]! + m.value));
        if (worst >= worstBefore - 1e-12) continue;
        if (
          !best ||
          worst < best.worst - 1e-12 ||
          (Math.abs(worst - best.worst) <= 1e-12 &&
            (m.value < best.m.value ||
              (m.value === best.m.value && accountKey(problem, m) < accountKey(problem, best.m))))
        ) {
          best = { m, worst };
        }
      }
      if (!best) {
        stuck = true;
        break;
      }
      const account = problem.accounts[best.m.index]!;
      totals[over]! -= best.m.value;
      totals[under]! += best.m.value;
      where.set(best.m.index, under);
      members.set(under, [...(members.get(under) ?? []), best.m]);
      moves.push({
        account: account.account,
        from: view.territories[over]!.territory,
        to: view.territories[under]!.territory,
      });
    }
  }
  return { moves: collapse(moves), stoppedBecause: stuck ? 'no improving move' : 'within tolerance' };
}

const accountKey = (problem: BalanceProblem, m: { index: number }) => problem.accounts[m.index]!.account;

function withinAll(view: NumericView, totals: number[]): boolean {
  return view.territories.every((t, i) => {
    const g = view.groups.get(t.group)!;
    return g.members.length < 2 || g.mean <= 0 || (totals[i]! >= g.lo && totals[i]! <= g.hi);
  });
}

/** An account moved twice (A→B, B→C) is one move A→C; one moved back home is no move. */
function collapse(moves: BalanceMove[]): BalanceMove[] {
  const final = new Map<string, BalanceMove>();
  for (const m of moves) {
    const first = final.get(m.account);
    final.set(m.account, { account: m.account, from: first?.from ?? m.from, to: m.to });
  }
  return [...final.values()].filter((m) => m.from !== m.to);
}
