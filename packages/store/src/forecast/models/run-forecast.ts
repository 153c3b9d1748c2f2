// attain forecast run (docs/forecasting.md): one method's expected won amount for a period as of a
// date, with P10/P50/P90 where the method has a distribution. A Forecaster caches what it loaded
// per (period, as-of date), so a backtest or an ensemble replaying many dates reads each once.
// No look-ahead: every figure is computed from load-forecast-inputs.ts as of the as-of date only.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { Grain, Period } from '@attain/core/calendar/period.ts';
import { periodOf, periodsBetween } from '@attain/core/calendar/period-of.ts';
import { addDays, assertIsoDate, daysBetween } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { scoreForecasts } from '@attain/core/forecast/backtest.ts';
import { conversionForecast } from '@attain/core/forecast/conversion.ts';
import { ensemble } from '@attain/core/forecast/ensemble.ts';
import type { ForecastOutput } from '@attain/core/forecast/forecast-inputs.ts';
import { monteCarlo } from '@attain/core/forecast/monte-carlo.ts';
import { type StageProbabilities, stageWeighted } from '@attain/core/forecast/stage-weighted.ts';
import { timeSeriesForecast } from '@attain/core/forecast/time-series.ts';
import { type Decimal, ZERO } from '@attain/core/money/decimal.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema.ts';
import { readSettings, type WorkspaceSettings } from '../../settings/workspace-settings.ts';
import type { Visibility } from '../../visibility/visible-people.ts';
import {
  type DealInputs,
  loadActualRunRate,
  loadActualWon,
  loadClosedHistory,
  loadDealInputs,
  loadMonthlySeries,
  type SeriesKind,
} from './load-forecast-inputs.ts';

