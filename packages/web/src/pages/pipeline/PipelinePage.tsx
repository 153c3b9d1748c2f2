import { areaFor } from '../../areas.tsx';
import { Card } from '../../components/Card.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/StatusViews.tsx';
import { OpportunitiesTable } from './OpportunitiesTable.tsx';
import { PipelineHistory } from './PipelineHistory.tsx';

export function PipelinePage() {
  return (
    <>
      <PageHeader title="Pipeline & Forecast" summary={areaFor('/pipeline')?.summary} />
      <PipelineHistory />
      <Card title="Opportunities" subtitle="Only the deals your role may see" testId="opportunities-card">
        <OpportunitiesTable />
      </Card>
      <Card title="Forecast" className="card--quiet">
        <EmptyState title="Forecast calls are coming to the web app">
          <p>
            Here you will submit your call for the quarter, see the roll-up by manager, and compare past calls with what
            closed. Today the command line does it: <code>attain forecast submit</code>,{' '}
            <code>attain forecast backtest</code>.
          </p>
        </EmptyState>
      </Card>
    </>
  );
}
