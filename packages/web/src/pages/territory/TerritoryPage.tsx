// The Territories area (DESIGN §5.1): the tree as of a date, accounts with their current territory,
// move requests with their impact and approval, and what-if scenarios compared with the live model.
// The server decides what each role may see and do (DESIGN §9); the pages only follow its answers.
import type { ReactNode } from 'react';
import type { Me } from '../../api/types.ts';
import { areaFor } from '../../areas.tsx';
import { Link } from '../../components/Link.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/StatusViews.tsx';
import { AccountsPage } from './AccountsPage.tsx';
import { MovesPage } from './MovesPage.tsx';
import { ScenarioComparePage } from './ScenarioComparePage.tsx';
import { ScenariosPage } from './ScenariosPage.tsx';
import { TerritoryTreePage } from './TerritoryTreePage.tsx';
import '../../styles/data.css';
import '../../styles/territory.css';

const tabs = [
  { path: '/territories', label: 'Tree', summary: areaFor('/territories')?.summary },
  {
    path: '/territories/accounts',
    label: 'Accounts',
    summary: 'Every account with its territory on a date; request a move from here',
  },
  {
    path: '/territories/moves',
    label: 'Move requests',
    summary: 'Account moves waiting for approval, and what each one moves',
  },
  {
    path: '/territories/scenarios',
    label: 'Scenarios',
    summary: 'What-if territory models, compared with the live model before they are published',
  },
];

export function TerritoryPage({ me, path, search }: { me: Me; path: string; search: string }) {
  const params = new URLSearchParams(search);
  const scenario = /^\/territories\/scenarios\/([^/]+)$/.exec(path);
  const tab = scenario ? tabs[3] : tabs.find((candidate) => candidate.path === path);

  let page: ReactNode;
  if (scenario) page = <ScenarioComparePage me={me} reference={decode(scenario[1] ?? '')} />;
  else if (path === '/territories') page = <TerritoryTreePage asOf={params.get('asOf')} />;
  else if (path === '/territories/accounts') page = <AccountsPage me={me} search={search} />;
  else if (path === '/territories/moves') page = <MovesPage me={me} status={params.get('status')} />;
  else if (path === '/territories/scenarios') page = <ScenariosPage me={me} />;
  else page = <EmptyState title="Page not found">There is no page at {path}.</EmptyState>;

  return (
    <>
      <PageHeader title={scenario ? 'Scenario' : 'Territories'} summary={tab?.summary} />
      <nav className="tabs" aria-label="Territories">
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
