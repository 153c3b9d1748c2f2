// The balancing MIP (DESIGN §5.1), written in CPLEX LP format for HiGHS (npm `highs`).
//   x[a,t] ∈ {0,1}   account a ends in territory t, for t = a's current territory or a candidate
//   Σ_t x[a,t] = 1                          each account in exactly one territory
//   lo_g ≤ fixed_t + Σ_a v_a·x[a,t] ≤ hi_g   each territory within (1 ∓ tol)·mean of its group
//   Σ_{t ≠ current} x[a,t] ≤ maxMoves        optional
//   minimise Σ_a Σ_{t ≠ current(a)} v_a·x[a,t]   (moved value: the disruption)
// Accounts that cannot move (value 0, or named under --keep-named) are constants in fixed_t.
// Values are Decimals converted to numbers here, at the solver's edge, and divided by the mean
// territory value so coefficients are near 1 (HiGHS' tolerances are absolute).
//
// Candidates: with up to FULL_CANDIDATE_LIMIT variables every sibling is a candidate and the MIP
// is exact. Beyond that (20,000 accounts × 40 territories would be 800,000 binaries) see
// restrictedPool: only accounts of over-mean territories move, only to under-mean ones.
import type { BalanceMove, BalanceProblem, NumericView } from './balance-problem.ts';

export const FULL_CANDIDATE_LIMIT = 50_000;
/** Restricted candidates: per over-mean territory at most this many movers, each with this many destinations. */
export const POOL_PER_TERRITORY = 400;
export const DESTINATIONS_PER_ACCOUNT = 5;

export interface BalanceModel {
  /** CPLEX LP text; undefined when nothing can move. */
  lp: string | undefined;
  candidates: 'all' | 'restricted';
  /** Column name → the move it stands for (only columns that move an account). */
  moves: Map<string, BalanceMove>;
  variables: number;
  /** Set when the model is infeasible before solving (a territory nothing can reach). */
  infeasible?: string;
}

