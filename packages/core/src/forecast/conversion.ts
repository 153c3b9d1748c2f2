// Historical conversion forecast (docs/forecasting.md). From deals whose ending the as-of date
// already knew, learn per stage and age bucket how often an open deal was won inside the period its
// close date was in (win rate) and how often it closed only after that period (slip rate); then
// expected won = won-to-date + Σ open amount × P(win in period | stage, age bucket).
// A bucket with fewer than MIN_OBSERVATIONS falls back to the stage, then to all history, then to
// the deal's own snapshot probability.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { ClosedObservation, ForecastOutput, OpenDeal } from './forecast-inputs.ts';
import { CENT } from './forecast-inputs.ts';

export const AGE_BUCKETS = [
  { label: '0-30', maxDays: 30 },
  { label: '31-90', maxDays: 90 },
  { label: '91-180', maxDays: 180 },
  { label: '181+', maxDays: Number.POSITIVE_INFINITY },
] as const;
export const MIN_OBSERVATIONS = 5;

export function ageBucket(ageDays: number): string {
  return AGE_BUCKETS.find((b) => ageDays <= b.maxDays)!.label;
}

export interface ConversionRate {
  stage: string;
  ageBucket: string;
  observations: number;
  /** won in period ÷ observations */
  winRate: number;
  /** closed after the period ÷ observations */
  slipRate: number;
}

interface Tally {
  n: number;
  won: number;
  slipped: number;
}

const STAGE_NONE = '(none)';
const key = (stage: string | null, bucket: string) => `${stage ?? STAGE_NONE}\u0000${bucket}`;

export interface ConversionModel {
  rates: ConversionRate[];
  /** P(win in period) for one open deal, 0–1, and where it came from. */
  winProbability(deal: OpenDeal): { probability: number; from: 'bucket' | 'stage' | 'all' | 'snapshot' };
}

export function learnConversion(history: readonly ClosedObservation[]): ConversionModel {
  const byBucket = new Map<string, Tally>();
  const byStage = new Map<string, Tally>();
  const all: Tally = { n: 0, won: 0, slipped: 0 };
  const add = (map: Map<string, Tally>, k: string, o: ClosedObservation) => {
    const t = map.get(k) ?? { n: 0, won: 0, slipped: 0 };
    count(t, o);
    map.set(k, t);
  };
  for (const o of history) {
    add(byBucket, key(o.stage, ageBucket(o.ageDays)), o);
    add(byStage, o.stage ?? STAGE_NONE, o);
    count(all, o);
  }
  const rates = [...byBucket.entries()]
    .map(([k, t]) => {
      const [stage, bucket] = k.split('\u0000') as [string, string];
      return { stage, ageBucket: bucket, observations: t.n, winRate: t.won / t.n, slipRate: t.slipped / t.n };
    })
    .sort((a, b) => a.stage.localeCompare(b.stage) || bucketIndex(a.ageBucket) - bucketIndex(b.ageBucket));
  return {
    rates,
    winProbability(deal) {
      const bucket = byBucket.get(key(deal.stage, ageBucket(deal.ageDays)));
      if (bucket && bucket.n >= MIN_OBSERVATIONS) return { probability: bucket.won / bucket.n, from: 'bucket' };
      const stage = byStage.get(deal.stage ?? STAGE_NONE);
      if (stage && stage.n >= MIN_OBSERVATIONS) return { probability: stage.won / stage.n, from: 'stage' };
      if (all.n >= MIN_OBSERVATIONS) return { probability: all.won / all.n, from: 'all' };
      return { probability: (deal.probability ?? ZERO).div(100).toNumber(), from: 'snapshot' };
    },
  };
}

function count(t: Tally, o: ClosedObservation): void {
  const n = o.count ?? 1;
  t.n += n;
  if (o.outcome === 'won') t.won += n;
  if (o.outcome === 'slipped') t.slipped += n;
}

const bucketIndex = (label: string) => AGE_BUCKETS.findIndex((b) => b.label === label);

/** The rate as an exact decimal: won ÷ n is a ratio of counts, so it is kept to 12 places. */
const asDecimal = (p: number) => new Decimal(p.toFixed(12));

export function conversionForecast(
  wonToDate: Decimal,
  open: readonly OpenDeal[],
  history: readonly ClosedObservation[],
): ForecastOutput & { probabilities: number[] } {
  const model = learnConversion(history);
  const probabilities = open.map((deal) => model.winProbability(deal).probability);
  const expected = open.reduce((sum, deal, i) => sum.plus(deal.amount.times(asDecimal(probabilities[i]!))), ZERO);
  return {
    expected: wonToDate.plus(expected).toDecimalPlaces(CENT),
    p10: null,
    p50: null,
    p90: null,
    probabilities,
  };
}
