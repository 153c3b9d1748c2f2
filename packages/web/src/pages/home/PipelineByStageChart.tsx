import { useMemo } from 'react';
import type { Dashboard } from '../../api/types.ts';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatCount, formatMoney, formatMoneyShort } from '../../components/format.ts';
import { EmptyState } from '../../components/StatusViews.tsx';

export function PipelineByStageChart({ stages, currency }: { stages: Dashboard['pipelineByStage']; currency: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const stage = stages[(Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1];
          if (!stage) return '';
          const deals = `${formatCount(stage.count)} ${stage.count === 1 ? 'deal' : 'deals'}`;
          return `${stage.stage}<br/><b>${formatMoney(stage.amount, currency)}</b> · ${deals}`;
        },
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: stages.map((stage) => stage.stage),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: chartTheme.text, fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: 'Open pipeline',
          data: stages.map((stage) => Number(stage.amount)),
          barMaxWidth: 26,
          itemStyle: { color: chartTheme.primary, borderRadius: 4 },
          label: {
            show: true,
            position: 'right',
            color: chartTheme.muted,
            fontSize: 11,
            formatter: (params) => {
              const stage = stages[params.dataIndex];
              return stage ? `${formatMoneyShort(Number(stage.amount), currency)} · ${formatCount(stage.count)}` : '';
            },
          },
        },
      ],
    }),
    [stages, currency],
  );

  if (stages.length === 0) return <EmptyState title="No open pipeline">Open deals will show here by stage.</EmptyState>;
  return <Chart option={option} label="Open pipeline by stage" />;
}
