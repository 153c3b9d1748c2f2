import type { Dashboard } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScopeBadge } from '../../components/ScopeBadge.tsx';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import { BookingsByQuarterChart } from './BookingsByQuarterChart.tsx';
import { KpiRow } from './KpiRow.tsx';
import { PipelineByStageChart } from './PipelineByStageChart.tsx';
import { TopAccountsTable } from './TopAccountsTable.tsx';

export function HomePage() {
  const [dashboard, reload] = useApi<Dashboard>('/api/dashboard');

  if (dashboard.state === 'loading') {
    return (
      <>
        <PageHeader title="Home" summary="Bookings, pipeline and top accounts at a glance." />
        <Loading label="Loading your dashboard…" />
      </>
    );
  }
  if (dashboard.state === 'error') {
    return (
      <>
        <PageHeader title="Home" />
        <ErrorState error={dashboard.error} onRetry={reload} />
      </>
    );
  }

  const { value } = dashboard;
  return (
    <div data-testid="dashboard">
      <PageHeader
        title="Home"
        summary={`As of ${formatDate(value.asOf)} · amounts in ${value.currency}`}
        aside={<ScopeBadge scope={value.scope} />}
      />
      <KpiRow dashboard={value} />
      <div className="grid grid--charts">
        <Card
          title="Bookings by quarter"
          subtitle="Bookings net of cancellations, by fiscal quarter"
          testId="bookings-by-quarter"
        >
          <BookingsByQuarterChart quarters={value.bookingsByQuarter} currency={value.currency} />
        </Card>
        <Card title="Pipeline by stage" subtitle="Open deals today: amount · count" testId="pipeline-by-stage">
          <PipelineByStageChart stages={value.pipelineByStage} currency={value.currency} />
        </Card>
      </div>
      <Card title="Top accounts" subtitle="Largest bookings this fiscal year" testId="top-accounts-card">
        <TopAccountsTable accounts={value.topAccounts} currency={value.currency} />
      </Card>
    </div>
  );
}