export const FORECAST_METHODS = ['stage-weighted', 'conversion', 'monte-carlo', 'timeseries', 'ensemble'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
/** The methods the ensemble combines; its time series is fitted on won amounts, the same target. */
export const ENSEMBLE_MEMBERS = ['stage-weighted', 'conversion', 'monte-carlo', 'timeseries'] as const;
/** How many earlier periods the ensemble scores each method on. */
export const ENSEMBLE_LOOKBACK = 8;

export interface ForecastOptions {
  seed?: number | undefined;
  trials?: number | undefined;
  stageProbabilities?: StageProbabilities | undefined;
  /** What the time series is fitted on: run-rate revenue + usage (default) or won amounts. */
  series?: SeriesKind | undefined;
}

export interface ForecastRun {
  method: ForecastMethod;
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

export function assertMethod(method: string): ForecastMethod {
  if (!FORECAST_METHODS.includes(method as ForecastMethod)) {
    throw new AttainError('OPTION_INVALID', `--method is one of ${FORECAST_METHODS.join(', ')}, not "${method}"`, {
      option: 'method',
      value: method,
    });
  }
  return method as ForecastMethod;
}

/** Week N of a period: N = 1 + whole weeks from its start to the date (DESIGN §8). */
export const weekOf = (period: Period, asOf: string) => Math.floor(daysBetween(period.start, asOf) / 7) + 1;
/** The as-of date of week N of a period: start + 7 × (N − 1) days (DESIGN §8). */
export const asOfWeek = (period: Period, week: number) => addDays(period.start, 7 * (week - 1));

export class Forecaster {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(
    readonly db: Kysely<Database>,
    readonly visibility: Visibility,
    readonly settings: WorkspaceSettings,
    readonly options: ForecastOptions = {},
  ) {}

  static async open(db: Kysely<Database>, visibility: Visibility, options: ForecastOptions = {}) {
    return new Forecaster(db, visibility, await readSettings(db), options);
  }

  period(label: string): Period & { grain: Grain } {
    return parsePeriod(this.settings.fiscalCalendar, label);
  }

  previous(period: Period, grain: Grain): Period {
    return periodOf(this.settings.fiscalCalendar, addDays(period.start, -1), grain);
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.cache.set(key, hit);
    }
    return hit;
  }

  deals(period: Period, asOf: string): Promise<DealInputs> {
    return this.once(`deals|${period.period}|${asOf}`, () =>
      loadDealInputs(this.db, this.visibility, this.settings.reportingCurrency, period, asOf),
    );
  }

  actual(kind: SeriesKind, period: Period, knownBy: string): Promise<Decimal> {
    if (kind === 'won') return this.actualsWon([period], knownBy).then((m) => m.get(period.period)!);
    return this.once(`actual|${kind}|${period.period}|${knownBy}`, () =>
      loadActualRunRate(this.db, this.visibility, this.settings.reportingCurrency, period, knownBy),
    );
  }

  /** Several periods' won amounts as known on one day, in one query (cached per period and day). */
  async actualsWon(periods: readonly Period[], knownBy: string): Promise<Map<string, Decimal>> {
    const key = (p: Period) => `actual|won|${p.period}|${knownBy}`;
    const missing = periods.filter((p) => !this.cache.has(key(p)));
    if (missing.length > 0) {
      const loading = loadActualWon(this.db, this.visibility, this.settings.reportingCurrency, missing, knownBy);
      for (const p of missing)
        this.cache.set(
          key(p),
          loading.then((m) => m.get(p.period)!),
        );
    }
    const result = new Map<string, Decimal>();
    for (const p of periods) result.set(p.period, await (this.cache.get(key(p)) as Promise<Decimal>));
    return result;
  }

  /** The target a method forecasts: the time series on run-rate forecasts run-rate, all else won. */
  target(method: ForecastMethod): SeriesKind {
    return method === 'timeseries' ? (this.options.series ?? 'run-rate') : 'won';
  }

  forecast(method: ForecastMethod, period: Period & { grain: Grain }, asOf: string, series?: SeriesKind) {
    const kind = series ?? this.target(method);
    return this.once(`forecast|${method}|${kind}|${period.period}|${asOf}`, () =>
      this.compute(method, period, asOf, kind),
    );
  }

  private async compute(
    method: ForecastMethod,
    period: Period & { grain: Grain },
    asOf: string,
    series: SeriesKind,
  ): Promise<ForecastOutput> {
    const deals = await this.deals(period, asOf);
    const history = () =>
      this.once(`history|${period.grain}|${asOf}`, () =>
        loadClosedHistory(this.db, this.visibility, this.settings.fiscalCalendar, period.grain, asOf),
      );
    switch (method) {
      case 'stage-weighted':
        return stageWeighted(deals.wonToDate, deals.open, this.options.stageProbabilities);
      case 'conversion':
        return conversionForecast(deals.wonToDate, deals.open, await history());
      case 'monte-carlo': {
        const { probabilities } = conversionForecast(deals.wonToDate, deals.open, await history());
        return monteCarlo(deals.wonToDate, deals.open, probabilities, {
          seed: this.options.seed,
          trials: this.options.trials,
        });
      }
      case 'timeseries':
        return this.timeSeries(period, asOf, series);
      case 'ensemble':
        return this.ensemble(period, asOf);
    }
  }

  private async timeSeries(period: Period, asOf: string, kind: SeriesKind): Promise<ForecastOutput> {
    const calendar = this.settings.fiscalCalendar;
    const series = await this.once(`series|${kind}|${asOf}`, () =>
      loadMonthlySeries(this.db, this.visibility, this.settings.reportingCurrency, calendar, kind, asOf),
    );
    const months = periodsBetween(calendar, 'month', period.start, period.end);
    // The period's months wholly before the as-of date are seen (the series holds them); the rest are forecast.
    const ahead = months.filter((m) => m.end >= asOf);
    let seen = ZERO;
    for (const [i, month] of series.months.entries()) {
      if (month.start >= period.start && month.end <= period.end) seen = seen.plus(series.values[i]!);
    }
    const last = series.months.at(-1);
    const gap =
      last && ahead.length > 0
        ? periodsBetween(calendar, 'month', addDays(last.end, 1), ahead[0]!.start).length - 1
        : 0;
    return timeSeriesForecast(series.values, seen.toDecimalPlaces(2), ahead.length, { season: 12, gap });
  }

  /**
   * Each member's MAPE over the ENSEMBLE_LOOKBACK periods before this one, each forecast as of the
   * same week of its period and scored against its actual as known on the as-of date (no look-ahead).
   */
  async pastMape(method: ForecastMethod, period: Period & { grain: Grain }, asOf: string, series: SeriesKind) {
    const week = weekOf(period, asOf);
    const earlier: Period[] = [];
    let previous: Period = period;
    for (let k = 0; k < ENSEMBLE_LOOKBACK; k++) {
      previous = this.previous(previous, period.grain);
      if (previous.end < asOf && asOfWeek(previous, week) <= asOf) earlier.push(previous);
    }
    if (series === 'won') await this.actualsWon(earlier, asOf);
    const outcomes = [];
    for (const past of earlier) {
      const forecast = await this.forecast(method, { ...past, grain: period.grain }, asOfWeek(past, week), series);
      outcomes.push({
        period: past.period,
        forecast: forecast.expected,
        actual: await this.actual(series, past, asOf),
      });
    }
    return scoreForecasts(outcomes).mape;
  }

  private async ensemble(period: Period & { grain: Grain }, asOf: string): Promise<ForecastOutput> {
    const members = [];
    for (const method of ENSEMBLE_MEMBERS) {
      members.push({
        method,
        expected: (await this.forecast(method, period, asOf, 'won')).expected,
        pastMape: await this.pastMape(method, period, asOf, 'won'),
      });
    }
    return ensemble(members);
  }
}

const money = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

export async function runForecast(
  db: Kysely<Database>,
  visibility: Visibility,
  query: { period?: string | undefined; asOf: string; method: string } & ForecastOptions,
): Promise<ForecastRun> {
  const [result] = await runForecasts(db, visibility, { ...query, methods: [query.method] });
  return result!;
}

/** Several methods on one Forecaster, sharing what they load (the web page's bands). */
export async function runForecasts(
  db: Kysely<Database>,
  visibility: Visibility,
  query: { period?: string | undefined; asOf: string; methods: readonly string[] } & ForecastOptions,
): Promise<ForecastRun[]> {
  const methods = query.methods.map(assertMethod);
  const asOf = assertIsoDate(query.asOf, 'asOf');
  const forecaster = await Forecaster.open(db, visibility, query);
  const period =
    query.period === undefined
      ? { ...periodOf(forecaster.settings.fiscalCalendar, asOf, 'quarter'), grain: 'quarter' as const }
      : forecaster.period(query.period);
  const deals = await forecaster.deals(period, asOf);
  const runs: ForecastRun[] = [];
  for (const method of methods) {
    const result = await forecaster.forecast(method, period, asOf);
    runs.push({
      method,
      period: period.period,
      asOf,
      expected: result.expected.toFixed(2),
      p10: money(result.p10),
      p50: money(result.p50),
      p90: money(result.p90),
      wonToDate: deals.wonToDate.toFixed(2),
      openPipeline: deals.openPipeline.toFixed(2),
      currency: forecaster.settings.reportingCurrency,
    });
  }
  return runs;
}
