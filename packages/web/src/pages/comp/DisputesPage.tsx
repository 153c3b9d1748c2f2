// Disputes: the list of the payees the viewer may see, and one dispute's thread — the payee's
// question, Sales Ops' answers (a note, or an adjustment that someone else then approves), and the
// resolution. Ops and admin answer; the payee who raised it, ops or admin resolve.
import { useMemo, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatMoney } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { DisputeActions } from './DisputeActions.tsx';
import { type Dispute, type DisputeStatus, type DisputeThread, formatTime } from './types.ts';

const STATUSES: (DisputeStatus | 'all')[] = ['open', 'answered', 'resolved', 'all'];

export function DisputesPage({ me, selected }: { me: Me; selected: string | null }) {
  const [status, setStatus] = useState<DisputeStatus | 'all'>('all');
  const [list, reload] = useApi<{ rows: Dispute[] }>(
    `/api/comp/disputes${status === 'all' ? '' : `?status=${status}`}`,
  );

  const columns = useMemo<DataColumn<Dispute>[]>(
    () => [
      { id: 'id', header: '#', value: (row) => Number(row.id), numeric: true },
      {
        id: 'name',
        header: 'Payee · line',
        value: (row) => `${row.name} ${row.line}`,
        render: (row) => (
          <span className="cell-stack">
            <Link to={`/comp/disputes?id=${row.id}`}>
              <strong>{row.name}</strong> · {row.line}
            </Link>
            <span className="muted">
              {row.period} · <code>{row.person}</code>
            </span>
          </span>
        ),
      },
      {
        id: 'status',
        header: 'Status',
        value: (row) => row.status,
        render: (row) => <span className={`pill pill--dispute-${row.status}`}>{row.status}</span>,
      },
      { id: 'messages', header: 'Messages', value: (row) => row.messages, numeric: true },
      {
        id: 'updatedAt',
        header: 'Last activity',
        value: (row) => row.updatedAt,
        render: (row) => <span className="nowrap">{formatTime(row.updatedAt)}</span>,
      },
      { id: 'raisedBy', header: 'Raised by', value: (row) => row.raisedBy, exportOnly: true },
      { id: 'period', header: 'Period', value: (row) => row.period, exportOnly: true },
    ],
    [],
  );

  const filter = (
    <fieldset className="segmented" aria-label="Status">
      {STATUSES.map((option) => (
        <button
          key={option}
          type="button"
          className="segment"
          aria-pressed={status === option}
          onClick={() => setStatus(option)}
        >
          {option === 'all' ? 'All' : option[0]!.toUpperCase() + option.slice(1)}
        </button>
      ))}
    </fieldset>
  );

  return (
    <div className="disputes-layout">
      <Card title="Disputes" subtitle="Questions payees raised on their statements" testId="disputes-card">
        {list.state === 'loading' && <Loading label="Loading disputes…" />}
        {list.state === 'error' && <ErrorState error={list.error} onRetry={reload} />}
        {list.state === 'ready' &&
          (list.value.rows.length === 0 && status === 'all' ? (
            <EmptyState title="No disputes">
              <p>
                {me.role === 'rep'
                  ? 'Something on your statement looks wrong? Open it and choose “Dispute this line”.'
                  : 'Payees raise disputes from their statements; they appear here.'}
              </p>
            </EmptyState>
          ) : (
            <DataTable
              testId="disputes"
              columns={columns}
              rows={list.value.rows}
              exportName={`disputes-${status}`}
              filterPlaceholder="Filter disputes"
              toolbar={filter}
              initialSort={[{ id: 'id', desc: true }]}
              emptyMessage={`No ${status} disputes.`}
            />
          ))}
      </Card>
      {selected ? (
        <DisputeThreadCard key={selected} me={me} id={selected} onChanged={reload} />
      ) : (
        <Card title="Thread" testId="dispute-thread-empty">
          <p className="muted">Choose a dispute to read its history{me.role === 'rep' ? '' : ' and answer it'}.</p>
        </Card>
      )}
    </div>
  );
}

function DisputeThreadCard({ me, id, onChanged }: { me: Me; id: string; onChanged: () => void }) {
  const [thread, reload] = useApi<DisputeThread>(`/api/comp/disputes/${encodeURIComponent(id)}`);
  if (thread.state === 'loading') return <Loading label="Loading the dispute…" />;
  if (thread.state === 'error') {
    return thread.error.status === 404 ? (
      <Card title="Thread">
        <EmptyState title={`No dispute ${id}`}>
          <button type="button" className="button button--secondary" onClick={() => navigate('/comp/disputes')}>
            Back to the list
          </button>
        </EmptyState>
      </Card>
    ) : (
      <ErrorState error={thread.error} onRetry={reload} />
    );
  }
  const { dispute, messages } = thread.value;
  return (
    <Card
      title={`Dispute #${dispute.id}: ${dispute.line}`}
      subtitle={`${dispute.name} (${dispute.person}) · ${dispute.period}`}
      actions={<span className={`pill pill--dispute-${dispute.status}`}>{dispute.status}</span>}
      testId="dispute-thread"
    >
      <p>
        <Link
          to={`/comp/statements?person=${encodeURIComponent(dispute.person)}&period=${encodeURIComponent(dispute.period)}`}
        >
          Open the statement
        </Link>
      </p>
      <ol className="thread">
        {messages.map((m) => (
          <li key={m.id} className="thread__message" data-testid="dispute-message">
            <div className="thread__meta">
              <strong>{m.author}</strong> <span className="muted">{formatTime(m.at)}</span>
            </div>
            <p className="thread__note">{m.note}</p>
            {m.adjustment && (
              <p className="thread__adjustment" data-testid="dispute-adjustment">
                Adjustment #{m.adjustment.id}: {formatMoney(m.adjustment.amount, m.adjustment.currency)} in{' '}
                {m.adjustment.period} — “{m.adjustment.reason}”{' '}
                <span className="muted">
                  {m.adjustment.approver ? `approved by ${m.adjustment.approver}` : 'waiting for approval'}
                </span>
              </p>
            )}
          </li>
        ))}
      </ol>
      <DisputeActions
        me={me}
        dispute={dispute}
        onChanged={() => {
          reload();
          onChanged();
        }}
      />
    </Card>
  );
}
