// Each method's expected won amount with its P10–P90 band (a floating bar where the method has a
// distribution), and the quota as a bar of its own for the gap. Amounts are decimal strings; the
// chart draws them as numbers, the tooltip shows the exact strings.
import { useMemo } from 'react';
import { Chart, type ChartOption, chartTheme } from '../../components/Chart.tsx';
import { formatMoney, formatMoneyShort } from '../../components/format.ts';
import { type ForecastRun, methodLabels } from './forecast-types.ts';

export function ForecastBands({ runs, quota }: { runs: ForecastRun[]; quota: string | null }) {
  const option = useMemo<ChartOption>(() => {
    const currency = runs[0]?.currency ?? 'USD';
    const rows = [
      ...runs.map((r) => ({ label: methodLabels[r.method], run: r as ForecastRun | undefined })),
      ...(quota === null ? [] : [{ label: 'Quota', run: undefined }]),
    ];
    const expected = rows.map((row) => (row.run ? Number(row.run.expected) : Number(quota)));
    return {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
          const row = rows[index];
          if (!row) return '';
          if (!row.run) return `Quota: <b>${formatMoney(quota ?? '0', currency)}</b>`;
          const r = row.run;
          const band =
            r.p10 && r.p90
              ? `<br/>P10 ${formatMoney(r.p10, currency)} · P50 ${formatMoney(r.p50 ?? r.expected, currency)} · P90 ${formatMoney(r.p90, currency)}`
              : '<br/>no distribution';
          return `${row.label}: <b>${formatMoney(r.expected, currency)}</b> expected${band}<br/>won to date ${formatMoney(r.wonToDate, currency)}`;
        },
      },
      xAxis: {
        type: 'value',
        axisLabel: { color: chartTheme.muted, formatter: (v: number) => formatMoneyShort(v, currency) },
        splitLine: { lineStyle: { color: chartTheme.grid } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((row) => row.label),
        axisTick: { show: false },
        axisLabel: { color: chartTheme.text, fontSize: 12 },
      },
      // The expected bar first, then the P10–P90 band drawn over it at the same width (barGap −100 %).
      series: [
        {
          type: 'bar',
          name: 'Expected',
          barWidth: 18,
          data: rows.map((row, i) => ({
            value: expected[i]!,
            itemStyle: { color: row.run ? chartTheme.primary : '#f59e0b', borderRadius: 3 },
          })),
          label: {
            show: true,
            position: 'insideLeft',
            color: '#ffffff',
            fontSize: 11,
            fontWeight: 600,
            formatter: (p) => formatMoneyShort(Number(p.value), currency),
          },
        },
        {
          type: 'bar',
          name: 'below P10',
          stack: 'band',
          barGap: '-100%',
          barWidth: 18,
          silent: true,
          itemStyle: { color: 'transparent' },
          data: rows.map((row) => (row.run?.p10 ? Number(row.run.p10) : 0)),
        },
        {
          type: 'bar',
          name: 'P10–P90',
          stack: 'band',
          barWidth: 18,
          itemStyle: {
            color: 'rgba(165, 180, 252, 0.55)',
            borderColor: chartTheme.primary,
            borderWidth: 1,
            borderType: 'dashed',
          },
          data: rows.map((row) => (row.run?.p10 && row.run.p90 ? Number(row.run.p90) - Number(row.run.p10) : 0)),
        },
      ],
    };
  }, [runs, quota]);
  return (
    <Chart
      option={option}
      height={Math.max(200, 46 * (runs.length + 1))}
      label="Forecast by method with P10–P90 bands"
    />
  );
}
