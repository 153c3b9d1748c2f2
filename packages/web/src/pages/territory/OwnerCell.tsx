import type { TerritoryOwner } from './types.ts';

/** A territory's owner; a to-be-hired placeholder is a badge with its label, not a person's name. */
export function OwnerCell({ owner }: { owner: TerritoryOwner | null }) {
  if (!owner) return <span className="muted">No owner</span>;
  if (!owner.tbh) return <span>{owner.name}</span>;
  const label = owner.name.replace(/^TBH:?\s*/i, '');
  return (
    <span className="owner-tbh" title="To be hired: a placeholder until the seat is filled">
      <span className="pill pill--tbh">TBH</span>
      {label && <span className="muted">{label}</span>}
    </span>
  );
}
