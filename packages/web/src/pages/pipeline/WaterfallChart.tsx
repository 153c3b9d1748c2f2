// The pipeline waterfall as floating bars: start and end stand on the axis, each movement floats
// from where the running total was. The running total is for drawing only; every label shows the
// server's decimal string.
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatCount, formatMoney, formatMoneyShort } from '../../components/format.ts';
import { SUBTRACTED, stepLabels, type Waterfall } from './types.ts';

const COLORS = { total: chartTheme.primary, up: '#16a34a', down: '#dc2626', won: '#0891b2' };

export function WaterfallChart({ waterfall }: { waterfall: Waterfall }) {
  const option = useMemo<ChartOption>(() => {
    const { steps, currency } = waterfall;
    let running = 0;
    const bars = steps.map((s) => {
      const amount = Number(s.amount);
      if (s.step === 'start' || s.step === 'end') {
        running = amount;
        return { base: 0, size: amount, color: COLORS.total };
      }
      if (SUBTRACTED.has(s.step)) {
        running -= amount;
        return { base: running, size: amount, color: s.step === 'won' ? COLORS.won : COLORS.down };
      }
      running += amount;
      return { base: running - amount, size: amount, color: COLORS.up };
    });
    return {
      grid: { left: 8, right: 8, top: 24, bottom: 20, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
          const s = steps[index];
          if (!s) return '';
          const sign = s.step === 'start' || s.step === 'end' ? '' : SUBTRACTED.has(s.step) ? '− ' : '+ ';
          return `${stepLabels[s.step]}<br/><b>${sign}${formatMoney(s.amount, currency)}</b> · ${formatCount(s.count)} ${s.count === 1 ? 'deal' : 'deals'}`;
        },
      },
      xAxis: {
        type: 'category',
        data: steps.map((s) => stepLabels[s.step]),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: chartTheme.grid } },
        // two-word steps on two lines, so nine labels fit under nine bars
        axisLabel: { color: chartTheme.muted, interval: 0, formatter: (label: string) => label.replace(' ', '\n') },
      },
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: chartTheme.grid, type: 'dashed' } },
        axisLabel: { color: chartTheme.muted, formatter: (value: number) => formatMoneyShort(value, currency) },
      },
      series: [
        {
          type: 'bar',
          stack: 'waterfall',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: bars.map((b) => b.base),
        },
        {
          type: 'bar',
          stack: 'waterfall',
          name: 'Pipeline',
          barMaxWidth: 48,
          data: bars.map((b) => ({ value: b.size, itemStyle: { color: b.color, borderRadius: 3 } })),
          label: {
            show: true,
            position: 'top',
            color: chartTheme.text,
            fontSize: 11,
            formatter: (params) => {
              const s = steps[params.dataIndex];
              if (!s) return '';
              const sign = s.step === 'start' || s.step === 'end' ? '' : SUBTRACTED.has(s.step) ? '−' : '+';
              return `${sign}${formatMoneyShort(Number(s.amount), currency)}`;
            },
          },
        },
      ],
    };
  }, [waterfall]);

  return <Chart option={option} height={300} label={`Pipeline waterfall ${waterfall.from} to ${waterfall.to}`} />;
}
