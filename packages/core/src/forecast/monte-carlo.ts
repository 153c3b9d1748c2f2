// Monte Carlo forecast (docs/forecasting.md): in each of N trials every open deal is won, whole,
// with its probability (independently), and the trial's total is won-to-date plus the deals won.
// The PRNG is seeded (mulberry32), so the same seed and inputs give the same P10/P50/P90 and mean.
// Amounts are simulated as integer cents — exact in a JS number below 2^53 cents (≈ 90 trillion) —
// and come back as decimals; a percentile is the nearest-rank trial total.
//
// Deals sharing a probability p are simulated together (the conversion model gives a few dozen
// distinct ones to tens of thousands of deals): n independent Bernoulli(p) draws are exactly a
// Binomial(n, p) count K of winners, each K-subset equally likely. So a trial draws K from the
// group's binomial table (built once) and then K distinct deals by a partial Fisher–Yates shuffle
// — or the n − K losers when fewer — touching about n·min(p, 1 − p) deals instead of all n.
import { Decimal } from '../money/decimal.ts';
import type { ForecastOutput, OpenDeal } from './forecast-inputs.ts';
import { CENT } from './forecast-inputs.ts';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;

/** mulberry32: a small, well-mixed 32-bit generator; returns numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MonteCarloOptions {
  trials?: number;
  seed?: number;
}

/** Nearest rank: the smallest trial total with at least q of the trials at or below it. */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function monteCarlo(
  wonToDate: Decimal,
  open: readonly OpenDeal[],
  probabilities: readonly number[],
  options: MonteCarloOptions = {},
): ForecastOutput & { trials: number; seed: number } {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(trials) || trials < 1) throw new Error(`trials must be a positive integer, not ${trials}`);
  const cents = open.map((deal) => deal.amount.times(100).toDecimalPlaces(0).toNumber());
  const { certain, groups } = probabilityGroups(cents, probabilities);
  const random = { state: seed >>> 0 };
  const totals = new Float64Array(trials);
  let sum = 0;
  for (let t = 0; t < trials; t++) {
    let total = certain;
    for (let g = 0; g < groups.length; g++) total += simulateGroup(groups[g]!, random);
    totals[t] = total;
    sum += total;
  }
  totals.sort();
  const money = (c: number) => wonToDate.plus(new Decimal(c).div(100)).toDecimalPlaces(CENT);
  return {
    expected: wonToDate.plus(new Decimal(sum).div(trials).div(100)).toDecimalPlaces(CENT),
    p10: money(nearestRank(totals, 0.1)),
    p50: money(nearestRank(totals, 0.5)),
    p90: money(nearestRank(totals, 0.9)),
    trials,
    seed,
  };
}

interface ProbabilityGroup {
  /** The group's deals in cents, shuffled in place from trial to trial (any order is as good). */
  cents: Float64Array;
  total: number;
  /** P(K ≤ k) of the binomial winner count K, from k = first. */
  cdf: Float64Array;
  first: number;
}

/** Deals by probability: those won for sure add up to `certain`, never-won ones are dropped. */
function probabilityGroups(cents: readonly number[], probabilities: readonly number[]) {
  let certain = 0;
  const byProbability = new Map<number, number[]>();
  cents.forEach((c, i) => {
    const p = probabilities[i]!;
    if (p >= 1) certain += c;
    else if (p > 0) {
      const members = byProbability.get(p);
      if (members) members.push(c);
      else byProbability.set(p, [c]);
    }
  });
  const groups: ProbabilityGroup[] = [...byProbability].map(([p, members]) => ({
    cents: Float64Array.from(members),
    total: members.reduce((s, c) => s + c, 0),
    ...binomialTable(members.length, p),
  }));
  return { certain, groups };
}

/**
 * The cumulative Binomial(n, p) distribution, built outward from the mode by the ratio
 * P(k + 1) ÷ P(k) = (n − k) ÷ (k + 1) × p ÷ (1 − p) and cut where the terms fall below 1e-300 of
 * the mode's (no float could tell them apart from 0).
 */
export function binomialTable(n: number, p: number): { cdf: Float64Array; first: number } {
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  const up: number[] = [];
  for (let k = mode, w = 1; k < n && w > 1e-300; k++) {
    w *= ((n - k) / (k + 1)) * odds;
    up.push(w);
  }
  const down: number[] = [];
  for (let k = mode, w = 1; k > 0 && w > 1e-300; k--) {
    w *= k / (n - k + 1) / odds;
    down.push(w);
  }
  const weights = [...down.reverse(), 1, ...up];
  const total = weights.reduce((s, w) => s + w, 0);
  const cdf = new Float64Array(weights.length);
  let running = 0;
  weights.forEach((w, i) => {
    running += w / total;
    cdf[i] = running;
  });
  cdf[weights.length - 1] = 1;
  return { cdf, first: mode - down.length };
}

/** One trial's winnings in the group: K from the table, then K (or the n − K losers) distinct deals. */
function simulateGroup(group: ProbabilityGroup, random: { state: number }): number {
  const { cents, cdf } = group;
  let state = random.state;
  // seededRandom's mulberry32, inlined: this loop runs ~10⁸ times for a large pipeline
  state = (state + 0x6d2b79f5) >>> 0;
  let x = Math.imul(state ^ (state >>> 15), state | 1);
  x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
  const u = ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  const won = group.first + lo;
  const n = cents.length;
  const picks = won <= n - won ? won : n - won;
  let picked = 0;
  for (let i = 0; i < picks; i++) {
    // i + ⌊u × (n − i)⌋ < n: a uniform pick among the deals not picked yet
    state = (state + 0x6d2b79f5) >>> 0;
    x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    const j = i + (((((x ^ (x >>> 14)) >>> 0) / 4294967296) * (n - i)) | 0);
    const c = cents[j]!;
    cents[j] = cents[i]!;
    cents[i] = c;
    picked += c;
  }
  random.state = state;
  return won <= n - won ? picked : group.total - picked;
}
