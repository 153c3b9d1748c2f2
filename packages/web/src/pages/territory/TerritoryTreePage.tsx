// The territory tree as of a date: geo → leaf account territories, then the overlay territories with
// their product family; owner (a to-be-hired placeholder shows as TBH), accounts and figures. A
// parent's figures are its subtree's sum. A territory's name opens its accounts.
import { useMemo, useState } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { downloadCsv, toCsv } from '../../components/csv.ts';
import { formatCount, formatDate, formatMoney } from '../../components/format.ts';
import { DownloadIcon, TerritoryIcon } from '../../components/icons.tsx';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { OwnerCell } from './OwnerCell.tsx';
import { accountsFirst, buildTree, type TreeRow } from './tree-rollup.ts';
import type { TerritoryTree } from './types.ts';
import { useReportingCurrency } from './useReportingCurrency.ts';

export function TerritoryTreePage({ asOf }: { asOf: string | null }) {
  const [tree, reload] = useApi<TerritoryTree>(`/api/territories${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);
  const currency = useReportingCurrency(tree.state === 'ready' ? tree.value.currency : undefined);
  const rows = useMemo(() => (tree.state === 'ready' ? buildTree(tree.value.territories) : new Map()), [tree]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  if (tree.state === 'loading') return <Loading label="Loading the territory tree…" />;
  if (tree.state === 'error') return <ErrorState error={tree.error} onRetry={reload} />;

  const territories = accountsFirst(tree.value.territories, rows);
  const shownAsOf = tree.value.asOf;
  const hasPotential = territories.some((territory) => territory.potential != null);
  const parents = territories.filter((territory) => (rows.get(territory.externalId)?.children.length ?? 0) > 0);
  // A row is visible when none of its ancestors is collapsed.
  const visible = territories.filter((territory) => {
    let parent = territory.parent;
    while (parent) {
      if (collapsed.has(parent)) return false;
      parent = rows.get(parent)?.territory.parent ?? null;
    }
    return true;
  });

  function toggle(id: string) {
    setCollapsed((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function exportCsv() {
    const header = ['Territory ID', 'Territory', 'Parent', 'Type', 'Product family', 'Owner', 'TBH', 'Accounts'];
    if (hasPotential) header.push('Potential');
    header.push('Trailing bookings (12 months)', 'Open pipeline', 'Currency');
    const lines = territories.map((territory) => {
      const row = rows.get(territory.externalId) as TreeRow;
      return [
        territory.externalId,
        territory.name,
        territory.parent,
        territory.type,
        territory.productFamily,
        territory.owner?.name,
        territory.owner?.tbh ? 'yes' : 'no',
        row.total.accounts,
        ...(hasPotential ? [row.total.potential] : []),
        row.total.trailingBookings,
        row.total.openPipeline,
        currency,
      ];
    });
    downloadCsv(`territories-${shownAsOf}.csv`, toCsv(header, lines));
  }

  return (
    <Card
      title="Territory tree"
      subtitle={`As of ${formatDate(shownAsOf)} · amounts in ${currency} · a parent shows the sum of the territories under it`}
      testId="territory-tree-card"
    >
      <div className="data-table" data-testid="territory-tree">
        <div className="data-table__toolbar">
          <label className="field field--inline">
            <span>As of</span>
            <input
              type="date"
              aria-label="As of"
              value={shownAsOf}
              onChange={(event) => {
                if (event.target.value) navigate(`/territories?asOf=${event.target.value}`, { replace: true });
              }}
            />
          </label>
          {parents.length > 0 && (
            <>
              <button type="button" className="button button--ghost" onClick={() => setCollapsed(new Set())}>
                Expand all
              </button>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => setCollapsed(new Set(parents.map((territory) => territory.externalId)))}
              >
                Collapse all
              </button>
            </>
          )}
          <span className="data-table__count">
            {formatCount(territories.length)} {territories.length === 1 ? 'territory' : 'territories'}
            {tree.refreshing && ' · loading…'}
          </span>
          <button
            type="button"
            className="button button--secondary"
            onClick={exportCsv}
            disabled={territories.length === 0}
          >
            <DownloadIcon /> Export CSV
          </button>
        </div>
        {territories.length === 0 ? (
          <EmptyState title="No territories on this date" icon={<TerritoryIcon />}>
            <p>
              Load territories on the Data page (the <code>territories</code> and <code>territoryAssignments</code>{' '}
              entities), or pick a later date. Then <code>attain territory assign</code> places accounts by the rules.
            </p>
          </EmptyState>
        ) : (
          <div className="data-table__scroll tree-table__scroll">
            <table className="tree-table">
              <thead>
                <tr>
                  <th scope="col">Territory</th>
                  <th scope="col">Owner</th>
                  <th scope="col" className="numeric">
                    Accounts
                  </th>
                  {hasPotential && (
                    <th scope="col" className="numeric">
                      Potential
                    </th>
                  )}
                  <th scope="col" className="numeric">
                    Bookings, 12 months
                  </th>
                  <th scope="col" className="numeric">
                    Open pipeline
                  </th>
                </tr>
              </thead>
              <tbody>
                {visible.map((territory) => {
                  const row = rows.get(territory.externalId) as TreeRow;
                  const isParent = row.children.length > 0;
                  const open = !collapsed.has(territory.externalId);
                  const accountsPath = `/territories/accounts?territory=${encodeURIComponent(territory.externalId)}&asOf=${shownAsOf}`;
                  return (
                    <tr
                      key={territory.externalId}
                      className={isParent ? 'tree-table__parent' : undefined}
                      data-testid="territory-row"
                      data-territory={territory.externalId}
                      data-type={territory.type}
                    >
                      <td>
                        <span className="tree-cell" style={{ paddingLeft: territory.depth * 22 }}>
                          {isParent ? (
                            <button
                              type="button"
                              className="tree-toggle"
                              aria-expanded={open}
                              aria-label={`${open ? 'Collapse' : 'Expand'} ${territory.name}`}
                              onClick={() => toggle(territory.externalId)}
                            >
                              {open ? '▾' : '▸'}
                            </button>
                          ) : (
                            <span className="tree-toggle tree-toggle--leaf" aria-hidden="true" />
                          )}
                          <span className="cell-stack">
                            {territory.type === 'overlay' ? (
                              // Overlay accounts are not listed by the accounts route (it lists account territories).
                              <strong>{territory.name}</strong>
                            ) : (
                              <Link to={accountsPath}>{territory.name}</Link>
                            )}
                            <code>{territory.externalId}</code>
                          </span>
                          {territory.type === 'overlay' && (
                            <span className="pill pill--overlay" title="Overlay territory: credits by product family">
                              Overlay{territory.productFamily ? ` · ${territory.productFamily}` : ''}
                            </span>
                          )}
                        </span>
                      </td>
                      <td>
                        <OwnerCell owner={territory.owner} />
                      </td>
                      <td className="numeric">{formatCount(row.total.accounts)}</td>
                      {hasPotential && (
                        <td className="numeric">
                          {row.total.potential === null ? '—' : formatMoney(row.total.potential, currency, 0)}
                        </td>
                      )}
                      <td className="numeric">{formatMoney(row.total.trailingBookings, currency, 0)}</td>
                      <td className="numeric">{formatMoney(row.total.openPipeline, currency, 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Card>
  );
}
