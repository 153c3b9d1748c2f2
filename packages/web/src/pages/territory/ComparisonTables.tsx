// The scenario beside the live model, per territory (accounts, potential, bookings, pipeline,
// owner), then the accounts it moves and the owners it changes.
import { useMemo } from 'react';
import { Card } from '../../components/Card.tsx';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatMoney } from '../../components/format.ts';
import type { ScenarioComparison } from './types.ts';

type TerritoryRow = ScenarioComparison['territories'][number];
type MovedRow = ScenarioComparison['moved'][number];
type OwnerRow = ScenarioComparison['owners'][number];

export function TerritoriesSideBySide({ comparison, currency }: { comparison: ScenarioComparison; currency: string }) {
  const columns = useMemo<DataColumn<TerritoryRow>[]>(() => {
    const money = (value: string) => formatMoney(value, currency, 0);
    const count = (value: string) => formatCount(Number(value));
    const pair = (
      id: 'accounts' | 'potential' | 'bookings' | 'pipeline',
      header: string,
      show: (value: string) => string,
    ): DataColumn<TerritoryRow> => ({
      id,
      header,
      value: (row) => row.scenario[id],
      render: (row) => <Pair live={show(row.live[id])} scenario={show(row.scenario[id])} />,
      numeric: true,
    });
    return [
      {
        id: 'territory',
        header: 'Territory',
        value: (row) => row.name,
        render: (row) => (
          <span className="cell-stack">
            <strong>{row.name}</strong>
            <code>{row.territory}</code>
          </span>
        ),
      },
      pair('accounts', 'Accounts', count),
      pair('potential', 'Potential', money),
      pair('bookings', 'Bookings, 12 months', money),
      pair('pipeline', 'Open pipeline', money),
      {
        id: 'owner',
        header: 'Owner',
        value: (row) => row.scenario.owner,
        render: (row) => <Pair live={ownerLabel(row.live.owner)} scenario={ownerLabel(row.scenario.owner)} />,
      },
      { id: 'parent', header: 'Parent', value: (row) => row.parent, exportOnly: true },
      ...(['accounts', 'potential', 'bookings', 'pipeline', 'owner'] as const).map((figure) => ({
        id: `live-${figure}`,
        header: `Live ${figure}`,
        value: (row: TerritoryRow) => row.live[figure],
        exportOnly: true,
      })),
    ];
  }, [currency]);
  // A parent territory holds no accounts of its own: the leaves carry every figure.
  const leaves = useMemo(() => {
    const parents = new Set(comparison.territories.map((row) => row.parent).filter(Boolean));
    return comparison.territories.filter((row) => !parents.has(row.territory));
  }, [comparison]);

  return (
    <Card
      title="Live vs scenario"
      subtitle="Per leaf territory: the live model (grey) → the scenario, where they differ"
      testId="compare-territories-card"
    >
      <DataTable
        testId="compare-territories"
        columns={columns}
        rows={leaves}
        exportName={`scenario-${comparison.scenario.name}-territories`}
        filterPlaceholder="Filter territories"
      />
    </Card>
  );
}

/** The live value, then the scenario's when it differs. */
function Pair({ live, scenario }: { live: string; scenario: string }) {
  if (live === scenario) return <span>{scenario}</span>;
  return (
    <span className="pair pair--changed">
      <span className="muted">{live}</span> → <strong>{scenario}</strong>
    </span>
  );
}

const movedColumns: DataColumn<MovedRow>[] = [
  {
    id: 'account',
    header: 'Account',
    value: (row) => row.name,
    render: (row) => (
      <span className="cell-stack">
        <strong>{row.name}</strong>
        <code>{row.account}</code>
      </span>
    ),
  },
  { id: 'from', header: 'Live territory', value: (row) => row.from ?? '—' },
  { id: 'to', header: 'Scenario territory', value: (row) => row.to ?? '—' },
];

const ownerColumns: DataColumn<OwnerRow>[] = [
  { id: 'territory', header: 'Territory', value: (row) => row.territory },
  { id: 'live', header: 'Live owner', value: (row) => row.live ?? '—' },
  { id: 'scenario', header: 'Scenario owner', value: (row) => row.scenario ?? '—' },
];

export function ChangesTables({ comparison }: { comparison: ScenarioComparison }) {
  return (
    <div className="grid grid--charts">
      <Card
        title={`Accounts moved · ${formatCount(comparison.moved.length)}`}
        subtitle="Accounts whose territory differs from the live model"
        testId="moved-card"
      >
        <DataTable
          testId="moved-accounts"
          columns={movedColumns}
          rows={comparison.moved}
          exportName={`scenario-${comparison.scenario.name}-moved`}
          filterPlaceholder="Filter accounts"
          emptyMessage="No account moves yet: the scenario holds the live assignments."
        />
      </Card>
      <Card
        title={`Owners affected · ${formatCount(comparison.ownersAffected.length)}`}
        subtitle="Owners of the territories that gain or lose accounts, or change hands"
        testId="owners-card"
      >
        {comparison.ownersAffected.length > 0 && (
          <ul className="owner-chips" data-testid="owners-affected">
            {comparison.ownersAffected.map((owner) => (
              <li key={owner} className={owner.startsWith('TBH') ? 'owner-chip owner-chip--tbh' : 'owner-chip'}>
                {ownerLabel(owner)}
              </li>
            ))}
          </ul>
        )}
        <DataTable
          testId="owner-changes"
          columns={ownerColumns}
          rows={comparison.owners}
          exportName={`scenario-${comparison.scenario.name}-owners`}
          filterPlaceholder="Filter owner changes"
          emptyMessage="No territory changes owner in this scenario."
        />
      </Card>
    </div>
  );
}

/** The server writes a placeholder as "TBH: <label>", and demo labels start with "TBH" too. */
function ownerLabel(owner: string | null): string {
  return owner ? owner.replace(/^TBH:\s*TBH\s+/, 'TBH: ') : '—';
}
