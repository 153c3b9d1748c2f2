// An area of the app that is not built yet: say plainly what it will hold, no made-up numbers.
import type { Area } from '../../areas.tsx';
import { Card } from '../../components/Card.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/StatusViews.tsx';

export function PlannedAreaPage({ area }: { area: Area }) {
  return (
    <>
      <PageHeader title={area.label} summary={area.summary} />
      <Card>
        <EmptyState title={`${area.label} is coming to the web app`} icon={area.icon}>
          <p>This is what you will find here:</p>
          <ul className="planned-list">
            {area.planned?.features.map((feature) => (
              <li key={feature}>{feature}</li>
            ))}
          </ul>
          {area.planned && area.planned.commands.length > 0 && (
            <p className="muted">
              Today the command line does it:{' '}
              {area.planned.commands.map((command, index) => (
                <span key={command}>
                  {index > 0 && ', '}
                  <code>{command}</code>
                </span>
              ))}
              .
            </p>
          )}
        </EmptyState>
      </Card>
    </>
  );
}
