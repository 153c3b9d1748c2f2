// Balancing end to end, without I/O (DESIGN §5.1): build the MIP, solve it with HiGHS under a time
// limit, check the answer exactly, and fall back to the greedy when HiGHS fails, stops at the time
// limit without a feasible answer, or proves the model infeasible. The note says which and why.
import type { Highs } from 'highs';
import highsModule from 'highs';
import { Decimal } from '../money/decimal.ts';
import { balanceGreedy } from './balance-greedy.ts';
import { buildBalanceModel } from './balance-model.ts';
import {
  type BalanceMove,
  type BalanceProblem,
  numericView,
  outsideTolerance,
  territoryValues,
} from './balance-problem.ts';
import { type BalanceStats, balanceStats } from './balance-stats.ts';

export interface BalanceResult {
  solver: 'highs' | 'greedy';
  note: string;
  moves: BalanceMove[];
  before: BalanceStats;
  after: BalanceStats;
  territories: { territory: string; before: string; after: string }[];
}

export interface SolveOptions {
  timeLimitSeconds: number;
  /** Decimal places of the territory values in the answer (2 for money, 0 for counts). */
  places: number;
}

// the package's types describe an ES default export on a CommonJS package; at run time Node loads
// build/highs.mjs, whose default export is the loader (the WebAssembly ships in the package)
const highsLoader = highsModule as unknown as () => Promise<Highs>;
let highs: Promise<Highs> | undefined;
/** Restricted (big) models stop within 0.5% of the least moved value: proving the last fraction can take minutes. */
const MIP_GAP = { all: 1e-6, restricted: 0.005 } as const;

export async function solveBalance(problem: BalanceProblem, options: SolveOptions): Promise<BalanceResult> {
  const view = numericView(problem);
  const model = buildBalanceModel(problem, view);
  const tolerance = `±${new Decimal(String(problem.tolerance)).times(100).toString()}%`;
  const scope = model.candidates === 'all' ? 'every sibling a candidate' : 'candidates restricted (see docs)';
  let outcome: { solver: 'highs' | 'greedy'; moves: BalanceMove[]; note: string };
  if (model.lp === undefined && model.infeasible === undefined) {
    outcome = {
      solver: 'highs',
      moves: [],
      note: 'Nothing can move: no account with a positive value may change territory.',
    };
  } else {
    const tried =
      model.lp === undefined
        ? { failure: `the model is infeasible: ${model.infeasible}` }
        : await runHighs(model.lp, problem, model.moves, { ...options, gap: MIP_GAP[model.candidates] });
    if ('moves' in tried) {
      outcome = {
        solver: 'highs',
        moves: tried.moves,
        note: `HiGHS ${tried.status} (${model.variables} binaries, ${scope}): every territory within ${tolerance} of its group mean with the least moved value.`,
      };
    } else {
      const greedy = balanceGreedy(problem, view);
      const left = outsideTolerance(problem, greedy.moves).length;
      outcome = {
        solver: 'greedy',
        moves: greedy.moves,
        note: `Greedy fallback because ${tried.failure}; it stopped: ${greedy.stoppedBecause}${left > 0 ? `, ${left} territories still outside ${tolerance}` : ''}.`,
      };
    }
  }
  const before = territoryValues(problem);
  const after = territoryValues(problem, outcome.moves);
  return {
    solver: outcome.solver,
    note: outcome.note,
    moves: [...outcome.moves].sort((a, b) => compare(a.account, b.account)),
    before: balanceStats(before),
    after: balanceStats(after),
    territories: before.map((b, i) => ({
      territory: b.territory,
      before: b.value.toFixed(options.places),
      after: after[i]!.value.toFixed(options.places),
    })),
  };
}

async function runHighs(
  lp: string,
  problem: BalanceProblem,
  columns: Map<string, BalanceMove>,
  options: SolveOptions & { gap: number },
): Promise<{ moves: BalanceMove[]; status: string } | { failure: string }> {
  let solution: ReturnType<Highs['solve']>;
  try {
    highs ??= highsLoader();
    solution = (await highs).solve(lp, {
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.gap,
      output_flag: false,
    } as Parameters<Highs['solve']>[1]);
  } catch (error) {
    highs = undefined;
    return { failure: `HiGHS failed (${error instanceof Error ? error.message : String(error)})` };
  }
  if (solution.Status === 'Infeasible' || solution.Status === 'Primal infeasible or unbounded') {
    return {
      failure: `HiGHS proved the model infeasible: no assignment puts every territory within tolerance${problem.maxMoves !== undefined ? ` in ${problem.maxMoves} moves` : ''}`,
    };
  }
  if (solution.Status !== 'Optimal' && solution.Status !== 'Time limit reached') {
    return { failure: `HiGHS ended with status "${solution.Status}"` };
  }
  const moves: BalanceMove[] = [];
  for (const [name, move] of columns) {
    const column = solution.Columns[name] as { Primal?: number } | undefined;
    if ((column?.Primal ?? 0) > 0.5) moves.push(move);
  }
  const tooMany = problem.maxMoves !== undefined && moves.length > problem.maxMoves;
  if (tooMany || outsideTolerance(problem, moves).length > 0) {
    return {
      failure:
        solution.Status === 'Time limit reached'
          ? `HiGHS reached the ${options.timeLimitSeconds} s time limit without a feasible solution`
          : 'the HiGHS answer did not check out in exact arithmetic',
    };
  }
  return {
    moves,
    status:
      solution.Status === 'Optimal'
        ? options.gap >= 0.001
          ? `optimal within ${options.gap * 100}%`
          : 'optimal'
        : `stopped at the ${options.timeLimitSeconds} s time limit with a feasible (possibly not optimal) answer`,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
