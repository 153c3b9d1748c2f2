// The stage funnel as horizontal bars, widest at the first stage: deals that reached each stage,
// labelled with the conversion to the next.
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatCount, formatRatio } from '../../components/format.ts';
import { EmptyState } from '../../components/StatusViews.tsx';
import type { Funnel } from './types.ts';

export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const option = useMemo<ChartOption>(() => {
    const stages = funnel.stages;
    return {
      grid: { left: 8, right: 150, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const s = stages[(Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1];
          if (!s) return '';
          return `${s.stage}: <b>${formatCount(s.reached)}</b> reached<br/>${formatCount(s.reachedNext)} reached ${s.nextStage} (${formatRatio(s.conversion)})<br/>${formatCount(s.won)} won (${formatRatio(s.winRate)})`;
        },
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: stages.map((s) => s.stage),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: chartTheme.text, fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: 'Reached',
          data: stages.map((s) => s.reached),
          barMaxWidth: 26,
          itemStyle: { color: chartTheme.primary, borderRadius: 4 },
          label: {
            show: true,
            position: 'right',
            color: chartTheme.muted,
            fontSize: 11,
            formatter: (params) => {
              const s = stages[params.dataIndex];
              return s ? `${formatCount(s.reached)} · ${formatRatio(s.conversion)} → ${s.nextStage}` : '';
            },
          },
        },
      ],
    };
  }, [funnel]);

  if (funnel.deals.total === 0) {
    return <EmptyState title="No deals in this period">The funnel follows the deals created in it.</EmptyState>;
  }
  return <Chart option={option} height={Math.max(160, 44 * funnel.stages.length)} label="Stage funnel" />;
}
