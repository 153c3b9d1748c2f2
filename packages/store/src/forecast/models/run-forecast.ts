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
import type { ClosedObservation, ForecastOutput } from '@attain/core/forecast/forecast-inputs.ts';
import { monteCarlo } from '@attain/core/forecast/monte-carlo.ts';
import { type StageProbabilities, stageWeighted } from '@attain/core/forecast/stage-weighted.ts';
import { timeSeriesForecast } from '@attain/core/forecast/time-series.ts';
import { type Decimal, ZERO } from '@attain/core/money/decimal.ts';
import type { Kysely } from 'kysely';
import { withHistoryPlanning } from '../../pipeline/snapshot-state.ts';
import type { Database } from '../../schema.ts';
import { readSettings, type WorkspaceSettings } from '../../settings/workspace-settings.ts';
import type { Visibility } from '../../visibility/visible-people.ts';
import { loadClosedHistories } from './closed-history.ts';
import {
  actualWon,
  actualWonRequest,
  type DealInputs,
  loadActualRunRate,
  loadDealInputs,
  loadMonthlySeries,
  monthlySeries,
  type SeriesKind,
  seriesMonths,
  wonSeriesRequest,
} from './load-forecast-inputs.ts';
import { loadWonByDay, type WonRequest } from './won-by-day.ts';

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
    await this.prepare([], [{ periods, knownBy }]);
    const result = new Map<string, Decimal>();
    for (const p of periods) result.set(p.period, await (this.cache.get(actualKey(p, knownBy)) as Promise<Decimal>));
    return result;
  }

  /**
   * Loads in a few statements what these forecasts and won actuals will read as of all their dates
   * — closed histories, won series and actuals (closed-states.ts) — and caches it, so a backtest
   * does not read them date by date. What is cached already is not loaded again.
   */
  async prepare(
    forecasts: readonly {
      method: ForecastMethod;
      period: Period & { grain: Grain };
      asOf: string;
      series?: SeriesKind;
    }[],
    actuals: readonly { periods: readonly Period[]; knownBy: string }[] = [],
  ): Promise<void> {
    const needs: Needs = { history: new Map(), series: new Set(), actuals: [...actuals] };
    for (const f of forecasts) this.collect(needs, f.method, f.period, f.asOf, f.series ?? this.target(f.method));
    const calendar = this.settings.fiscalCalendar;
    const loads: Promise<unknown>[] = [];
    for (const [grain, dates] of needs.history) {
      const missing = [...dates].filter((d) => !this.cache.has(`history|${grain}|${d}`));
      if (missing.length === 0) continue;
      const loading = loadClosedHistories(this.db, this.visibility, calendar, grain, missing);
      for (const d of missing) this.cache.set(`history|${grain}|${d}`, quiet(loading.then((m) => m.get(d)!)));
      loads.push(loading);
    }
    // won series and won actuals: one statement for every date
    const requests: WonRequest[] = [];
    const settle: ((byDay: Map<string, Decimal>) => void)[] = [];
    const fail: ((error: unknown) => void)[] = [];
    for (const asOf of needs.series) {
      const key = `series|won|${asOf}`;
      if (this.cache.has(key)) continue;
      const months = seriesMonths(calendar, asOf);
      if (months.length === 0) {
        this.cache.set(key, Promise.resolve({ months, values: [] }));
        continue;
      }
      const series = deferred<ReturnType<typeof monthlySeries>>();
      this.cache.set(key, series.promise);
      requests.push(wonSeriesRequest(months, asOf));
      settle.push((byDay) => series.resolve(monthlySeries(months, byDay)));
      fail.push(series.reject);
    }
    for (const { periods, knownBy } of needs.actuals) {
      const missing = periods.filter((p) => !this.cache.has(actualKey(p, knownBy)));
      if (missing.length === 0) continue;
      const pending = missing.map((p) => {
        const d = deferred<Decimal>();
        this.cache.set(actualKey(p, knownBy), d.promise);
        return d;
      });
      requests.push(actualWonRequest(missing, knownBy));
      for (const d of pending) fail.push(d.reject);
      settle.push((byDay) => {
        const sums = actualWon(missing, byDay);
        for (const [i, p] of missing.entries()) pending[i]!.resolve(sums.get(p.period)!);
      });
    }
    if (requests.length > 0) {
      const loading = loadWonByDay(this.db, this.visibility, this.settings.reportingCurrency, requests);
      loads.push(
        loading.then(
          (days) => {
            for (const [i, byDay] of days.entries()) settle[i]!(byDay);
          },
          (error: unknown) => {
            for (const reject of fail) reject(error);
            throw error;
          },
        ),
      );
    }
    await Promise.all(loads);
  }

  /** What a forecast of `method` reads besides the period's deals, recursively for the ensemble. */
  private collect(
    needs: Needs,
    method: ForecastMethod,
    period: Period & { grain: Grain },
    asOf: string,
    kind: SeriesKind,
  ) {
    switch (method) {
      case 'stage-weighted':
        return;
      case 'conversion':
      case 'monte-carlo': {
        const dates = needs.history.get(period.grain) ?? new Set<string>();
        needs.history.set(period.grain, dates.add(asOf));
        return;
      }
      case 'timeseries':
        if (kind === 'won') needs.series.add(asOf);
        return;
      case 'ensemble': {
        const earlier = this.earlierPeriods(period, asOf);
        needs.actuals.push({ periods: earlier, knownBy: asOf });
        const week = weekOf(period, asOf);
        for (const member of ENSEMBLE_MEMBERS) {
          this.collect(needs, member, period, asOf, 'won');
          for (const past of earlier)
            this.collect(needs, member, { ...past, grain: period.grain }, asOfWeek(past, week), 'won');
        }
      }
    }
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
    const history = async () => {
      await this.prepare([{ method, period, asOf }]);
      return this.cache.get(`history|${period.grain}|${asOf}`) as Promise<ClosedObservation[]>;
    };
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
    if (kind === 'won')
      await this.prepare([{ method: 'timeseries', period: { ...period, grain: 'month' }, asOf, series: kind }]);
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
    const earlier = this.earlierPeriods(period, asOf);
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

  /** The ENSEMBLE_LOOKBACK periods before this one that had ended, and reached the same week, by the as-of date. */
  private earlierPeriods(period: Period & { grain: Grain }, asOf: string): Period[] {
    const week = weekOf(period, asOf);
    const earlier: Period[] = [];
    let previous: Period = period;
    for (let k = 0; k < ENSEMBLE_LOOKBACK; k++) {
      previous = this.previous(previous, period.grain);
      if (previous.end < asOf && asOfWeek(previous, week) <= asOf) earlier.push(previous);
    }
    return earlier;
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

interface Needs {
  history: Map<Grain, Set<string>>;
  series: Set<string>;
  actuals: { periods: readonly Period[]; knownBy: string }[];
}

const actualKey = (p: Period, knownBy: string) => `actual|won|${p.period}|${knownBy}`;

/** A promise settled later, from a batch; its rejection is also thrown to whoever ran the batch. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = quiet(
    new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    }),
  );
  return { promise, resolve, reject };
}

/** A cached promise nobody may await: a rejection is reported by the batch, not as unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
export function runForecasts(
  db: Kysely<Database>,
  visibility: Visibility,
  query: { period?: string | undefined; asOf: string; methods: readonly string[] } & ForecastOptions,
): Promise<ForecastRun[]> {
  return withHistoryPlanning(db, (trx) => forecastRuns(trx, visibility, query));
}

async function forecastRuns(
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
  await forecaster.prepare(methods.map((method) => ({ method, period, asOf })));
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
