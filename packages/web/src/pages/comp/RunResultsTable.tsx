// The tables of a run: results per payee (each opens the payee's statement), the holds with their
// codes, and the runs of the period. Sort, filter and export CSV come with DataTable.
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatMoney } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { formatTime, type Hold, type PayeeResult, type RunSummary } from './types.ts';

const statementLink = (person: string, period: string) =>
  `/comp/statements?person=${encodeURIComponent(person)}&period=${encodeURIComponent(period)}`;

export function RunResultsTable({ rows, period }: { rows: PayeeResult[]; period: string }) {
  const money = (pick: (row: PayeeResult) => string) => (row: PayeeResult) => formatMoney(pick(row), row.currency);
  const columns: DataColumn<PayeeResult>[] = [
    {
      id: 'name',
      header: 'Payee',
      value: (row) => row.name,
      render: (row) => (
        <span className="cell-stack">
          <Link to={statementLink(row.person, period)}>
            <strong>{row.name}</strong>
          </Link>
          <code>{row.person}</code>
        </span>
      ),
    },
    { id: 'currency', header: 'Currency', value: (row) => row.currency },
    { id: 'earned', header: 'Earned', value: (row) => row.earned, render: money((r) => r.earned), numeric: true },
    { id: 'paid', header: 'Paid', value: (row) => row.paid, render: money((r) => r.paid), numeric: true },
    {
      id: 'drawBalance',
      header: 'Draw balance',
      value: (row) => row.drawBalance,
      render: money((r) => r.drawBalance),
      numeric: true,
    },
    {
      id: 'status',
      header: 'Status',
      value: (row) => row.status,
      render: (row) => <span className={`pill pill--${row.status}`}>{row.status}</span>,
    },
    { id: 'person', header: 'Person ID', value: (row) => row.person, exportOnly: true },
  ];
  return (
    <DataTable
      testId="run-results"
      columns={columns}
      rows={rows}
      exportName={`comp-results-${period}`}
      filterPlaceholder="Filter payees"
      initialSort={[{ id: 'paid', desc: true }]}
      emptyMessage="No payee has a result in this run."
    />
  );
}

export function HoldsTable({ holds, period }: { holds: Hold[]; period: string }) {
  const columns: DataColumn<Hold>[] = [
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
      id: 'code',
      header: 'Code',
      value: (row) => row.code,
      render: (row) => <code className="hold-code">{row.code}</code>,
    },
    { id: 'message', header: 'What is missing', value: (row) => row.message },
    { id: 'person', header: 'Person ID', value: (row) => row.person, exportOnly: true },
  ];
  return (
    <DataTable
      testId="run-holds"
      columns={columns}
      rows={holds}
      exportName={`comp-holds-${period}`}
      filterPlaceholder="Filter holds"
      initialSort={[{ id: 'code', desc: false }]}
      emptyMessage="Nobody is held: every payee could be computed."
    />
  );
}

export function RunHistory({ runs }: { runs: RunSummary[] }) {
  const columns: DataColumn<RunSummary>[] = [
    { id: 'id', header: 'Run', value: (row) => Number(row.id), numeric: true },
    {
      id: 'status',
      header: 'Status',
      value: (row) => row.status,
      render: (row) => <span className={`pill pill--${row.status}`}>{row.status}</span>,
    },
    { id: 'runBy', header: 'Run by', value: (row) => row.runBy },
    {
      id: 'startedAt',
      header: 'When',
      value: (row) => row.startedAt,
      render: (row) => <span className="nowrap">{formatTime(row.startedAt)}</span>,
    },
    { id: 'mode', header: 'Mode', value: (row) => row.mode },
    {
      id: 'payees',
      header: 'Payees',
      value: (row) => row.payees,
      render: (row) => formatCount(row.payees),
      numeric: true,
    },
    { id: 'held', header: 'Held', value: (row) => row.held, render: (row) => formatCount(row.held), numeric: true },
    {
      id: 'paid',
      header: 'Paid',
      value: (row) => row.totals.map((t) => `${t.paid} ${t.currency}`).join('; '),
      render: (row) => row.totals.map((t) => formatMoney(t.paid, t.currency)).join(' + ') || '—',
    },
    { id: 'approvedBy', header: 'Approved by', value: (row) => row.approvedBy },
  ];
  return (
    <DataTable
      testId="run-history-table"
      columns={columns}
      rows={runs}
      exportName={`comp-runs-${runs[0]?.period ?? ''}`}
      initialSort={[{ id: 'id', desc: true }]}
    />
  );
}
