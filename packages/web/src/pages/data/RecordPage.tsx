// One record: its current values and its recent audit history (DESIGN §3: every mutation is
// audited with who, when, what, before and after).
import { useMemo } from 'react';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount } from '../../components/format.ts';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { type AuditEntry, type EntitiesAnswer, type RecordAnswer, recordPath } from './types.ts';

export function RecordPage({ entity, externalId }: { entity: string; externalId: string }) {
  const [record, reload] = useApi<RecordAnswer>(`/api${recordPath(entity, externalId)}`);
  const [entities] = useApi<EntitiesAnswer>('/api/data/entities');
  const known = entities.state === 'ready' ? entities.value.entities.find((e) => e.name === entity) : undefined;
  const label = known?.label ?? entity;

  if (record.state === 'loading') return <Loading label="Loading the record…" />;
  if (record.state === 'error') {
    if (record.error.status === 404) {
      return (
        <Card>
          <EmptyState title="No such record">
            <p>
              There is no {label.toLowerCase()} with the ID <code>{externalId}</code>. It may have been renamed or not
              yet imported.
            </p>
          </EmptyState>
        </Card>
      );
    }
    return <ErrorState error={record.error} onRetry={reload} />;
  }

  const { values, audit } = record.value;
  // The entity's own column order first, then anything else the server sends.
  const order = known?.columns.map((column) => column.name) ?? [];
  const names = [...order.filter((name) => name in values), ...Object.keys(values).filter((n) => !order.includes(n))];
  return (
    <div className="record" data-testid="record">
      <div className="record__title">
        <span className="muted">{label}</span>
        <h2>{typeof values.name === 'string' && values.name ? values.name : record.value.externalId}</h2>
        <code>{record.value.externalId}</code>
      </div>
      <div className="grid grid--record">
        <Card title="Current values" testId="record-values">
          <table className="record-values">
            <tbody>
              {names.map((name) => (
                <tr key={name}>
                  <th scope="row">
                    <code>{name}</code>
                  </th>
                  <td>
                    {values[name] == null || values[name] === '' ? (
                      <span className="muted">—</span>
                    ) : (
                      show(values[name])
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card
          title="History"
          subtitle={`${formatCount(audit.length)} recent ${audit.length === 1 ? 'change' : 'changes'}, newest first`}
          testId="record-history"
        >
          <AuditTable audit={audit} exportName={`${entity}-${externalId}-history`} />
        </Card>
      </div>
    </div>
  );
}

function AuditTable({ audit, exportName }: { audit: AuditEntry[]; exportName: string }) {
  const columns = useMemo<DataColumn<AuditEntry>[]>(
    () => [
      {
        id: 'at',
        header: 'When',
        value: (row) => row.at,
        render: (row) => <span className="nowrap">{formatInstant(row.at)}</span>,
      },
      { id: 'actor', header: 'Who', value: (row) => row.actor },
      { id: 'action', header: 'What', value: (row) => row.action },
      {
        id: 'change',
        header: 'Before → after',
        value: (row) =>
          changes(row.before, row.after)
            .map((change) => `${change.field}: ${change.before} → ${change.after}`)
            .join('; '),
        render: (row) => <ChangeList before={row.before} after={row.after} />,
      },
    ],
    [],
  );
  return (
    <DataTable
      testId="record-audit"
      columns={columns}
      rows={audit}
      exportName={exportName}
      filterPlaceholder="Filter history"
      initialSort={[{ id: 'at', desc: true }]}
      emptyMessage="No changes recorded."
    />
  );
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const list = changes(before, after);
  if (list.length === 0) return <span className="muted">no field changed</span>;
  return (
    <ul className="change-list">
      {list.map((change) => (
        <li key={change.field}>
          {change.field && <code>{change.field}</code>} <span className="change-list__before">{change.before}</span> →{' '}
          <span className="change-list__after">{change.after}</span>
        </li>
      ))}
    </ul>
  );
}

/** Field by field when before and after are objects (only the fields that differ), else as a whole. */
function changes(before: unknown, after: unknown): { field: string; before: string; after: string }[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if ((isObject(before) || before == null) && (isObject(after) || after == null) && (before || after)) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return fields
      .filter((field) => show(b[field]) !== show(a[field]))
      .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }));
  }
  return show(before) === show(after) ? [] : [{ field: '', before: show(before), after: show(after) }];
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "2026-11-24T09:30:00Z" → "Nov 24, 2026, 9:30 AM" in the user's time zone. */
function formatInstant(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
