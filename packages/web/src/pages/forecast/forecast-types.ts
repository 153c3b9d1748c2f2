// The forecast-model answers the page reads (docs/forecasting.md): GET /api/forecast/run,
// /api/forecast/backtest and /api/forecast/quota.
export const METHODS = ['stage-weighted', 'conversion', 'monte-carlo', 'timeseries', 'ensemble'] as const;
export type Method = (typeof METHODS)[number];

export const methodLabels: Record<Method | 'calls', string> = {
  'stage-weighted': 'Stage-weighted',
  conversion: 'Historical conversion',
  'monte-carlo': 'Monte Carlo',
  timeseries: 'Time series',
  ensemble: 'Ensemble',
  calls: 'Submitted calls',
};

export interface ForecastRun {
  method: Method;
  period: string;
  asOf: string;
  expected: string;
  p10: string | null;
  p50: string | null;
  p90: string | null;
  wonToDate: string;
  openPipeline: string;
  currency: string;
}

export interface Backtest {
  method: Method | 'calls';
  week: number;
  periods: { period: string; forecast: string; actual: string; error: string | null }[];
  mape: string | null;
  bias: string | null;
}

export interface PeriodQuota {
  period: string;
  quota: string | null;
  currency: string;
}
