// Backtest accuracy: the signed error (forecast − actual) ÷ actual per quarter, one bar per method
// and the submitted calls (a quarter with an actual of 0 has no error and no bar).
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatRatio } from '../../components/format.ts';
import { type Backtest, methodLabels } from './forecast-types.ts';

const COLORS = ['#4f46e5', '#0ea5e9', '#14b8a6', '#a855f7', '#f43f5e', '#f59e0b'];

export function AccuracyChart({ backtests }: { backtests: Backtest[] }) {
  const option = useMemo<ChartOption>(() => {
    const periods = [...new Set(backtests.flatMap((b) => b.periods.map((p) => p.period)))].sort();
    return {
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '— (actual 0)' : formatRatio(String(v))),
      },
      xAxis: { type: 'category', data: periods, axisLabel: { color: chartTheme.text } },
      yAxis: {
        type: 'value',
        axisLabel: { color: chartTheme.muted, formatter: (v: number) => `${Math.round(v * 100)}%` },
        splitLine: { lineStyle: { color: chartTheme.grid } },
      },
      series: backtests.map((b, i) => ({
        type: 'bar',
        name: methodLabels[b.method],
        itemStyle: { color: COLORS[i % COLORS.length] },
        data: periods.map((period) => {
          const error = b.periods.find((p) => p.period === period)?.error;
          return error == null ? '-' : Number(error);
        }),
      })),
    } as ChartOption;
  }, [backtests]);
  return (
    <>
      <Chart option={option} height={300} label="Backtest error per quarter and method" />
      <ul className="forecast-legend" aria-label="Methods">
        {backtests.map((b, i) => (
          <li key={b.method}>
            <span className="forecast-legend__swatch" style={{ background: COLORS[i % COLORS.length] }} />
            {methodLabels[b.method]}{' '}
            <span className="forecast-legend__figure">
              {b.periods.length === 0
                ? b.method === 'calls'
                  ? 'no calls in these quarters'
                  : 'no quarters'
                : `MAPE ${formatRatio(b.mape)} · bias ${formatRatio(b.bias)}`}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
