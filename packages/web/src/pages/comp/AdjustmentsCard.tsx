// A period's manual adjustments on the runs page: ops and admin write one (amount, reason); someone
// other than its author approves it (ops, admin, finance); only approved ones reach the next run.
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatMoney } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import type { Adjustment } from './types.ts';

export function AdjustmentsCard({ me, period, closed }: { me: Me; period: string; closed: boolean }) {
  const [list, reload] = useApi<{ rows: Adjustment[] }>(`/api/comp/adjustments?period=${encodeURIComponent(period)}`);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const operator = me.role === 'admin' || me.role === 'ops';
  const reviewer = operator || me.role === 'finance';

  const columns = useMemo<DataColumn<Adjustment>[]>(() => {
    async function approve(adjustment: Adjustment) {
      setError(null);
      try {
        await api(`/api/comp/adjustments/${encodeURIComponent(adjustment.id)}/approve`, { method: 'POST' });
        setNotice(`Adjustment #${adjustment.id} is approved: run ${period} again to include it.`);
        reload();
      } catch (cause) {
        setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The approval failed.'));
      }
    }
    return [
      { id: 'id', header: '#', value: (row) => Number(row.id), numeric: true },
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
        id: 'amount',
        header: 'Amount',
        value: (row) => row.amount,
        render: (row) => formatMoney(row.amount, row.currency),
        numeric: true,
      },
      {
        id: 'reason',
        header: 'Reason',
        value: (row) => row.reason,
        render: (row) => (
          <span className="cell-stack">
            <span>{row.reason}</span>
            {row.disputeId && <Link to={`/comp/disputes?id=${row.disputeId}`}>from dispute #{row.disputeId}</Link>}
          </span>
        ),
      },
      { id: 'author', header: 'Written by', value: (row) => row.author },
      {
        id: 'approver',
        header: 'Approved by',
        value: (row) => row.approver,
        render: (row) =>
          row.approver ??
          (reviewer && row.author !== me.user.email && !closed ? (
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => approve(row)}
              aria-label={`Approve adjustment ${row.id}`}
            >
              Approve
            </button>
          ) : (
            <span className="muted">waiting</span>
          )),
      },
      { id: 'currency', header: 'Currency', value: (row) => row.currency, exportOnly: true },
    ];
  }, [reviewer, me.user.email, closed, period, reload]);

  return (
    <Card
      title="Manual adjustments"
      subtitle="Written by one person, approved by another; approved ones are paid by the next run of the period"
      testId="adjustments-card"
    >
      {notice && (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      )}
      {list.state === 'loading' && <Loading label="Loading adjustments…" />}
      {list.state === 'error' && <ErrorState error={list.error} onRetry={reload} />}
      {list.state === 'ready' && (
        <DataTable
          testId="adjustments"
          columns={columns}
          rows={list.value.rows}
          exportName={`comp-adjustments-${period}`}
          filterPlaceholder="Filter adjustments"
          initialSort={[{ id: 'id', desc: true }]}
          emptyMessage={`No manual adjustment for ${period}.`}
        />
      )}
      {operator && !closed && (
        <NewAdjustment
          period={period}
          onCreated={(a) => {
            setNotice(`Adjustment #${a.id} for ${a.name} is written; someone else approves it.`);
            reload();
          }}
        />
      )}
    </Card>
  );
}

function NewAdjustment({ period, onCreated }: { period: string; onCreated: (a: Adjustment) => void }) {
  const [person, setPerson] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<Adjustment>('/api/comp/adjustments', {
        method: 'POST',
        body: { person: person.trim(), period, amount: amount.trim(), reason },
      });
      setPerson('');
      setAmount('');
      setReason('');
      onCreated(created);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The adjustment was not saved.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form new-adjustment" onSubmit={submit}>
      <label className="field field--inline">
        <span>Payee ID</span>
        <input
          className="text-input"
          value={person}
          onChange={(e) => setPerson(e.target.value)}
          aria-label="Payee ID"
        />
      </label>
      <label className="field field--inline">
        <span>Amount</span>
        <input
          className="text-input new-adjustment__amount"
          value={amount}
          inputMode="decimal"
          placeholder="-120.00"
          onChange={(e) => setAmount(e.target.value)}
          aria-label="Amount"
        />
      </label>
      <label className="field field--inline">
        <span>Reason</span>
        <input className="text-input" value={reason} onChange={(e) => setReason(e.target.value)} aria-label="Reason" />
      </label>
      <button type="submit" className="button button--secondary" disabled={busy || !person || !amount || !reason}>
        Add adjustment
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      )}
    </form>
  );
}
