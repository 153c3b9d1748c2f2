// Earnings by pay period as bars; the estimator adds a second series for "with the deal".
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../../components/Chart.tsx';
import { formatMoney, formatMoneyShort } from '../../../components/format.ts';

export interface EarningsSeries {
  name: string;
  values: string[];
  color: string;
}

export function EarningsChart({
  periods,
  series,
  currency,
  label,
}: {
  periods: string[];
  series: EarningsSeries[];
  currency: string;
  label: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const points = Array.isArray(params) ? params : [params];
          const index = points[0]?.dataIndex ?? -1;
          const lines = series.map((s) => `${s.name}: <b>${formatMoney(s.values[index] ?? '0', currency)}</b>`);
          return [periods[index] ?? '', ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: periods,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: chartTheme.grid } },
        axisLabel: { color: chartTheme.muted },
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: chartTheme.grid, type: 'dashed' } },
        axisLabel: { color: chartTheme.muted, formatter: (value: number) => formatMoneyShort(value, currency) },
      },
      series: series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        data: s.values.map(Number),
        barMaxWidth: 32,
        itemStyle: { color: s.color, borderRadius: [4, 4, 0, 0] },
      })),
    }),
    [periods, series, currency],
  );
  return <Chart option={option} height={220} label={label} />;
}

export const EARNINGS_COLORS = { before: chartTheme.primarySoft, after: chartTheme.primary };
