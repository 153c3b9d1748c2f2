// Monte Carlo forecast (docs/forecasting.md): in each of N trials every open deal is won, whole,
// with its probability (independently), and the trial's total is won-to-date plus the deals won.
// The PRNG is seeded (mulberry32), so the same seed and inputs give the same P10/P50/P90 and mean.
// Amounts are simulated as integer cents — exact in a JS number below 2^53 cents (≈ 90 trillion) —
// and come back as decimals; a percentile is the nearest-rank trial total.
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
export function nearestRank(sorted: readonly number[], q: number): number {
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
  const random = seededRandom(seed);
  const totals = new Array<number>(trials);
  let sum = 0;
  for (let t = 0; t < trials; t++) {
    let total = 0;
    for (let i = 0; i < cents.length; i++) {
      if (random() < probabilities[i]!) total += cents[i]!;
    }
    totals[t] = total;
    sum += total;
  }
  totals.sort((a, b) => a - b);
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
