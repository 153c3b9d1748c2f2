// Ensemble forecast (docs/forecasting.md): a weighted mean of the methods' expected amounts, each
// weighted by 1 ÷ its MAPE in backtests over periods strictly before the as-of period (at the same
// week), normalised to sum to 1. A method with a past MAPE of 0 takes all the weight (shared among
// such methods); a method without any scored past period gets no weight unless no method has one,
// when all weigh the same. The ensemble gives no distribution.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { ForecastOutput } from './forecast-inputs.ts';
import { CENT } from './forecast-inputs.ts';

export interface EnsembleMember {
  method: string;
  expected: Decimal;
  /** The method's MAPE over earlier periods; null when none could be scored. */
  pastMape: Decimal | null;
}

export function ensembleWeights(members: readonly EnsembleMember[]): Decimal[] {
  if (members.length === 0) return [];
  const scored = members.map((m) => m.pastMape !== null);
  if (!scored.some(Boolean)) return members.map(() => new Decimal(1).div(members.length));
  const perfect = members.map((m) => m.pastMape?.isZero() ?? false);
  if (perfect.some(Boolean)) {
    const n = perfect.filter(Boolean).length;
    return perfect.map((p) => (p ? new Decimal(1).div(n) : ZERO));
  }
  const inverse = members.map((m) => (m.pastMape === null ? ZERO : new Decimal(1).div(m.pastMape)));
  const total = inverse.reduce((s, x) => s.plus(x), ZERO);
  return inverse.map((x) => x.div(total));
}

export function ensemble(members: readonly EnsembleMember[]): ForecastOutput & { weights: Decimal[] } {
  const weights = ensembleWeights(members);
  const expected = members.reduce((s, m, i) => s.plus(m.expected.times(weights[i]!)), ZERO);
  return { expected: expected.toDecimalPlaces(CENT), p10: null, p50: null, p90: null, weights };
}