export function buildBalanceModel(problem: BalanceProblem, view: NumericView): BalanceModel {
  const { territories, groups, movable } = view;
  const siblings = (t: number) => groups.get(territories[t]!.group)!.members.filter((s) => s !== t);
  const fullSize = movable.reduce((n, m) => n + siblings(m.territory).length + 1, 0);
  const candidates = fullSize <= FULL_CANDIDATE_LIMIT ? 'all' : 'restricted';
  const boundsOf = (t: number) => groups.get(territories[t]!.group)!;
  const pool = candidates === 'all' ? undefined : restrictedPool(problem, view);
  const destinations = (m: NumericView['movable'][number]): number[] =>
    pool === undefined ? siblings(m.territory) : (pool.get(m.index) ?? []);

  const meanTotal = territories.reduce((s, t) => s + t.total, 0) / Math.max(1, territories.length);
  const scale = meanTotal > 0 ? meanTotal : 1;
  const fixed = territories.map((t) => t.total);
  const rowTerms: string[][] = territories.map(() => []);
  const objective: string[] = [];
  const onePerAccount: string[] = [];
  const moveColumns: string[] = [];
  const binaries: string[] = [];
  const moves = new Map<string, BalanceMove>();
  for (const m of movable) {
    const to = destinations(m);
    if (to.length === 0) continue;
    const account = problem.accounts[m.index]!;
    const coefficient = num(m.value / scale);
    fixed[m.territory]! -= m.value;
    const stay = `s${m.index}`;
    const columns = [stay];
    rowTerms[m.territory]!.push(`${coefficient} ${stay}`);
    for (const t of to) {
      const column = `x${m.index}_${t}`;
      columns.push(column);
      moveColumns.push(column);
      rowTerms[t]!.push(`${coefficient} ${column}`);
      objective.push(`${coefficient} ${column}`);
      moves.set(column, { account: account.account, from: account.territory, to: territories[t]!.territory });
    }
    binaries.push(...columns);
    onePerAccount.push(` one${m.index}: ${wrap(columns.map((c) => `1 ${c}`))} = 1`);
  }
  if (moveColumns.length === 0) return { lp: undefined, candidates, moves, variables: 0 };

  const rows: string[] = [];
  for (const [t, territory] of territories.entries()) {
    const g = boundsOf(t);
    if (g.members.length < 2 || g.mean <= 0) continue;
    if (rowTerms[t]!.length === 0) {
      if (fixed[t]! < g.lo - 1e-9 * g.mean || fixed[t]! > g.hi + 1e-9 * g.mean) {
        const infeasible = `${territory.territory} is outside the tolerance and no account can move into or out of it`;
        return { lp: undefined, candidates, moves, variables: binaries.length, infeasible };
      }
      continue;
    }
    const terms = wrap(rowTerms[t]!);
    rows.push(` lo${t}: ${terms} >= ${num((g.lo - fixed[t]!) / scale)}`);
    rows.push(` hi${t}: ${terms} <= ${num((g.hi - fixed[t]!) / scale)}`);
  }
  if (problem.maxMoves !== undefined)
    rows.push(` moves: ${wrap(moveColumns.map((c) => `1 ${c}`))} <= ${problem.maxMoves}`);

  const lp = [
    'Minimize',
    ` obj: ${wrap(objective)}`,
    'Subject To',
    ...onePerAccount,
    ...rows,
    'Binary',
    ...chunk(binaries, 20).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { lp, candidates, moves, variables: binaries.length };
}

/** A number as LP text: 12 significant digits, no exponent surprises for small values. */
function num(n: number): string {
  const text = String(Number(n.toPrecision(12)));
  return text === '-0' ? '0' : text;
}

/** "a x + b y - c z", broken every 20 terms (LP readers dislike very long lines). */
function wrap(terms: string[]): string {
  const signed = terms.map((term, i) => {
    const negative = term.startsWith('-');
    const body = negative ? term.slice(1) : term;
    if (i === 0) return negative ? `- ${body}` : body;
    return `${negative ? '-' : '+'} ${body}`;
  });
  return chunk(signed, 20)
    .map((line) => line.join(' '))
    .join('\n   ');
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Restricted candidates, for big instances. Moving value into an over-mean territory or out of an
 * under-mean one only adds moved value, so: an account may only leave a territory above its group
 * mean, and only for one below it, and only if it fits (the territory it leaves stays ≥ lo, the one
 * it joins stays ≤ hi). Per over-mean territory the movers are its smallest accounts until they add
 * up to twice what it has to shed to reach the mean (fine-grained value lands closest to the bound),
 * plus — when moves are capped — its largest accounts that fit, at most POOL_PER_TERRITORY in all.
 * Each mover gets DESTINATIONS_PER_ACCOUNT under-mean destinations, dealt round-robin so every
 * destination is reachable from every source. Answers needing a swap or a chain can be missed.
 */
function restrictedPool(problem: BalanceProblem, view: NumericView): Map<number, number[]> {
  const { territories, groups } = view;
  const bySource = new Map<number, NumericView['movable']>();
  for (const m of view.movable) bySource.set(m.territory, [...(bySource.get(m.territory) ?? []), m]);
  const pool = new Map<number, number[]>();
  for (const [source, accounts] of [...bySource].sort((a, b) => a[0] - b[0])) {
    const from = territories[source]!;
    const g = groups.get(from.group)!;
    if (from.total <= g.mean) continue;
    const under = g.members
      .filter((t) => territories[t]!.total < g.mean)
      .sort((a, b) => territories[a]!.total - territories[b]!.total || a - b);
    if (under.length === 0) continue;
    const room = g.hi - territories[under[0]!]!.total;
    const fits = accounts
      .filter((m) => from.total - m.value >= g.lo && m.value <= room)
      .sort((a, b) => a.value - b.value || a.index - b.index);
    const need = from.total - g.mean;
    const chosen: NumericView['movable'] = [];
    let sum = 0;
    for (const m of fits) {
      if (sum >= 2 * need || chosen.length >= POOL_PER_TERRITORY / 2) break;
      chosen.push(m);
      sum += m.value;
    }
    // small accounts alone cannot carry it (or moves are capped): add the largest that fit
    const wantLarge = problem.maxMoves !== undefined ? POOL_PER_TERRITORY / 4 : 0;
    let added = 0;
    const smallCount = chosen.length;
    for (let i = fits.length - 1; i >= smallCount; i--) {
      // past POOL_PER_TERRITORY only while the pool cannot yet carry the need with some slack
      const enough = sum >= 2 * need || (chosen.length >= POOL_PER_TERRITORY && sum >= 1.25 * need);
      if (enough && added >= wantLarge) break;
      chosen.push(fits[i]!);
      sum += fits[i]!.value;
      added++;
    }
    chosen.forEach((m, rank) => {
      const open = under.filter((t) => territories[t]!.total + m.value <= g.hi);
      const k = Math.min(DESTINATIONS_PER_ACCOUNT, open.length);
      pool.set(
        m.index,
        Array.from({ length: k }, (_, j) => open[(rank + j) % open.length]!),
      );
    });
  }
  return pool;
}
