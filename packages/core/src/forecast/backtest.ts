// Forecast accuracy (DESIGN §8 "Forecasts and backtests"): per period the signed relative error
// (forecast − actual) ÷ actual; overall MAPE = mean |forecast − actual| ÷ actual and bias = mean
// (forecast − actual) ÷ actual. A period whose actual is 0 has no relative error: it is listed with
// error null and left out of both means (docs/forecasting.md says so); with no period left, both
// are null.
import { type Decimal, ZERO } from '../money/decimal.ts';

export interface PeriodOutcome {
  period: string;
  forecast: Decimal;
  actual: Decimal;
}

export interface ScoredPeriod extends PeriodOutcome {
  /** (forecast − actual) ÷ actual, full precision; null when the actual is 0. */
  error: Decimal | null;
}

export interface Accuracy {
  periods: ScoredPeriod[];
  mape: Decimal | null;
  bias: Decimal | null;
  /** How many periods had an actual of 0 and were left out of the means. */
  excluded: number;
}

export function scoreForecasts(outcomes: readonly PeriodOutcome[]): Accuracy {
  const periods = outcomes.map((o) => ({
    ...o,
    error: o.actual.isZero() ? null : o.forecast.minus(o.actual).div(o.actual),
  }));
  const errors = periods.flatMap((p) => (p.error === null ? [] : [p.error]));
  if (errors.length === 0) return { periods, mape: null, bias: null, excluded: periods.length };
  const n = errors.length;
  return {
    periods,
    mape: errors.reduce((s, e) => s.plus(e.abs()), ZERO).div(n),
    bias: errors.reduce((s, e) => s.plus(e), ZERO).div(n),
    excluded: periods.length - n,
  };
}
