import { useMemo } from 'react';
import type { Dashboard } from '../../api/types.ts';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatMoney, formatMoneyShort } from '../../components/format.ts';
import { EmptyState } from '../../components/StatusViews.tsx';

/** "2026-Q1" → "Q1 ’26", so twelve quarters fit under the bars. */
function shortQuarter(period: string): string {
  const match = /^(\d{2})(\d{2})-(Q\d)$/.exec(period);
  return match ? `${match[3]} ’${match[2]}` : period;
}

export function BookingsByQuarterChart({
  quarters,
  currency,
}: {
  quarters: Dashboard['bookingsByQuarter'];
  currency: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const point = Array.isArray(params) ? params[0] : params;
          const quarter = quarters[point?.dataIndex ?? -1];
          return quarter ? `${quarter.period}<br/><b>${formatMoney(quarter.amount, currency)}</b>` : '';
        },
      },
      xAxis: {
        type: 'category',
        data: quarters.map((quarter) => quarter.period),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: chartTheme.grid } },
        axisLabel: { color: chartTheme.muted, formatter: shortQuarter },
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: chartTheme.grid, type: 'dashed' } },
        axisLabel: { color: chartTheme.muted, formatter: (value: number) => formatMoneyShort(value, currency) },
      },
      series: [
        {
          type: 'bar',
          name: 'Bookings',
          data: quarters.map((quarter) => Number(quarter.amount)),
          barMaxWidth: 44,
          itemStyle: { color: chartTheme.primary, borderRadius: [4, 4, 0, 0] },
          label: {
            show: quarters.length <= 8,
            position: 'top',
            color: chartTheme.text,
            fontSize: 11,
            formatter: (params) => formatMoneyShort(Number(params.value), currency),
          },
        },
      ],
    }),
    [quarters, currency],
  );

  // Quarters that are all zero would draw an empty chart: say so instead.
  if (quarters.every((quarter) => Number(quarter.amount) === 0))
    return <EmptyState title="No bookings yet">Bookings will show here by quarter.</EmptyState>;
  return <Chart option={option} label="Bookings by quarter" />;
}
