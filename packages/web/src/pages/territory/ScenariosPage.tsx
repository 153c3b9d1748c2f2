// Scenarios: what-if territory models (planning → published, or archived). Ops and admin create one
// as a copy of the live model on a date; managers may read them (DESIGN §9).
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../components/format.ts';
import { TerritoryIcon } from '../../components/icons.tsx';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { navigate } from '../../router.ts';
import { canOperate, localToday, type Scenario } from './types.ts';

export const scenarioPath = (scenario: Scenario) => `/territories/scenarios/${encodeURIComponent(scenario.id)}`;

const columns: DataColumn<Scenario>[] = [
  {
    id: 'name',
    header: 'Scenario',
    value: (row) => row.name,
    render: (row) => <Link to={scenarioPath(row)}>{row.name}</Link>,
  },
  {
    id: 'status',
    header: 'Status',
    value: (row) => row.status,
    render: (row) => <span className={`pill pill--${row.status}`}>{row.status}</span>,
  },
  {
    id: 'basedOn',
    header: 'Live model of',
    value: (row) => row.basedOn,
    render: (row) => <span className="nowrap">{formatDate(row.basedOn)}</span>,
  },
  {
    id: 'effectiveDate',
    header: 'Effective',
    value: (row) => row.effectiveDate,
    render: (row) => (row.effectiveDate ? <span className="nowrap">{formatDate(row.effectiveDate)}</span> : '—'),
  },
  { id: 'createdBy', header: 'Created by', value: (row) => row.createdBy },
  {
    id: 'createdAt',
    header: 'Created',
    value: (row) => row.createdAt,
    render: (row) => <span className="nowrap">{formatDate(row.createdAt.slice(0, 10))}</span>,
  },
  { id: 'id', header: 'ID', value: (row) => row.id, exportOnly: true },
];

export function ScenariosPage({ me }: { me: Me }) {
  const [answer, reload] = useApi<{ scenarios: Scenario[] }>('/api/territory/scenarios');
  const operate = canOperate(me.role);
  const scenarios = useMemo(() => (answer.state === 'ready' ? answer.value.scenarios : []), [answer]);

  if (answer.state === 'loading') return <Loading label="Loading scenarios…" />;
  if (answer.state === 'error') {
    if (answer.error.code === 'FORBIDDEN') {
      return (
        <Card>
          <EmptyState title="Scenarios are for Sales Ops and sales managers" icon={<TerritoryIcon />}>
            <p>{answer.error.message}. The live territories are on the Tree and Accounts tabs.</p>
          </EmptyState>
        </Card>
      );
    }
    return <ErrorState error={answer.error} onRetry={reload} />;
  }

  return (
    <>
      {operate && <CreateScenario />}
      <Card
        title="Scenarios"
        subtitle="Planning scenarios can change; published and archived ones are a record"
        testId="scenarios-card"
      >
        {scenarios.length === 0 ? (
          <EmptyState title="No scenarios yet" icon={<TerritoryIcon />}>
            <p>
              A scenario is a copy of the live territories to try changes on before they take effect.{' '}
              {operate
                ? 'Create one above from the live model, or let the optimizer propose balanced territories:'
                : 'Sales Ops creates them here or with the optimizer:'}
            </p>
            <p>
              <code>attain territory balance --metric potential --tolerance 0.1</code>
            </p>
          </EmptyState>
        ) : (
          <DataTable
            testId="scenarios"
            columns={columns}
            rows={scenarios}
            exportName="territory-scenarios"
            filterPlaceholder="Filter scenarios"
            initialSort={[{ id: 'createdAt', desc: true }]}
          />
        )}
      </Card>
    </>
  );
}

function CreateScenario() {
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState(localToday);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const created = await api<Scenario>('/api/territory/scenarios', {
        method: 'POST',
        body: { name: name.trim(), asOf },
      });
      navigate(scenarioPath(created));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'Creating the scenario failed.'));
      setSending(false);
    }
  }

  return (
    <Card
      title="New scenario"
      subtitle="Copies the live assignments, owners and rules of a date; the live model is untouched until you publish"
      testId="create-scenario"
    >
      <form className="inline-form" onSubmit={create}>
        <label className="field field--inline">
          <span>Name</span>
          <input
            className="text-input"
            value={name}
            required
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. FY27 EMEA split"
            aria-label="Scenario name"
          />
        </label>
        <label className="field field--inline">
          <span>Live model of</span>
          <input
            type="date"
            value={asOf}
            required
            onChange={(event) => setAsOf(event.target.value)}
            aria-label="Live model of"
          />
        </label>
        <button type="submit" className="button button--primary" disabled={sending || !name.trim() || !asOf}>
          {sending ? 'Copying the live model…' : 'Create from the live model'}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      )}
    </Card>
  );
}
