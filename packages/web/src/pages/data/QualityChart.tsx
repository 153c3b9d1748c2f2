import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatCount } from '../../components/format.ts';
import type { QualityRule } from './types.ts';

const severityColors = { error: '#d92d20', warning: '#f79009' } as const;

/** Issues by rule, errors red and warnings amber, in the order of the rules list. */
export function QualityChart({ rules }: { rules: QualityRule[] }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const rule = rules[(Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1];
          if (!rule) return '';
          return `${rule.rule} (${rule.severity})<br/><b>${formatCount(rule.count)}</b> ${rule.count === 1 ? 'issue' : 'issues'}`;
        },
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rules.map((rule) => rule.rule),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: chartTheme.text, fontSize: 12 },
      },
      series: [
        {
          type: 'bar',
          name: 'Issues',
          data: rules.map((rule) => ({ value: rule.count, itemStyle: { color: severityColors[rule.severity] } })),
          barMaxWidth: 18,
          itemStyle: { borderRadius: 4 },
          label: {
            show: true,
            position: 'right',
            color: chartTheme.muted,
            fontSize: 11,
            formatter: (params) => formatCount(Number(params.value)),
          },
        },
      ],
    }),
    [rules],
  );
  return <Chart option={option} height={Math.max(160, rules.length * 28 + 24)} label="Data-quality issues by rule" />;
}
