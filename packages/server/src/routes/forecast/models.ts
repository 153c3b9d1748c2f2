// Forecast models (issue 6, docs/forecasting.md): GET /api/forecast/run, /api/forecast/backtest
// (the same shapes as `attain forecast run|backtest --format json`); for the web page, every method
// at once on one shared load — /api/forecast/runs (time series on won amounts) and
// /api/forecast/accuracy (the methods and the calls) — and /api/forecast/quota for the gap. Each answers for the caller's deals only — a rep their own, a
// manager the org subtree as of today, ops and admin everything; finance 403 (pipeline-access.ts).
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { periodQuota } from '@attain/store/forecast/models/period-quota.ts';
import { BACKTEST_METHODS, runBacktest, runBacktests } from '@attain/store/forecast/models/run-backtest.ts';
import { FORECAST_METHODS, runForecast, runForecasts, weekOf } from '@attain/store/forecast/models/run-forecast.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { pipelineVisibility } from '../pipeline/pipeline-access.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';

const Ratio = z.string().nullable().openapi({ example: '0.0812', description: 'a decimal string, 4 places' });

const ForecastRun = z
  .object({
    method: z.enum(FORECAST_METHODS),
    period: z.string(),
    asOf: IsoDate,
    expected: Money,
    p10: Money.nullable(),
    p50: Money.nullable(),
    p90: Money.nullable(),
    wonToDate: Money,
    openPipeline: Money,
    currency: z.string(),
  })
  .openapi('ForecastRun');

const Backtest = z
  .object({
    method: z.string(),
    week: z.number().int(),
    periods: z.array(z.object({ period: z.string(), forecast: Money, actual: Money, error: Ratio })),
    mape: Ratio,
    bias: Ratio,
  })
  .openapi('ForecastBacktest');

const integer = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new AttainError('OPTION_INVALID', `${name} is a whole number, not "${value}"`, { [name]: value });
  return Number(value);
};

const runRoute = createRoute({
  method: 'get',
  path: '/api/forecast/run',
  summary: "A method's expected won amount for a period as of a date, with P10/P50/P90 where it has them",
  request: {
    query: z.object({
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default the quarter holding asOf' }),
      asOf: IsoDate.optional().openapi({ description: 'default today' }),
      method: z.enum(FORECAST_METHODS),
      seed: z.string().optional(),
      series: z.enum(['run-rate', 'won']).optional(),
    }),
  },
  responses: {
    200: { description: 'the forecast', content: { 'application/json': { schema: ForecastRun } } },
    ...errorResponses,
  },
});

const backtestRoute = createRoute({
  method: 'get',
  path: '/api/forecast/backtest',
  summary: 'Replay past quarters as of week N: forecast, actual, error, MAPE and bias (DESIGN §8)',
  request: {
    query: z.object({
      method: z.enum(BACKTEST_METHODS),
      week: z.string().optional().openapi({ example: '4', description: "default today's week of its quarter" }),
      quarters: z.string().optional().openapi({ example: '8' }),
      seed: z.string().optional(),
      series: z.enum(['run-rate', 'won']).optional(),
    }),
  },
  responses: {
    200: { description: 'the backtest', content: { 'application/json': { schema: Backtest } } },
    ...errorResponses,
  },
});

const runsRoute = createRoute({
  method: 'get',
  path: '/api/forecast/runs',
  summary: 'Every method for a period as of a date, the time series fitted on won amounts',
  request: {
    query: z.object({
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default the quarter holding asOf' }),
      asOf: IsoDate.optional().openapi({ description: 'default today' }),
    }),
  },
  responses: {
    200: {
      description: 'one run per method',
      content: { 'application/json': { schema: z.object({ runs: z.array(ForecastRun) }).openapi('ForecastRuns') } },
    },
    ...errorResponses,
  },
});

