import { areaFor } from '../../areas.tsx';
import { Card } from '../../components/Card.tsx';
import { Link } from '../../components/Link.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
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
        <p>
          Calls by manager with their roll-ups, the models with their P10–P90 bands, the gap to quota and how accurate
          each method has been: <Link to="/forecast">open the forecast</Link>.
        </p>
      </Card>
    </>
  );
}
