// Move requests by status with their impact preview; Approve and Reject with a note. Who may decide
// is the server's call (ops and admin; a manager for moves touching their team; never one's own
// request unless admin), so the buttons ask and a refusal is shown as the server words it.
import { useCallback, useMemo, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { DecideMoveDialog, type Decision } from './DecideMoveDialog.tsx';
import { MOVE_STATUSES, type MoveRequest, type MoveStatus, type TerritoryTree } from './types.ts';

const statusLabels: Record<MoveStatus | 'all', string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  rejected: 'Rejected',
  applied: 'Applied',
  all: 'All',
};

export function MovesPage({ me, status }: { me: Me; status: string | null }) {
  const shown = (MOVE_STATUSES as readonly string[]).includes(status ?? '') ? (status as MoveStatus) : 'all';
  const [moves, reload] = useApi<{ rows: MoveRequest[] }>(
    `/api/territory/moves${shown === 'all' ? '' : `?status=${shown}`}`,
  );
  const [tree] = useApi<TerritoryTree>('/api/territories');
  const [deciding, setDeciding] = useState<{ request: MoveRequest; decision: Decision } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayDecide = me.role !== 'rep' && me.role !== 'finance';

  const names = useMemo(
    () =>
      new Map(
        tree.state === 'ready' ? tree.value.territories.map((territory) => [territory.externalId, territory.name]) : [],
      ),
    [tree],
  );
  const territory = useCallback((id: string | null) => (id ? (names.get(id) ?? id) : '—'), [names]);

  const columns = useMemo<DataColumn<MoveRequest>[]>(() => {
    const money = (value: (row: MoveRequest) => string | undefined) => (row: MoveRequest) => {
      const amount = value(row);
      return amount === undefined || !row.impact ? '—' : formatMoney(amount, row.impact.currency, 0);
    };
    const list: DataColumn<MoveRequest>[] = [
      { id: 'id', header: '#', value: (row) => Number(row.id), numeric: true },
      {
        id: 'account',
        header: 'Account · move',
        value: (row) => row.accountName,
        render: (row) => (
          <span className="cell-stack">
            <strong>
              {row.accountName} <code>{row.account}</code>
            </strong>
            <span className="move-path">
              <span className="muted">{territory(row.from)}</span> → <strong>{territory(row.to)}</strong>
            </span>
          </span>
        ),
      },
      {
        id: 'effective',
        header: 'Effective',
        value: (row) => row.effective,
        render: (row) => <span className="nowrap">{formatDate(row.effective)}</span>,
      },
      {
        id: 'status',
        header: 'Status',
        value: (row) => row.status,
        render: (row) => <span className={`pill pill--${row.status}`}>{row.status}</span>,
      },
      {
        id: 'pipeline',
        header: 'Pipeline',
        value: (row) => row.impact?.openPipeline ?? null,
        render: money((row) => row.impact?.openPipeline),
        numeric: true,
      },
      {
        id: 'bookings',
        header: 'Bookings 12m',
        value: (row) => row.impact?.trailingBookings ?? null,
        render: money((row) => row.impact?.trailingBookings),
        numeric: true,
      },
      {
        id: 'quota',
        header: 'Quota',
        value: (row) => row.impact?.quota.moved ?? null,
        render: (row) => (
          <span className="cell-stack cell-stack--right">
            {money((r) => r.impact?.quota.moved)(row)}
            <span className="muted">{row.quota === 'prorata' ? 'pro rata' : row.quota}</span>
          </span>
        ),
        numeric: true,
      },
    ];
    if (mayDecide) {
      list.push({
        id: 'decide',
        header: 'Decision',
        value: () => null,
        render: (row) =>
          row.status === 'proposed' ? (
            <span className="row-actions">
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => setDeciding({ request: row, decision: 'approve' })}
                aria-label={`Approve move ${row.id}`}
              >
                Approve
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setDeciding({ request: row, decision: 'reject' })}
                aria-label={`Reject move ${row.id}`}
              >
                Reject
              </button>
            </span>
          ) : null,
      });
    }
    list.push(
      {
        id: 'who',
        header: 'Requested by',
        value: (row) => [row.requestedBy, row.decidedBy].filter(Boolean).join(' · '),
        render: (row) => (
          <span className="cell-stack">
            <span>{row.requestedBy}</span>
            {row.reason && <span className="muted">“{row.reason}”</span>}
            {row.decidedBy && (
              <span className="muted">
                {row.status} by {row.decidedBy}
                {row.note ? `: “${row.note}”` : ''}
              </span>
            )}
          </span>
        ),
      },
      { id: 'from', header: 'From', value: (row) => territory(row.from), exportOnly: true },
      { id: 'to', header: 'To', value: (row) => territory(row.to), exportOnly: true },
      { id: 'reason', header: 'Reason', value: (row) => row.reason, exportOnly: true },
      { id: 'note', header: 'Note', value: (row) => row.note, exportOnly: true },
      { id: 'currency', header: 'Currency', value: (row) => row.impact?.currency ?? null, exportOnly: true },
    );
    return list;
  }, [territory, mayDecide]);

  const statusFilter = (
    <fieldset className="segmented" aria-label="Status">
      {(['all', ...MOVE_STATUSES] as const).map((option) => (
        <button
          key={option}
          type="button"
          className="segment"
          aria-pressed={shown === option}
          onClick={() =>
            navigate(option === 'all' ? '/territories/moves' : `/territories/moves?status=${option}`, { replace: true })
          }
        >
          {statusLabels[option]}
        </button>
      ))}
    </fieldset>
  );

  return (
    <Card
      title="Move requests"
      subtitle="What moves with each account: open pipeline, trailing bookings and quota, in the reporting currency"
      testId="moves-card"
    >
      {notice && (
        <p className="notice notice--success" role="status" data-testid="moves-notice">
          {notice}
        </p>
      )}
      {moves.state === 'loading' && <Loading label="Loading move requests…" />}
      {moves.state === 'error' && <ErrorState error={moves.error} onRetry={reload} />}
      {moves.state === 'ready' &&
        (moves.value.rows.length === 0 && shown === 'all' ? (
          <EmptyState title="No move requests yet">
            <p>
              Open <Link to="/territories/accounts">Accounts</Link> and choose <strong>Request move</strong> on an
              account, or run <code>attain territory move &lt;account&gt; &lt;territory&gt; --effective DATE</code>.
            </p>
          </EmptyState>
        ) : (
          <DataTable
            testId="moves"
            columns={columns}
            rows={moves.value.rows}
            exportName={`move-requests-${shown}`}
            filterPlaceholder="Filter requests"
            toolbar={statusFilter}
            initialSort={[{ id: 'id', desc: true }]}
            emptyMessage={`No ${shown} move requests.`}
          />
        ))}
      {deciding && (
        <DecideMoveDialog
          request={deciding.request}
          decision={deciding.decision}
          territory={territory}
          onClose={() => setDeciding(null)}
          onDecided={(decided) => {
            setDeciding(null);
            setNotice(
              `Request #${decided.id} (${decided.accountName}) is now ${decided.status}${
                decided.status === 'approved' ? `; it applies on ${formatDate(decided.effective)}` : ''
              }.`,
            );
            reload();
          }}
        />
      )}
    </Card>
  );
}
