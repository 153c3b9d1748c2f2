// Accounts with their territory as of a date: by territory and a search text (the server filters and
// pages), sortable and exportable per page, each with "Request move" (DESIGN §5.1 account moves).
import { useEffect, useMemo, useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Link } from '../../components/Link.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { RequestMoveDialog } from './RequestMoveDialog.tsx';
import type { AccountPage, TerritoryAccount, TerritoryTree } from './types.ts';
import { useReportingCurrency } from './useReportingCurrency.ts';

const PAGE_SIZE = 50;

export function AccountsPage({ me, search }: { me: Me; search: string }) {
  const params = new URLSearchParams(search);
  const territory = params.get('territory') ?? '';
  const asOf = params.get('asOf') ?? '';
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const [offset, setOffset] = useState(0);
  const [moving, setMoving] = useState<TerritoryAccount | null>(null);
  const currency = useReportingCurrency(undefined);

  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
  if (territory) query.set('territory', territory);
  if (q) query.set('q', q);
  if (asOf) query.set('asOf', asOf);
  const [page, reload] = useApi<AccountPage>(`/api/accounts?${query}`);
  const [tree] = useApi<TerritoryTree>(`/api/territories${asOf ? `?asOf=${asOf}` : ''}`);
  const territories = tree.state === 'ready' ? tree.value.territories : [];
  const rows = useMemo(() => (page.state === 'ready' ? page.value.rows : []), [page]);

  // A new filter starts at the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are what resets the page.
  useEffect(() => setOffset(0), [territory, q, asOf]);

  function setFilter(name: 'territory' | 'asOf', value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`/territories/accounts${next.size > 0 ? `?${next}` : ''}`, { replace: true });
  }

  const columns = useMemo<DataColumn<TerritoryAccount>[]>(
    () => [
      {
        id: 'name',
        header: 'Account',
        value: (row) => row.name,
        render: (row) => (
          <span className="cell-stack">
            <strong>{row.name}</strong>
            <code>{row.externalId}</code>
          </span>
        ),
      },
      { id: 'industry', header: 'Industry', value: (row) => row.industry },
      { id: 'segment', header: 'Segment', value: (row) => row.segment, render: (row) => segmentLabel(row.segment) },
      {
        id: 'place',
        header: 'Country · region',
        value: (row) => [row.country, row.region].filter(Boolean).join(' · '),
      },
      {
        id: 'potential',
        header: 'Potential',
        value: (row) => row.potential,
        render: (row) => (row.potential === null ? '—' : formatMoney(row.potential, currency, 0)),
        numeric: true,
      },
      {
        id: 'territory',
        header: 'Territory',
        value: (row) => row.territoryName,
        render: (row) =>
          row.territory ? (
            <span className="cell-stack">
              <Link to={`/territories/accounts?territory=${encodeURIComponent(row.territory)}`}>
                {row.territoryName ?? row.territory}
              </Link>
              <code>{row.territory}</code>
            </span>
          ) : (
            <span className="pill pill--unassigned">Unassigned</span>
          ),
      },
      {
        id: 'since',
        header: 'Since',
        value: (row) => row.since,
        render: (row) => (row.since ? <span className="nowrap">{formatDate(row.since)}</span> : '—'),
      },
      {
        id: 'move',
        header: '',
        value: () => null,
        render: (row) => (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setMoving(row)}
            aria-label={`Request move of ${row.name}`}
          >
            Request move
          </button>
        ),
      },
      { id: 'externalId', header: 'Account ID', value: (row) => row.externalId, exportOnly: true },
      { id: 'territoryId', header: 'Territory ID', value: (row) => row.territory, exportOnly: true },
    ],
    [currency],
  );

  const filters = (
    <div className="filters">
      <label className="search-box">
        <input
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search name or ID"
          aria-label="Search accounts"
        />
      </label>
      <label className="field field--inline">
        <span>Territory</span>
        <select
          aria-label="Territory"
          value={territory}
          onChange={(event) => setFilter('territory', event.target.value)}
        >
          <option value="">All territories</option>
          {territories
            .filter((candidate) => candidate.type === 'account')
            .map((candidate) => (
              <option key={candidate.externalId} value={candidate.externalId}>
                {'\u00a0\u00a0'.repeat(candidate.depth)}
                {candidate.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field field--inline">
        <span>As of</span>
        <input
          type="date"
          aria-label="As of"
          value={asOf || (page.state === 'ready' ? page.value.asOf : '')}
          onChange={(event) => setFilter('asOf', event.target.value)}
        />
      </label>
    </div>
  );

  const territoryName = territories.find((candidate) => candidate.externalId === territory)?.name;
  return (
    <Card
      title={territory ? `Accounts of ${territoryName ?? territory}` : 'Accounts'}
      subtitle={
        page.state === 'ready'
          ? `Territory as of ${formatDate(page.value.asOf)} · the search and territory filters ask the server; the box below filters this page`
          : undefined
      }
      testId="accounts-card"
      actions={
        territory ? (
          <Link to="/territories/accounts" className="button button--ghost">
            All accounts
          </Link>
        ) : undefined
      }
    >
      {filters}
      {page.state === 'loading' && <Loading label="Loading accounts…" />}
      {page.state === 'error' && <ErrorState error={page.error} onRetry={reload} />}
      {page.state === 'ready' && (
        <DataTable
          testId="accounts"
          columns={columns}
          rows={rows}
          exportName={`accounts${territory ? `-${territory}` : ''}-${page.value.asOf}-${offset + 1}`}
          filterPlaceholder="Filter this page"
          rowCountNote="on this page"
          emptyMessage={
            q || territory
              ? 'No accounts match. Clear the search or pick another territory.'
              : 'No accounts yet. Load them on the Data page.'
          }
          footer={
            <Pager
              offset={offset}
              limit={PAGE_SIZE}
              total={page.value.total}
              busy={page.refreshing}
              onOffset={setOffset}
            />
          }
        />
      )}
      {moving && (
        <RequestMoveDialog
          account={moving}
          territories={territories}
          role={me.role}
          onClose={() => setMoving(null)}
          onRequested={reload}
        />
      )}
    </Card>
  );
}

const segmentLabels: Record<string, string> = { smb: 'SMB', mid_market: 'Mid-market', enterprise: 'Enterprise' };

function segmentLabel(segment: string | null): string {
  if (!segment) return '—';
  return segmentLabels[segment] ?? segment.replaceAll('_', ' ').replace(/^\w/, (first) => first.toUpperCase());
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
