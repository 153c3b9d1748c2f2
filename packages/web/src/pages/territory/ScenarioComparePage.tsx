// One scenario beside the live model (DESIGN §5.1): what it moves and whom it affects, how even the
// territories are before and after, and — for Sales Ops while it is planning — edit, publish, archive.
import { useState } from 'react';
import type { Me } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { formatCount, formatDate } from '../../components/format.ts';
import { KpiCard } from '../../components/KpiCard.tsx';
import { Link } from '../../components/Link.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/StatusViews.tsx';
import { BalanceCard } from './BalanceCard.tsx';
import { ChangesTables, TerritoriesSideBySide } from './ComparisonTables.tsx';
import { ScenarioActions } from './ScenarioActions.tsx';
import { canOperate, type ScenarioComparison } from './types.ts';
import { useReportingCurrency } from './useReportingCurrency.ts';

export function ScenarioComparePage({ me, reference }: { me: Me; reference: string }) {
  const [comparison, reload] = useApi<ScenarioComparison>(
    `/api/territory/scenarios/${encodeURIComponent(reference)}/compare`,
  );
  const currency = useReportingCurrency(comparison.state === 'ready' ? comparison.value.currency : undefined);
  const [notice, setNotice] = useState<string | null>(null);

  if (comparison.state === 'loading') {
    return <Loading label="Comparing the scenario with the live model…" />;
  }
  if (comparison.state === 'error') {
    if (comparison.error.code === 'SCENARIO_NOT_FOUND') {
      return (
        <Card>
          <EmptyState title="No such scenario">
            <p>{comparison.error.message}.</p>
            <Link to="/territories/scenarios" className="button button--secondary">
              All scenarios
            </Link>
          </EmptyState>
        </Card>
      );
    }
    return <ErrorState error={comparison.error} onRetry={reload} />;
  }

  const value = comparison.value;
  const { scenario } = value;
  const changed = value.territories.filter(
    (row) => row.live.accounts !== row.scenario.accounts || row.live.owner !== row.scenario.owner,
  ).length;
  return (
    <div className="scenario" data-testid="scenario-compare">
      <div className="scenario__title">
        <Link to="/territories/scenarios" className="muted">
          ← Scenarios
        </Link>
        <h2 data-testid="scenario-name">
          {scenario.name} <span className={`pill pill--${scenario.status}`}>{scenario.status}</span>
        </h2>
        <p className="muted">
          Copied from the live model of {formatDate(scenario.basedOn)} by {scenario.createdBy} · compared with the live
          model of {formatDate(value.asOf)}
          {scenario.effectiveDate && ` · effective ${formatDate(scenario.effectiveDate)}`} · amounts in {currency}
        </p>
      </div>
      {notice && (
        <p className="notice notice--success" role="status" data-testid="scenario-notice">
          {notice}
        </p>
      )}
      {canOperate(me.role) && scenario.status === 'planning' && (
        <ScenarioActions
          comparison={value}
          onChanged={(message) => {
            setNotice(message);
            reload();
          }}
        />
      )}
      <div className="grid grid--kpis">
        <KpiCard
          testId="scenario-moved"
          label="Accounts moved"
          value={formatCount(value.moved.length)}
          hint="Territory differs from the live model"
        />
        <KpiCard
          testId="scenario-owners-affected"
          label="Owners affected"
          value={formatCount(value.ownersAffected.length)}
          hint={`${formatCount(value.owners.length)} ${value.owners.length === 1 ? 'territory changes' : 'territories change'} owner`}
        />
        <KpiCard
          testId="scenario-territories-changed"
          label="Territories changed"
          value={formatCount(changed)}
          hint={`Of ${formatCount(value.territories.length)} account territories`}
        />
        <KpiCard
          testId="scenario-potential-deviation"
          label="Max deviation, potential"
          value={`${((value.balance.potential?.scenario.maxDeviation ?? 0) * 100).toFixed(1)}%`}
          hint={`Live: ${((value.balance.potential?.live.maxDeviation ?? 0) * 100).toFixed(1)}% · from the group mean`}
        />
      </div>
      <BalanceCard comparison={value} currency={currency} />
      <TerritoriesSideBySide comparison={value} currency={currency} />
      <ChangesTables comparison={value} />
    </div>
  );
}
