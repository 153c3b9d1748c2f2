// attain forecast run|backtest (and submit|calls, from forecast-calls.ts) — forecast models and
// their measured accuracy (issue 6; docs/forecasting.md has each method, the no-look-ahead rule
// and the JSON shapes). The CLI sees the whole company, as `attain query` does.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { parseStageProbabilities } from '@attain/core/forecast/stage-weighted.ts';
import { BACKTEST_METHODS, type BacktestResult, runBacktest } from '@attain/store/forecast/models/run-backtest.ts';
import { FORECAST_METHODS, type ForecastRun, runForecast } from '@attain/store/forecast/models/run-forecast.ts';
import type { Visibility } from '@attain/store/visibility/visible-people.ts';
import { type Command, Option } from 'commander';
import { withStore } from '../open-store.ts';
import { registerForecastCalls } from './forecast-calls.ts';
import { render } from './pipeline-output.ts';

const ALL: Visibility = { kind: 'all' };
const today = () => new Date().toISOString().slice(0, 10);

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) {
    throw new AttainError('OPTION_INVALID', `--${name} is a whole number, not "${value}"`, { option: name, value });
  }
  return Number(value);
}

function runTable(r: ForecastRun): string {
  const rows: [string, string | null][] = [
    ['expected', r.expected],
    ['p10', r.p10],
    ['p50', r.p50],
    ['p90', r.p90],
    ['won to date', r.wonToDate],
    ['open pipeline', r.openPipeline],
  ];
  return render(
    {
      heading: [`${r.method} forecast of ${r.period} as of ${r.asOf} (${r.currency})`, ''],
      columns: ['figure', 'amount'],
      rows: rows.map(([k, v]) => [k, v ?? '—']),
      numeric: new Set(['amount']),
    },
    'table',
  );
}

function backtestTable(r: BacktestResult): string {
  return render(
    {
      heading: [`${r.method} backtest at week ${r.week}: MAPE ${r.mape ?? '—'}, bias ${r.bias ?? '—'}`, ''],
      columns: ['period', 'forecast', 'actual', 'error'],
      rows: r.periods.map((p) => [p.period, p.forecast, p.actual, p.error ?? '— (actual 0, excluded)']),
      numeric: new Set(['forecast', 'actual', 'error']),
    },
    'table',
  );
}

const print = (result: unknown, table: string, format: string) =>
  process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : table);

interface ModelOptions {
  method: string;
  seed?: string;
  trials?: string;
  stageProbabilities?: string;
  series?: 'run-rate' | 'won';
  format: 'json' | 'table';
}

const modelOptions = (o: ModelOptions) => ({
  seed: integer(o.seed, 'seed'),
  trials: integer(o.trials, 'trials'),
  stageProbabilities: parseStageProbabilities(o.stageProbabilities),
  series: o.series,
});

function addModelOptions(command: Command): Command {
  return command
    .option('--seed <n>', 'Monte Carlo seed (default 1): the same seed gives the same figures')
    .option('--trials <n>', 'Monte Carlo trials (default 10000)')
    .option('--stage-probabilities <list>', 'stage-weighted: Stage=percent,… (default: each snapshot probability)')
    .addOption(
      new Option('--series <series>', 'timeseries: fitted on run-rate revenue + usage or on won amounts')
        .choices(['run-rate', 'won'])
        .default('run-rate'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'table']).default('table'));
}

export function register(program: Command): void {
  const forecast = program.command('forecast').description('forecast calls and models (docs/forecasting.md)');
  registerForecastCalls(forecast);

  addModelOptions(
    forecast
      .command('run')
      .description("a method's expected won amount for a period as of a date, with P10/P50/P90 where it has them")
      .requiredOption('--period <label>', 'the period, e.g. 2026-Q3')
      .option('--as-of <date>', 'as of this date; nothing after it is read (default today)')
      .addOption(new Option('--method <method>', 'the model').choices([...FORECAST_METHODS]).makeOptionMandatory()),
  ).action(async (o: ModelOptions & { period: string; asOf?: string }, self: Command) => {
    const result = await withStore(self, 'attain forecast run', (store) =>
      runForecast(store.db, ALL, {
        period: o.period,
        asOf: assertIsoDate(o.asOf ?? today(), '--as-of'),
        method: o.method,
        ...modelOptions(o),
      }),
    );
    print(result, runTable(result), o.format);
  });

  addModelOptions(
    forecast
      .command('backtest')
      .description('replay past quarters as of week N: forecast, actual, error, MAPE and bias (DESIGN §8)')
      .addOption(
        new Option('--method <method>', 'a model, or calls').choices([...BACKTEST_METHODS]).makeOptionMandatory(),
      )
      .requiredOption('--week <n>', 'forecast each quarter as of its start + 7 × (N − 1) days')
      .option('--quarters <n>', 'how many quarters that ended before today (default 8)')
      .option(
        '--today <date>',
        'replay as of this date: the quarters before it, actuals as known then (default today)',
      ),
  ).action(async (o: ModelOptions & { week: string; quarters?: string; today?: string }, self: Command) => {
    const result = await withStore(self, 'attain forecast backtest', (store) =>
      runBacktest(store.db, ALL, {
        method: o.method,
        week: integer(o.week, 'week')!,
        quarters: integer(o.quarters, 'quarters'),
        today: assertIsoDate(o.today ?? today(), '--today'),
        ...modelOptions(o),
      }),
    );
    print(result, backtestTable(result), o.format);
  });
}
