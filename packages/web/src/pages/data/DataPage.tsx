// The Data area: imports step by step, data quality, and one record's values and history.
// Loading data is for Sales Operations (admin and ops); the server enforces it too.
import type { ReactNode } from 'react';
import type { Me } from '../../api/types.ts';
import { areaFor } from '../../areas.tsx';
import { Card } from '../../components/Card.tsx';
import { DataIcon } from '../../components/icons.tsx';
import { Link } from '../../components/Link.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/StatusViews.tsx';
import { ImportPage } from './ImportPage.tsx';
import { QualityPage } from './QualityPage.tsx';
import { RecordPage } from './RecordPage.tsx';
import '../../styles/data.css';

const tabs = [
  { path: '/data', label: 'Import' },
  { path: '/data/quality', label: 'Quality' },
];

export function DataPage({ me, path, search }: { me: Me; path: string; search: string }) {
  if (me.role !== 'admin' && me.role !== 'ops') {
    return (
      <>
        <PageHeader title="Data" />
        <Card>
          <EmptyState title="Only Sales Operations can load data" icon={<DataIcon />}>
            <p>
              Imports, data-quality checks and record histories are for the operations team. If a number looks wrong,
              tell them which one: they can trace it to the file it came from.
            </p>
          </EmptyState>
        </Card>
      </>
    );
  }

  const record = /^\/data\/records\/([^/]+)\/(.+)$/.exec(path);
  const tab = tabs.find((candidate) => candidate.path === path);
  let page: ReactNode;
  if (record) page = <RecordPage entity={decode(record[1] ?? '')} externalId={decode(record[2] ?? '')} />;
  else if (path === '/data/quality') page = <QualityPage rule={new URLSearchParams(search).get('rule')} />;
  else if (path === '/data') page = <ImportPage csrfToken={me.csrfToken} />;
  else page = <EmptyState title="Page not found">There is no page at {path}.</EmptyState>;

  return (
    <>
      <PageHeader
        title={record ? 'Record' : tab?.label === 'Quality' ? 'Data quality' : 'Data'}
        summary={
          record
            ? 'Current values and the recent history of one record'
            : tab?.label === 'Quality'
              ? 'Named rules that find the data problems that break reporting'
              : areaFor('/data')?.summary
        }
      />
      <nav className="tabs" aria-label="Data">
        {tabs.map((candidate) => (
          <Link key={candidate.path} to={candidate.path} className="tab" current={candidate === tab}>
            {candidate.label}
          </Link>
        ))}
      </nav>
      {page}
    </>
  );
}

/** A path segment as written in the URL; a malformed escape is kept as it is. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
