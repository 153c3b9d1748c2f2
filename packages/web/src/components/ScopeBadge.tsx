import type { Dashboard } from '../api/types.ts';

const scopeLabels = { all: 'All company', team: 'Your team', own: 'Your figures' } as const;

/** Says whose numbers the page shows; the server decides the scope from the role (DESIGN §9). */
export function ScopeBadge({ scope }: { scope: Dashboard['scope'] }) {
  return (
    <span className={`scope scope--${scope.kind}`} data-testid="scope">
      <span className="scope__dot" aria-hidden="true" />
      {scopeLabels[scope.kind]}
      {scope.person && scope.kind !== 'all' && <span className="scope__person"> · {scope.person}</span>}
    </span>
  );
}
