// attain forecast backtest (DESIGN §8 "Forecasts and backtests"): for each of the last `quarters`
// quarters that ended before `today`, forecast its won amount as of week N (start + 7 × (N − 1)
// days) with one method — or take the submitted calls as of then — and compare with the actual
// (close date inside the quarter, as known today). Ratios to 4 decimals, money to 2; a quarter
// whose actual is 0 shows error null and is left out of mape and bias; for the calls, a quarter
// without any call by its week N is not listed.
import type { Grain, Period } from '@attain/core/calendar/period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type PeriodOutcome, scoreForecasts } from '@attain/core/forecast/backtest.ts';
import type { Kysely } from 'kysely';
import { withHistoryPlanning } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import type { Visibility } from '../../visibility/visible-people.ts';
import { companyCall } from './company-call.ts';
import { asOfWeek, assertMethod, Forecaster, type ForecastOptions } from './run-forecast.ts';

export const BACKTEST_METHODS = [
  'stage-weighted',
  'conversion',
  'monte-carlo',
  'timeseries',
  'ensemble',
  'calls',
] as const;

export interface BacktestResult {
  method: string;
  week: number;
  periods: { period: string; forecast: string; actual: string; error: string | null }[];
  mape: string | null;
  bias: string | null;
}

export interface BacktestQuery extends ForecastOptions {
  method: string;
  week: number;
  quarters?: number | undefined;
  /** The day the replay is run on: the actuals are as known then. */
  today: string;
}

export function assertWeek(week: number): number {
  if (!Number.isInteger(week) || week < 1 || week > 14) {
    throw new AttainError('OPTION_INVALID', `--week is a week of a quarter, 1–14, not "${week}"`, {
      option: 'week',
      value: week,
    });
  }
  return week;
}

/** The last `count` quarters that ended before `today`, oldest first. */
export function pastQuarters(forecaster: Forecaster, today: string, count: number): (Period & { grain: Grain })[] {
  const quarters: (Period & { grain: Grain })[] = [];
  let quarter: Period = periodOf(forecaster.settings.fiscalCalendar, today, 'quarter');
  for (let k = 0; k < count; k++) {
    quarter = forecaster.previous(quarter, 'quarter');
    quarters.unshift({ ...quarter, grain: 'quarter' });
  }
  return quarters;
}

export async function runBacktest(
  db: Kysely<Database>,
  visibility: Visibility,
  query: BacktestQuery,
): Promise<BacktestResult> {
  const [result] = await runBacktests(db, visibility, { ...query, methods: [query.method] });
  return result!;
}

/**
 * Several methods replayed on one Forecaster, so what they share — each quarter's deals as of its
 * week, the closed history, the members an ensemble weighs — is loaded once (the web page's accuracy chart).
 */
export function runBacktests(
  db: Kysely<Database>,
  visibility: Visibility,
  query: Omit<BacktestQuery, 'method'> & { methods: readonly string[] },
): Promise<BacktestResult[]> {
  return withHistoryPlanning(db, (trx) => replay(trx, visibility, query));
}

async function replay(
  db: Kysely<Database>,
  visibility: Visibility,
  query: Omit<BacktestQuery, 'method'> & { methods: readonly string[] },
): Promise<BacktestResult[]> {
  for (const method of query.methods) if (method !== 'calls') assertMethod(method);
  const week = assertWeek(query.week);
  const count = query.quarters ?? 8;
  if (!Number.isInteger(count) || count < 1 || count > 40) {
    throw new AttainError('OPTION_INVALID', `--quarters is 1–40, not "${count}"`, { option: 'quarters', value: count });
  }
  const today = assertIsoDate(query.today, 'today');
  const forecaster = await Forecaster.open(db, visibility, query);
  const quarters = pastQuarters(forecaster, today, count);
  // Everything the replays read as of their dates, loaded in a few batched statements up front.
  const methods = query.methods.filter((m) => m !== 'calls').map(assertMethod);
  await forecaster.prepare(
    methods.flatMap((method) =>
      quarters.map((quarter) => ({ method, period: quarter, asOf: asOfWeek(quarter, week) })),
    ),
    query.methods.some((m) => m === 'calls' || forecaster.target(assertMethod(m)) === 'won')
      ? [{ periods: quarters, knownBy: today }]
      : [],
  );
  const results: BacktestResult[] = [];
  for (const name of query.methods) {
    const method = name === 'calls' ? undefined : assertMethod(name);
    const outcomes: PeriodOutcome[] = [];
    for (const quarter of quarters) {
      const asOf = asOfWeek(quarter, week);
      const target = method === undefined ? 'won' : forecaster.target(method);
      const forecast =
        method === undefined
          ? await companyCall(db, visibility, forecaster.settings.reportingCurrency, quarter.period, asOf)
          : (await forecaster.forecast(method, quarter, asOf)).expected;
      // A quarter nobody had called by its week N is not a forecast of 0: it is left out.
      if (forecast === null) continue;
      outcomes.push({ period: quarter.period, forecast, actual: await forecaster.actual(target, quarter, today) });
    }
    const accuracy = scoreForecasts(outcomes);
    results.push({
      method: name,
      week,
      periods: accuracy.periods.map((p) => ({
        period: p.period,
        forecast: p.forecast.toFixed(2),
        actual: p.actual.toFixed(2),
        error: p.error?.toFixed(4) ?? null,
      })),
      mape: accuracy.mape?.toFixed(4) ?? null,
      bias: accuracy.bias?.toFixed(4) ?? null,
    });
  }
  return results;
}
