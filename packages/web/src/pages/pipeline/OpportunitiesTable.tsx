import { useMemo, useState } from 'react';
import type { Opportunity, OpportunityPage, OpportunityStatus } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Pager } from '../../components/Pager.tsx';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';

const PAGE_SIZE = 50;
const statuses: { value: OpportunityStatus | 'all'; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
  { value: 'all', label: 'All' },
];

const columns: DataColumn<Opportunity>[] = [
  {
    id: 'name',
    header: 'Opportunity',
    value: (row) => row.name,
    render: (row) => (
      <span className="cell-stack">
        <strong>{row.name}</strong>
        <code>{row.externalId}</code>
      </span>
    ),
  },
  { id: 'account', header: 'Account', value: (row) => row.account },
  { id: 'owner', header: 'Owner', value: (row) => row.owner },
  { id: 'stage', header: 'Stage', value: (row) => row.stage },
  {
    id: 'status',
    header: 'Status',
    value: (row) => row.status,
    render: (row) => <span className={`pill pill--${row.status}`}>{row.status}</span>,
  },
  { id: 'forecastCategory', header: 'Forecast', value: (row) => row.forecastCategory },
  {
    id: 'closeDate',
    header: 'Close date',
    value: (row) => row.closeDate,
    render: (row) => <span className="nowrap">{formatDate(row.closeDate)}</span>,
  },
  {
    id: 'amount',
    header: 'Amount',
    value: (row) => row.amount,
    render: (row) => formatMoney(row.amount, row.currency),
    numeric: true,
  },
  // On screen the ID sits under the name and the currency is in the amount; the CSV has both.
  { id: 'externalId', header: 'ID', value: (row) => row.externalId, exportOnly: true },
  { id: 'currency', header: 'Currency', value: (row) => row.currency, exportOnly: true },
];

export function OpportunitiesTable() {
  const [status, setStatus] = useState<OpportunityStatus | 'all'>('open');
  const [offset, setOffset] = useState(0);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (status !== 'all') query.set('status', status);
  const [page, reload] = useApi<OpportunityPage>(`/api/opportunities?${query}`);
  const rows = useMemo(() => (page.state === 'ready' ? page.value.rows : []), [page]);

  if (page.state === 'loading') return <Loading label="Loading opportunities…" />;
  if (page.state === 'error') return <ErrorState error={page.error} onRetry={reload} />;

  const statusFilter = (
    <fieldset className="segmented" aria-label="Status">
      {statuses.map((option) => (
        <button
          key={option.value}
          type="button"
          className="segment"
          aria-pressed={status === option.value}
          onClick={() => {
            setStatus(option.value);
            setOffset(0);
          }}
        >
          {option.label}
        </button>
      ))}
    </fieldset>
  );

  return (
    <DataTable
      testId="opportunities"
      columns={columns}
      rows={rows}
      exportName={`opportunities-${status}-${offset + 1}`}
      filterPlaceholder="Filter this page"
      rowCountNote="on this page"
      toolbar={statusFilter}
      emptyMessage={status === 'all' ? 'No opportunities yet.' : `No ${status} opportunities.`}
      footer={
        <Pager offset={offset} limit={PAGE_SIZE} total={page.value.total} busy={page.refreshing} onOffset={setOffset} />
      }
    />
  );
}
