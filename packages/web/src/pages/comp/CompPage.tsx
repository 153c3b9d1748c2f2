// The Compensation area (DESIGN §5.4–5.5, §6): runs with their review, approval and close; payees'
// statements with every number explained; disputes; and, on their own pages, plans and the what-if
// estimator. The server decides what each role may see and do (DESIGN §9); the pages follow it.
import type { ReactNode } from 'react';
import type { Me } from '../../api/types.ts';
import { Link } from '../../components/Link.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/StatusViews.tsx';
import { DisputesPage } from './DisputesPage.tsx';
import { RunsPage } from './RunsPage.tsx';
import { StatementPage } from './StatementPage.tsx';
import '../../styles/data.css';
import '../../styles/territory.css';
import './comp.css';

export interface CompTab {
  path: string;
  label: string;
  summary: string;
}

/** The area's navigation; Plans and Estimator are pages of their own under /comp. */
export function compTabs(me: Me): CompTab[] {
  const payee = me.role === 'rep';
  const tabs: CompTab[] = [
    {
      path: '/comp/runs',
      label: payee ? 'My payouts' : 'Runs',
      summary: payee
        ? 'Your approved payouts by pay period'
        : 'Run a pay period, review what changed, approve and close it',
    },
    {
      path: '/comp/statements',
      label: payee ? 'My statement' : 'Statements',
      summary: 'A payee’s statement for a period, every line explained down to the credit',
    },
    { path: '/comp/disputes', label: 'Disputes', summary: 'Questions on statement lines, and their answers' },
    { path: '/comp/plans', label: 'Plans', summary: 'Compensation plans' },
    { path: '/comp/estimator', label: 'Estimator', summary: 'What would a deal pay?' },
  ];
  return tabs;
}

export function CompPage({ me, path, search }: { me: Me; path: string; search: string }) {
  const params = new URLSearchParams(search);
  const tabs = compTabs(me);
  // A rep lands on their own statement; everyone else on the runs.
  const shown = path === '/comp' ? (me.role === 'rep' ? '/comp/statements' : '/comp/runs') : path;
  const tab = tabs.find((candidate) => candidate.path === shown);

  let page: ReactNode;
  if (shown === '/comp/runs') page = <RunsPage me={me} period={params.get('period')} />;
  else if (shown === '/comp/statements') {
    page = <StatementPage me={me} person={params.get('person')} period={params.get('period')} />;
  } else if (shown === '/comp/disputes') page = <DisputesPage me={me} selected={params.get('id')} />;
  else page = <EmptyState title="Page not found">There is no page at {path}.</EmptyState>;

  return (
    <>
      <PageHeader title="Compensation" summary={tab?.summary} />
      <nav className="tabs" aria-label="Compensation">
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
