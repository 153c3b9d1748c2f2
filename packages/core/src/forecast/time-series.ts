// Time-series forecast (docs/forecasting.md): additive Holt-Winters (ETS(A,A,A)) on a monthly
// series — run-rate revenue and usage from transactions, or won amounts — fitted on the complete
// months before the as-of date only. With two full seasons of history the model has seasonality;
// with 3+ points it is Holt's linear trend; with fewer, the mean. α, β, γ are chosen on a small grid
// by the one-step-ahead squared error. The period's expected total = its complete months already
// seen + the forecast for its other months (each floored at 0); the P10–P90 interval is
// expected ∓ 1.2816 × σ × √k, σ the one-step residuals' root mean square and k the months forecast.
import { Decimal } from '../money/decimal.ts';
import type { ForecastOutput } from './forecast-inputs.ts';
import { CENT } from './forecast-inputs.ts';

export interface Fit {
  kind: 'holt-winters' | 'holt' | 'mean' | 'none';
  alpha: number;
  beta: number;
  gamma: number;
  /** Forecasts for 1..horizon steps after the last value. */
  forecasts: number[];
  /** Root mean square of the one-step-ahead residuals (0 when there are none). */
  sigma: number;
}

const ALPHAS = [0.1, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0.01, 0.1, 0.3];
const GAMMAS = [0.05, 0.2, 0.5];

function runHoltWinters(values: readonly number[], season: number, a: number, b: number, g: number, horizon: number) {
  const first = values.slice(0, season);
  const second = values.slice(season, 2 * season);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  let level = mean(first);
  let trend = (mean(second) - mean(first)) / season;
  const seasonal = first.map((x) => x - level);
  let sse = 0;
  let n = 0;
  for (let t = season; t < values.length; t++) {
    const s = seasonal[t % season]!;
    const predicted = level + trend + s;
    const error = values[t]! - predicted;
    sse += error * error;
    n += 1;
    const previousLevel = level;
    level = a * (values[t]! - s) + (1 - a) * (level + trend);
    trend = b * (level - previousLevel) + (1 - b) * trend;
    seasonal[t % season] = g * (values[t]! - level) + (1 - g) * s;
  }
  const forecasts = Array.from(
    { length: horizon },
    (_, h) => level + (h + 1) * trend + seasonal[(values.length + h) % season]!,
  );
  return { sse, n, forecasts };
}

function runHolt(values: readonly number[], a: number, b: number, horizon: number) {
  let level = values[0]!;
  let trend = values[1]! - values[0]!;
  let sse = 0;
  let n = 0;
  for (let t = 1; t < values.length; t++) {
    const error = values[t]! - (level + trend);
    sse += error * error;
    n += 1;
    const previousLevel = level;
    level = a * values[t]! + (1 - a) * (level + trend);
    trend = b * (level - previousLevel) + (1 - b) * trend;
  }
  return { sse, n, forecasts: Array.from({ length: horizon }, (_, h) => level + (h + 1) * trend) };
}

/** Fits the series (oldest first) and forecasts `horizon` steps on. */
export function fitSeries(values: readonly number[], season: number, horizon: number): Fit {
  if (values.length === 0)
    return { kind: 'none', alpha: 0, beta: 0, gamma: 0, forecasts: Array(horizon).fill(0), sigma: 0 };
  if (values.length < 3) {
    const mean = values.reduce((s, x) => s + x, 0) / values.length;
    const sigma = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / values.length);
    return { kind: 'mean', alpha: 0, beta: 0, gamma: 0, forecasts: Array(horizon).fill(mean), sigma };
  }
  const seasonal = season >= 2 && values.length >= 2 * season;
  let best: Fit | undefined;
  let bestSse = Number.POSITIVE_INFINITY;
  for (const a of ALPHAS) {
    for (const b of BETAS) {
      for (const g of seasonal ? GAMMAS : [0]) {
        const run = seasonal ? runHoltWinters(values, season, a, b, g, horizon) : runHolt(values, a, b, horizon);
        if (run.sse < bestSse) {
          bestSse = run.sse;
          const sigma = run.n > 0 ? Math.sqrt(run.sse / run.n) : 0;
          best = {
            kind: seasonal ? 'holt-winters' : 'holt',
            alpha: a,
            beta: b,
            gamma: g,
            forecasts: run.forecasts,
            sigma,
          };
        }
      }
    }
  }
  return best!;
}

const Z90 = 1.2815515655446004;

/**
 * The period's expected total: `seen` (its complete months before the as-of date) plus the fitted
 * forecast of its `ahead` later months, which start `gap` months after the last fitted month
 * (gap 0 = the month right after it).
 */
export function timeSeriesForecast(
  history: readonly Decimal[],
  seen: Decimal,
  ahead: number,
  options: { season?: number; gap?: number } = {},
): ForecastOutput & { fit: Fit } {
  const gap = options.gap ?? 0;
  const fit = fitSeries(
    history.map((v) => v.toNumber()),
    options.season ?? 12,
    gap + ahead,
  );
  const forecast = fit.forecasts.slice(gap).reduce((s, x) => s + Math.max(0, x), 0);
  const expected = seen.plus(new Decimal(forecast.toFixed(2)));
  const spread = new Decimal((Z90 * fit.sigma * Math.sqrt(ahead)).toFixed(2));
  const floor = (d: Decimal) => Decimal.max(seen, d).toDecimalPlaces(CENT);
  return {
    expected: expected.toDecimalPlaces(CENT),
    p10: floor(expected.minus(spread)),
    p50: expected.toDecimalPlaces(CENT),
    p90: expected.plus(spread).toDecimalPlaces(CENT),
    fit,
  };
}
