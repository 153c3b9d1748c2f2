// Pipeline history on the Pipeline page (docs/pipeline.md): the waterfall between two dates
// (default: start of the quarter → today, as the server decides), the stage funnel and aging.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatMoney, formatRatio } from '../../components/format.ts';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import { AgingTable } from './AgingTable.tsx';
import { FunnelChart } from './FunnelChart.tsx';
import { type Aging, type Funnel, SUBTRACTED, stepLabels, type Waterfall } from './types.ts';
import { WaterfallChart } from './WaterfallChart.tsx';
import '../../styles/data.css';
import './pipeline.css';

type StepRow = Waterfall['steps'][number] & { currency: string };
const stepColumns: DataColumn<StepRow>[] = [
  { id: 'step', header: 'Step', value: (row) => stepLabels[row.step] },
  {
    id: 'sign',
    header: '',
    value: (row) => (row.step === 'start' || row.step === 'end' ? '=' : SUBTRACTED.has(row.step) ? '−' : '+'),
  },
  {
    id: 'amount',
    header: 'Amount',
    value: (row) => row.amount,
    render: (row) => formatMoney(row.amount, row.currency),
    numeric: true,
  },
  { id: 'count', header: 'Deals', value: (row) => row.count, render: (row) => formatCount(row.count), numeric: true },
];

type FunnelRow = Funnel['stages'][number];
const funnelColumns: DataColumn<FunnelRow>[] = [
  { id: 'stage', header: 'Stage', value: (row) => row.stage },
  { id: 'reached', header: 'Reached', value: (row) => row.reached, numeric: true },
  { id: 'nextStage', header: 'Next', value: (row) => row.nextStage },
  { id: 'reachedNext', header: 'Reached next', value: (row) => row.reachedNext, numeric: true },
  {
    id: 'conversion',
    header: 'Conversion',
    value: (row) => row.conversion,
    render: (row) => formatRatio(row.conversion),
    numeric: true,
  },
  { id: 'won', header: 'Won', value: (row) => row.won, numeric: true },
  {
    id: 'winRate',
    header: 'Win rate',
    value: (row) => row.winRate,
    render: (row) => formatRatio(row.winRate),
    numeric: true,
  },
];

function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="field field--inline">
      <span>{label}</span>
      <input
        type="date"
        value={value}
        aria-label={`${label} date`}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

export function PipelineHistory() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [basis, setBasis] = useState<'created' | 'closed'>('created');
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  const [waterfall, reloadWaterfall] = useApi<Waterfall>(`/api/pipeline/waterfall?${query}`);
  const ready = waterfall.state === 'ready' ? waterfall.value : undefined;
  const period = ready?.period.period;
  const [funnel, reloadFunnel] = useApi<Funnel>(
    `/api/pipeline/funnel?basis=${basis}${period ? `&period=${encodeURIComponent(period)}` : ''}`,
  );
  const [aging, reloadAging] = useApi<Aging>(`/api/pipeline/aging${range.to ? `?asOf=${range.to}` : ''}`);

  const set = (key: 'from' | 'to') => (value: string) => {
    if (value)
      setRange((current) => ({ from: current.from ?? ready?.from, to: current.to ?? ready?.to, [key]: value }));
  };

  return (
    <>
      <Card
        title="Pipeline waterfall"
        subtitle={
          ready
            ? `Deals closing in ${ready.period.period} (${ready.period.start} – ${ready.period.end}), ${ready.currency} at the end date’s rates`
            : 'How the quarter’s pipeline moved between two dates'
        }
        testId="pipeline-waterfall"
        actions={
          ready && (
            <div className="pipeline-controls">
              <DateField label="From" value={ready.from} onChange={set('from')} />
              <DateField label="To" value={ready.to} onChange={set('to')} />
            </div>
          )
        }
      >
        {waterfall.state === 'loading' && <Loading label="Loading the waterfall…" />}
        {waterfall.state === 'error' && <ErrorState error={waterfall.error} onRetry={reloadWaterfall} />}
        {ready && (
          <div className="pipeline-waterfall">
            <WaterfallChart waterfall={ready} />
            <DataTable
              testId="pipeline-waterfall-steps"
              columns={stepColumns}
              rows={ready.steps.map((s) => ({ ...s, currency: ready.currency }))}
              exportName={`pipeline-waterfall-${ready.from}-${ready.to}`}
              filterPlaceholder="Filter steps"
            />
          </div>
        )}
      </Card>
      <Card
        title="Stage funnel"
        subtitle={
          funnel.state === 'ready'
            ? `${formatCount(funnel.value.deals.total)} deals ${basis} in ${funnel.value.period.period}; win rate ${formatRatio(funnel.value.deals.winRate)}`
            : undefined
        }
        testId="pipeline-funnel"
        actions={
          <fieldset className="segmented" aria-label="Funnel basis">
            {(['created', 'closed'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="segment"
                aria-pressed={basis === option}
                onClick={() => setBasis(option)}
              >
                {option === 'created' ? 'Created' : 'Closed'}
              </button>
            ))}
          </fieldset>
        }
      >
        {funnel.state === 'loading' && <Loading label="Loading the funnel…" />}
        {funnel.state === 'error' && <ErrorState error={funnel.error} onRetry={reloadFunnel} />}
        {funnel.state === 'ready' && (
          <div className="pipeline-funnel">
            <FunnelChart funnel={funnel.value} />
            <DataTable
              testId="pipeline-funnel-stages"
              columns={funnelColumns}
              rows={funnel.value.stages}
              exportName={`pipeline-funnel-${basis}-${funnel.value.period.period}`}
              filterPlaceholder="Filter stages"
            />
          </div>
        )}
      </Card>
      <Card
        title="Aging"
        subtitle={aging.state === 'ready' ? `Open deals as of ${aging.value.asOf}, by days since created` : undefined}
        testId="pipeline-aging-card"
      >
        {aging.state === 'loading' && <Loading label="Loading aging…" />}
        {aging.state === 'error' && <ErrorState error={aging.error} onRetry={reloadAging} />}
        {aging.state === 'ready' && <AgingTable aging={aging.value} />}
      </Card>
    </>
  );
}
