// Properties of balancing over random tiny instances (DESIGN §5.1): whenever some assignment puts
// every territory within tolerance (found by brute force over all of them), the optimizer returns
// one that does, moving no more value than the brute-force optimum; and the greedy never makes the
// worst deviation larger.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { balanceGreedy } from './balance-greedy.ts';
import { type BalanceProblem, numericView, outsideTolerance, territoryValues } from './balance-problem.ts';
import { balanceStats } from './balance-stats.ts';
import { solveBalance } from './solve-balance.ts';

const instance = fc
  .record({
    territories: fc.integer({ min: 2, max: 3 }),
    values: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 6 }),
    homes: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    tolerance: fc.constantFrom(0.05, 0.1, 0.2, 0.3, 0.5),
  })
  .map(({ territories, values, homes, tolerance }): BalanceProblem => {
    const names = ['A', 'B', 'C'].slice(0, territories);
    return {
      territories: names.map((territory) => ({ territory, group: 'g' })),
      accounts: values.map((value, i) => ({
        account: `a${i}`,
        territory: names[homes[i]! % territories]!,
        value: new Decimal(value),
        named: false,
      })),
      tolerance,
      keepNamed: false,
    };
  });

/** The least moved value of any assignment within tolerance, or undefined when none is. */
function bruteForce(problem: BalanceProblem): number | undefined {
  const names = problem.territories.map((t) => t.territory);
  let best: number | undefined;
  const count = names.length ** problem.accounts.length;
  for (let code = 0; code < count; code++) {
    let c = code;
    const moves = [];
    let moved = 0;
    for (const a of problem.accounts) {
      const to = names[c % names.length]!;
      c = Math.floor(c / names.length);
      if (to !== a.territory) {
        moves.push({ account: a.account, from: a.territory, to });
        moved += a.value.toNumber();
      }
    }
    if ((best === undefined || moved < best) && outsideTolerance(problem, moves).length === 0) best = moved;
  }
  return best;
}

describe('balancing properties', () => {
  test('the optimizer is within tolerance and as cheap as brute force whenever an answer exists', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (problem) => {
        const optimum = bruteForce(problem);
        const result = await solveBalance(problem, { timeLimitSeconds: 10, places: 0 });
        if (optimum === undefined) return;
        expect(result.solver).toBe('highs');
        expect(outsideTolerance(problem, result.moves)).toEqual([]);
        const moved = result.moves.reduce(
          (s, m) => s + problem.accounts.find((a) => a.account === m.account)!.value.toNumber(),
          0,
        );
        expect(moved).toBeLessThanOrEqual(optimum + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  test('the greedy never makes the worst deviation larger', () => {
    fc.assert(
      fc.property(instance, (problem) => {
        const { moves } = balanceGreedy(problem, numericView(problem));
        const before = balanceStats(territoryValues(problem)).maxDeviation;
        const after = balanceStats(territoryValues(problem, moves)).maxDeviation;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});
