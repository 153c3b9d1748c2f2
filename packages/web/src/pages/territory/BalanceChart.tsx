// Territory balance before/after: per leaf territory the live and the scenario value side by side,
// over a band of each sibling group's mean ± tolerance (DESIGN §5.1: balanced means every territory
// within ±tolerance of its group's mean) with the mean as a line.
import { MarkAreaComponent, MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatCount, formatMoneyShort } from '../../components/format.ts';
import type { BalanceGroup } from './balance-groups.ts';
import { type Figure, figureLabels, isMoneyFigure } from './types.ts';

use([MarkAreaComponent, MarkLineComponent]);

const BAND = 'rgba(22, 163, 74, 0.09)';
const MEAN = '#16a34a';

export function BalanceChart({
  groups,
  figure,
  tolerance,
  currency,
}: {
  groups: BalanceGroup[];
  figure: Figure;
  tolerance: number;
  currency: string;
}) {
  const option = useMemo<ChartOption>(() => {
    const bars = groups.flatMap((group) => group.territories.map((territory) => ({ ...territory, group })));
    const show = (value: number) =>
      isMoneyFigure(figure) ? formatMoneyShort(value, currency) : formatCount(Math.round(value));
    const crowded = bars.length > 5;
    // Categories are territory IDs (names need not be unique); the axis shows the names.
    const names = new Map(bars.map((bar) => [bar.territory, bar.name]));
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const point = Array.isArray(params) ? params[0] : params;
          const bar = bars[point?.dataIndex ?? -1];
          if (!bar) return '';
          const mean = bar.group.scenarioMean;
          const deviation = (value: number) =>
            mean === 0 ? '' : ` (${value >= mean ? '+' : ''}${(((value - mean) / mean) * 100).toFixed(1)}%)`;
          return [
            `<b>${bar.name}</b> · ${bar.territory}`,
            `Live: <b>${show(bar.live)}</b>${deviation(bar.live)}`,
            `Scenario: <b>${show(bar.scenario)}</b>${deviation(bar.scenario)}`,
            `Group mean: ${show(mean)} · band ±${Math.round(tolerance * 100)}%`,
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((bar) => bar.territory),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: chartTheme.grid } },
        axisLabel: {
          color: chartTheme.muted,
          interval: 0,
          rotate: crowded ? 30 : 0,
          fontSize: 11,
          formatter: (id: string) => names.get(id) ?? id,
        },
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: chartTheme.grid, type: 'dashed' } },
        axisLabel: { color: chartTheme.muted, formatter: (value: number) => show(value) },
      },
      series: [
        {
          type: 'bar',
          name: 'Live',
          data: bars.map((bar) => bar.live),
          barMaxWidth: 28,
          itemStyle: { color: chartTheme.primarySoft, borderRadius: [3, 3, 0, 0] },
        },
        {
          type: 'bar',
          name: 'Scenario',
          data: bars.map((bar) => bar.scenario),
          barMaxWidth: 28,
          itemStyle: { color: chartTheme.primary, borderRadius: [3, 3, 0, 0] },
          markArea: {
            silent: true,
            itemStyle: { color: BAND },
            data: groups.map((group) => {
              const ids = group.territories.map((territory) => territory.territory);
              return [
                { xAxis: ids[0], yAxis: group.scenarioMean * (1 - tolerance) },
                { xAxis: ids[ids.length - 1], yAxis: group.scenarioMean * (1 + tolerance) },
              ];
            }),
          },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: MEAN, type: 'dashed', width: 1.5 },
            data: groups.map((group) => {
              const ids = group.territories.map((territory) => territory.territory);
              return [
                { xAxis: ids[0], yAxis: group.scenarioMean },
                { xAxis: ids[ids.length - 1], yAxis: group.scenarioMean },
              ];
            }),
          },
        },
      ],
    };
  }, [groups, figure, tolerance, currency]);

  const count = groups.reduce((sum, group) => sum + group.territories.length, 0);
  return (
    <div data-testid="balance-chart">
      <ul className="chart-legend" aria-label="Legend">
        <li>
          <span className="chart-legend__swatch" style={{ background: chartTheme.primarySoft }} /> Live
        </li>
        <li>
          <span className="chart-legend__swatch" style={{ background: chartTheme.primary }} /> Scenario
        </li>
        <li>
          <span className="chart-legend__swatch chart-legend__swatch--band" /> Group mean ±{Math.round(tolerance * 100)}
          %
        </li>
      </ul>
      <Chart
        option={option}
        height={count > 5 ? 360 : 300}
        label={`${figureLabels[figure]} per territory, live and scenario`}
      />
    </div>
  );
}
