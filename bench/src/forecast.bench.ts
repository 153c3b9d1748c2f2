// Forecast backtests (issue 6 performance; target under 30 s for 8 quarters): each method — and
// the submitted calls — replayed alone over the 8 quarters before today at week 4 on the whole
// company, then all of them on one shared load as the web page's accuracy chart asks
// (/api/forecast/accuracy). The time series is fitted on won amounts, as the ensemble uses it.
import { BACKTEST_METHODS, runBacktest, runBacktests } from '@attain/store/forecast/models/run-backtest.ts';
import type { BenchContext } from './run.ts';

export const name = 'forecast';

export async function run(context: BenchContext): Promise<void> {
  const query = { week: 4, quarters: 8, today: context.today, series: 'won' as const };
  for (const method of BACKTEST_METHODS) {
    const started = performance.now();
    const result = await runBacktest(context.store.db, { kind: 'all' }, { ...query, method });
    context.record(
      `forecast backtest: ${method}, 8 quarters`,
      performance.now() - started,
      `MAPE ${result.mape ?? '—'}`,
    );
  }
  const started = performance.now();
  await runBacktests(context.store.db, { kind: 'all' }, { ...query, methods: BACKTEST_METHODS });
  context.record('forecast backtest: all methods + calls, shared', performance.now() - started);
}
