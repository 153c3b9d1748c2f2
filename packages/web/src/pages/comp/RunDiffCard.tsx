// What the period's current run changed against the run it superseded: the totals, and payee by
// payee what was paid before and after — new payees, payees now held, and the amounts that moved.
import { useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatMoney } from '../../components/format.ts';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import type { PayeeChange, RunDiff } from './types.ts';

const columns: DataColumn<PayeeChange>[] = [
  {
    id: 'name',
    header: 'Payee',
    value: (row) => row.name,
    render: (row) => (
      <span className="cell-stack">
        <strong>{row.name}</strong>
        <code>{row.person}</code>
      </span>
    ),
  },
  {
    id: 'change',
    header: 'Change',
    value: (row) => row.change,
    render: (row) => (
      <span className={`pill pill--change-${row.change}`}>
        {row.change}
        {row.hold ? ` · held ${row.hold}` : ''}
      </span>
    ),
  },
  {
    id: 'before',
    header: 'Paid before',
    value: (row) => row.before?.paid ?? null,
    render: (row) => (row.before ? formatMoney(row.before.paid, row.currency) : '—'),
    numeric: true,
  },
  {
    id: 'after',
    header: 'Paid now',
    value: (row) => row.after?.paid ?? null,
    render: (row) => (row.after ? formatMoney(row.after.paid, row.currency) : '—'),
    numeric: true,
  },
  {
    id: 'paid',
    header: 'Difference',
    value: (row) => row.paid,
    render: (row) => <Signed amount={row.paid} currency={row.currency} />,
    numeric: true,
  },
  {
    id: 'earned',
    header: 'Earned difference',
    value: (row) => row.earned,
    render: (row) => <Signed amount={row.earned} currency={row.currency} />,
    numeric: true,
  },
  { id: 'currency', header: 'Currency', value: (row) => row.currency, exportOnly: true },
  { id: 'person', header: 'Person ID', value: (row) => row.person, exportOnly: true },
];

export function RunDiffCard({ period }: { period: string }) {
  const [diff, reload] = useApi<RunDiff>(`/api/comp/runs/${encodeURIComponent(period)}/diff`);
  const [all, setAll] = useState(false);

  if (diff.state === 'loading') return <Loading label="Comparing with the previous run…" />;
  if (diff.state === 'error') return <ErrorState error={diff.error} onRetry={reload} />;
  const { previous, payees, totals } = diff.value;
  if (!previous) {
    return (
      <Card title="Changes since the previous run" testId="run-diff">
        <p className="muted" data-testid="run-diff-first">
          This is the first run of {period}: there is nothing to compare it with yet.
        </p>
      </Card>
    );
  }
  const changed = payees.filter((p) => p.change !== 'unchanged');
  const toggle = (
    <fieldset className="segmented" aria-label="Payees">
      <button type="button" className="segment" aria-pressed={!all} onClick={() => setAll(false)}>
        Changed ({changed.length})
      </button>
      <button type="button" className="segment" aria-pressed={all} onClick={() => setAll(true)}>
        All ({payees.length})
      </button>
    </fieldset>
  );
  return (
    <Card
      title="Changes since the previous run"
      subtitle={`Run ${diff.value.current.id} against run ${previous.id} (${previous.status}, by ${previous.runBy})`}
      testId="run-diff"
    >
      <ul className="diff-totals">
        {totals.map((t) => (
          <li key={t.currency}>
            Paid {formatMoney(t.before, t.currency)} → <strong>{formatMoney(t.after, t.currency)}</strong>{' '}
            <Signed amount={t.change} currency={t.currency} />
          </li>
        ))}
      </ul>
      <DataTable
        testId="run-diff-table"
        columns={columns}
        rows={all ? payees : changed}
        exportName={`comp-diff-${period}`}
        filterPlaceholder="Filter payees"
        toolbar={toggle}
        emptyMessage="No payee’s result changed."
      />
    </Card>
  );
}

function Signed({ amount, currency }: { amount: string; currency: string }) {
  const sign = amount.startsWith('-') ? 'worse' : amount === '0.00' ? '' : 'better';
  return (
    <span className={sign ? `change--${sign}` : 'muted'}>
      {sign === 'better' ? '+' : ''}
      {formatMoney(amount, currency)}
    </span>
  );
}
