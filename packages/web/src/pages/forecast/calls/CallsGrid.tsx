// The weekly forecast-call grid per manager (issue 6, docs/forecast-calls.md): one row per direct
// report with their call (a manager's row is their team call: override, else roll-up), won to date
// beside it; the manager's own roll-up and override (with its note) above. Pick any past week to see
// the calls as they stood then; open a manager's row to see their team.
import { useMemo, useState } from 'react';
import type { Me } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Card } from '../../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../../components/DataTable.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { ErrorState, Loading } from '../../../components/StatusViews.tsx';
import { CallDialog, type CallDraft } from './CallDialog.tsx';
import { CallSummary } from './CallSummary.tsx';
import type { CallGrid, TeamCallRow } from './types.ts';
import '../../../styles/data.css';
import './calls.css';

const SOURCE_LABEL: Record<TeamCallRow['source'], string> = {
  own: 'Own call',
  override: 'Override',
  rollup: 'Roll-up',
  none: 'No call',
};

const today = () => new Date().toISOString().slice(0, 10);

export function CallsGrid({ me }: { me: Me }) {
  const [period, setPeriod] = useState('');
  const [week, setWeek] = useState(today());
  const [trail, setTrail] = useState<{ person: string; name: string }[]>([]);
  const [draft, setDraft] = useState<CallDraft | null>(null);
  const query = new URLSearchParams({ week });
  if (period) query.set('period', period);
  const focus = trail[trail.length - 1];
  if (focus) query.set('person', focus.person);
  const [grid, reload] = useApi<CallGrid>(`/api/forecast/calls?${query}`);

  const currency = grid.state === 'ready' ? grid.value.currency : 'USD';
  const columns = useMemo<DataColumn<TeamCallRow>[]>(() => {
    const money = (id: 'commit' | 'bestCase' | 'pipeline' | 'wonToDate', header: string): DataColumn<TeamCallRow> => ({
      id,
      header,
      value: (row) => row[id],
      render: (row) => formatMoney(row[id], currency),
      numeric: true,
    });
    return [
      {
        id: 'name',
        header: 'Person',
        value: (row) => row.name,
        render: (row) =>
          row.manages ? (
            <button
              type="button"
              className="link-button"
              onClick={() => setTrail((t) => [...t, { person: row.person, name: row.name }])}
              aria-label={`Open ${row.name}'s team`}
            >
              ▸ {row.name}
            </button>
          ) : (
            row.name
          ),
      },
      { id: 'source', header: 'Source', value: (row) => SOURCE_LABEL[row.source] },
      money('commit', 'Commit'),
      money('bestCase', 'Best case'),
      money('pipeline', 'Pipeline'),
      money('wonToDate', 'Won to date'),
      {
        id: 'weekOf',
        header: 'Call of week',
        value: (row) => (row.override ?? row.ownCall)?.weekOf ?? null,
        render: (row) => {
          const call = row.source === 'override' ? row.override : row.ownCall;
          return call ? <span className="nowrap">{formatDate(call.weekOf)}</span> : '—';
        },
      },
      { id: 'note', header: 'Note', value: (row) => row.override?.note ?? null },
      { id: 'externalId', header: 'ID', value: (row) => row.person, exportOnly: true },
      { id: 'currency', header: 'Currency', value: () => currency, exportOnly: true },
    ];
  }, [currency]);

  const controls = (
    <div className="toolbar-fields">
      <label className="field field--inline">
        <span>Period</span>
        <input
          placeholder={grid.state === 'ready' ? grid.value.period.period : '2026-Q3'}
          defaultValue={period}
          onBlur={(event) => setPeriod(event.target.value.trim())}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setPeriod(event.currentTarget.value.trim());
          }}
          data-testid="calls-period"
        />
      </label>
      <label className="field field--inline">
        <span>As of week</span>
        <input
          type="date"
          value={week}
          max={today()}
          onChange={(event) => event.target.value && setWeek(event.target.value)}
          data-testid="calls-week"
        />
      </label>
    </div>
  );

  if (grid.state === 'loading') return <Loading label="Loading forecast calls…" />;
  if (grid.state === 'error') {
    return (
      <>
        {controls}
        <ErrorState error={grid.error} onRetry={reload} />
      </>
    );
  }
  const { team, period: p, weekOf } = grid.value;
  const mine = me.person?.externalId === team.person;
  const overrides = (me.role === 'manager' || me.role === 'ops' || me.role === 'admin') && team.manages;
  const onBehalf = me.role === 'ops' || me.role === 'admin';
  const editOwn = (row: TeamCallRow) =>
    setDraft({
      person: row.person,
      personName: row.name,
      period: p.period,
      currency: row.ownCall?.currency,
      override: false,
      initial: row.ownCall,
      note: null,
    });

  return (
    <div className="forecast-calls" data-testid="calls-grid">
      {trail.length > 0 && (
        <nav className="breadcrumbs" aria-label="Teams">
          <button type="button" className="link-button" onClick={() => setTrail([])}>
            Top
          </button>
          {trail.map((step, i) => (
            <span key={step.person}>
              {' › '}
              <button type="button" className="link-button" onClick={() => setTrail(trail.slice(0, i + 1))}>
                {step.name}
              </button>
            </span>
          ))}
        </nav>
      )}
      <CallSummary
        grid={grid.value}
        onEditOwn={(mine && me.role !== 'finance') || onBehalf ? () => editOwn(team) : undefined}
        onOverride={
          overrides
            ? () =>
                setDraft({
                  person: team.person,
                  personName: team.name,
                  period: p.period,
                  currency: team.override?.currency ?? grid.value.currency,
                  override: true,
                  initial: team.override,
                  note: team.override?.note ?? null,
                })
            : undefined
        }
      />
      {team.manages && (
        <Card title={`${team.name}'s team`} subtitle={`${p.period}, calls as of the week of ${formatDate(weekOf)}`}>
          <DataTable
            testId="calls-table"
            columns={
              onBehalf
                ? [
                    ...columns,
                    {
                      id: 'edit',
                      header: '',
                      value: () => null,
                      render: (row) =>
                        row.manages ? null : (
                          <button type="button" className="button button--ghost" onClick={() => editOwn(row)}>
                            Edit call
                          </button>
                        ),
                    },
                  ]
                : columns
            }
            rows={team.reports}
            exportName={`forecast-calls-${team.person}-${p.period}-${weekOf}`}
            filterPlaceholder="Filter people"
            toolbar={controls}
            emptyMessage="Nobody reports to this person in that week."
          />
        </Card>
      )}
      {!team.manages && controls}
      {draft && (
        <CallDialog
          draft={draft}
          onClose={() => setDraft(null)}
          onSaved={() => {
            setDraft(null);
            setWeek(today());
            reload();
          }}
        />
      )}
    </div>
  );
}
