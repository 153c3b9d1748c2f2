// Balancing on small cases worked by hand (DESIGN §5.1). Three territories, total 300, mean 100,
// tolerance 0.1: every territory must end within [90, 110].
import { describe, expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import type { BalanceProblem } from './balance-problem.ts';
import { solveBalance } from './solve-balance.ts';

const territories = ['A', 'B', 'C'].map((territory) => ({ territory, group: 'west' }));
const account = (account: string, territory: string, value: number, named = false) => ({
  account,
  territory,
  value: new Decimal(value),
  named,
});
const solve = (problem: Partial<BalanceProblem> & Pick<BalanceProblem, 'accounts'>) =>
  solveBalance({ territories, tolerance: 0.1, keepNamed: false, ...problem }, { timeLimitSeconds: 10, places: 0 });

describe('solveBalance', () => {
  test('one move fixes it: the smallest account that brings A down into the band', async () => {
    // A = 50 + 40 + 30 = 120, B = 50 + 50 = 100, C = 80. A must shed 10–30 and C gain 10–30:
    // only a3 (30) fits — A 90, C 110. Moved value 30.
    const result = await solve({
      accounts: [
        account('a1', 'A', 50),
        account('a2', 'A', 40),
        account('a3', 'A', 30),
        account('b1', 'B', 50),
        account('b2', 'B', 50),
        account('c1', 'C', 80),
      ],
    });
    expect(result).toEqual({
      solver: 'highs',
      note: expect.stringContaining('HiGHS optimal'),
      moves: [{ account: 'a3', from: 'A', to: 'C' }],
      before: { maxDeviation: 0.2, cv: 0.1633 }, // deviations +0.2, 0, −0.2: √(0.08 ÷ 3) = 0.1633
      after: { maxDeviation: 0.1, cv: 0.0816 }, // −0.1, 0, +0.1: √(0.02 ÷ 3) = 0.0816
      territories: [
        { territory: 'A', before: '120', after: '90' },
        { territory: 'B', before: '100', after: '100' },
        { territory: 'C', before: '80', after: '110' },
      ],
    });
  });

  test('a case needing two moves: A and B both too big, C takes from each', async () => {
    // A = 60 + 45 + 15 = 120, B the same, C = 60. A and B each shed 10–30: only the 15s fit
    // (105 each), and C gains 30 to 90. Moved value 30 in two moves.
    const accounts = [
      account('a1', 'A', 60),
      account('a2', 'A', 45),
      account('a3', 'A', 15),
      account('b1', 'B', 60),
      account('b2', 'B', 45),
      account('b3', 'B', 15),
      account('c1', 'C', 60),
    ];
    const result = await solve({ accounts });
    expect(result.solver).toBe('highs');
    expect(result.moves).toEqual([
      { account: 'a3', from: 'A', to: 'C' },
      { account: 'b3', from: 'B', to: 'C' },
    ]);
    expect(result.territories.map((t) => t.after)).toEqual(['105', '105', '90']);

    // capped at one move there is no answer: the greedy takes over and says why
    const capped = await solve({ accounts, maxMoves: 1 });
    expect(capped.solver).toBe('greedy');
    expect(capped.note).toMatch(/infeasible.*in 1 moves/);
    expect(capped.moves).toHaveLength(1);
  });

  test('an infeasible case falls back to the greedy, with a note', async () => {
    // A holds one account of 300; B and C are empty. No split is possible: moving it only moves
    // the problem, so the greedy makes no move either.
    const result = await solve({ accounts: [account('big', 'A', 300)] });
    expect(result.solver).toBe('greedy');
    expect(result.note).toMatch(
      /^Greedy fallback because HiGHS proved the model infeasible.*no improving move, 3 territories still outside ±10%/,
    );
    expect(result.moves).toEqual([]);
    expect(result.before).toEqual(result.after);
  });

  test('named accounts stay when kept; with every sibling a candidate a chain of moves is found', async () => {
    // as the first case, but a3 is named: no single account of A fits (without a1 A is 70, without
    // a2 80, and nothing of 20–40 or 10–30 can come back), but a1 and a2 can go to C while c1 comes
    // to A: A 30 + 80 = 110, C 90 — moved value 170, the least there is
    const result = await solve({
      keepNamed: true,
      accounts: [
        account('a1', 'A', 50),
        account('a2', 'A', 40),
        account('a3', 'A', 30, true),
        account('b1', 'B', 50),
        account('b2', 'B', 50),
        account('c1', 'C', 80),
      ],
    });
    expect(result.moves.some((m) => m.account === 'a3')).toBe(false);
    expect(result.solver).toBe('highs');
    expect(result.moves).toEqual([
      { account: 'a1', from: 'A', to: 'C' },
      { account: 'a2', from: 'A', to: 'C' },
      { account: 'c1', from: 'C', to: 'A' },
    ]);
    expect(result.territories.map((t) => t.after)).toEqual(['110', '100', '90']);
  });
});