const accuracyRoute = createRoute({
  method: 'get',
  path: '/api/forecast/accuracy',
  summary: 'The backtest of every method and of the submitted calls, the time series on won amounts',
  request: {
    query: z.object({
      week: z.string().optional().openapi({ example: '4', description: "default today's week of its quarter" }),
      quarters: z.string().optional().openapi({ example: '8' }),
    }),
  },
  responses: {
    200: {
      description: 'one backtest per method, then the calls',
      content: {
        'application/json': { schema: z.object({ backtests: z.array(Backtest) }).openapi('ForecastAccuracy') },
      },
    },
    ...errorResponses,
  },
});

const quotaRoute = createRoute({
  method: 'get',
  path: '/api/forecast/quota',
  summary: "The period's bookings quota of the highest quota holders the caller may see",
  request: { query: z.object({ period: z.string().openapi({ example: '2026-Q3' }) }) },
  responses: {
    200: {
      description: 'the quota',
      content: {
        'application/json': {
          schema: z
            .object({ period: z.string(), quota: Money.nullable(), currency: z.string() })
            .openapi('ForecastQuota'),
        },
      },
    },
    ...errorResponses,
  },
});

async function currentWeek(db: Parameters<typeof readSettings>[0], today: string): Promise<number> {
  const { fiscalCalendar } = await readSettings(db);
  return weekOf(periodOf(fiscalCalendar, today, 'quarter'), today);
}

export function registerForecastModels(app: OpenAPIHono<AppEnv>): void {
  app.openapi(runRoute, async (c) => {
    const visibility = await pipelineVisibility(c);
    const q = c.req.valid('query');
    const result = await runForecast(c.var.store.db, visibility, {
      period: q.period,
      asOf: q.asOf === undefined ? c.var.today : assertIsoDate(q.asOf, 'asOf'),
      method: q.method,
      seed: integer(q.seed, 'seed'),
      series: q.series,
    });
    return c.json(result, 200);
  });
  app.openapi(backtestRoute, async (c) => {
    const visibility = await pipelineVisibility(c);
    const q = c.req.valid('query');
    const result = await runBacktest(c.var.store.db, visibility, {
      method: q.method,
      week: integer(q.week, 'week') ?? (await currentWeek(c.var.store.db, c.var.today)),
      quarters: integer(q.quarters, 'quarters'),
      today: c.var.today,
      seed: integer(q.seed, 'seed'),
      series: q.series,
    });
    return c.json(result, 200);
  });
  app.openapi(runsRoute, async (c) => {
    const visibility = await pipelineVisibility(c);
    const q = c.req.valid('query');
    const runs = await runForecasts(c.var.store.db, visibility, {
      period: q.period,
      asOf: q.asOf === undefined ? c.var.today : assertIsoDate(q.asOf, 'asOf'),
      methods: FORECAST_METHODS,
      series: 'won',
    });
    return c.json({ runs }, 200);
  });
  app.openapi(accuracyRoute, async (c) => {
    const visibility = await pipelineVisibility(c);
    const q = c.req.valid('query');
    const backtests = await runBacktests(c.var.store.db, visibility, {
      methods: BACKTEST_METHODS,
      week: integer(q.week, 'week') ?? (await currentWeek(c.var.store.db, c.var.today)),
      quarters: integer(q.quarters, 'quarters'),
      today: c.var.today,
      series: 'won',
    });
    return c.json({ backtests }, 200);
  });
  app.openapi(quotaRoute, async (c) => {
    const visibility = await pipelineVisibility(c);
    const { period: label } = c.req.valid('query');
    const settings = await readSettings(c.var.store.db);
    const period = parsePeriod(settings.fiscalCalendar, label);
    const quota = await periodQuota(c.var.store.db, visibility, settings.reportingCurrency, period);
    return c.json(
      { period: period.period, quota: quota?.toFixed(2) ?? null, currency: settings.reportingCurrency },
      200,
    );
  });
}
