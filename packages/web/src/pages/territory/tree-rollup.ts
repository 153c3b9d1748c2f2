// A parent territory holds no accounts of its own (its leaves do), so the tree shows a parent's
// figures as the sum of its subtree. Money is added as exact cents (BigInt), never as floats.
import type { Territory } from './types.ts';

export interface TreeRow {
  territory: Territory;
  children: string[];
  /** The territory's own figures plus those of every territory under it. */
  total: { accounts: number; openPipeline: string; trailingBookings: string; potential: string | null };
}

export function addMoney(a: string, b: string): string {
  const cents = toCents(a) + toCents(b);
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function toCents(value: string): bigint {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return 0n;
  const [, sign, whole = '', fraction = ''] = match;
  const cents = BigInt((whole || '0') + `${fraction}00`.slice(0, 2));
  return sign === '-' ? -cents : cents;
}

/** The tree in the server's depth-first order, each row with its children and subtree totals. */
export function buildTree(territories: Territory[]): Map<string, TreeRow> {
  const rows = new Map<string, TreeRow>();
  for (const territory of territories) {
    rows.set(territory.externalId, {
      territory,
      children: [],
      total: {
        accounts: territory.accounts,
        openPipeline: territory.openPipeline,
        trailingBookings: territory.trailingBookings,
        potential: territory.potential ?? null,
      },
    });
  }
  for (const territory of territories) {
    if (territory.parent) rows.get(territory.parent)?.children.push(territory.externalId);
  }
  // Deepest first, so a child's total is complete before it is added to its parent.
  for (const territory of [...territories].sort((a, b) => b.depth - a.depth)) {
    const row = rows.get(territory.externalId);
    const parent = territory.parent ? rows.get(territory.parent) : undefined;
    if (!row || !parent) continue;
    parent.total.accounts += row.total.accounts;
    parent.total.openPipeline = addMoney(parent.total.openPipeline, row.total.openPipeline);
    parent.total.trailingBookings = addMoney(parent.total.trailingBookings, row.total.trailingBookings);
    if (row.total.potential !== null) {
      parent.total.potential = addMoney(parent.total.potential ?? '0', row.total.potential);
    }
  }
  return rows;
}

/**
 * Depth-first as the server sends it, but the account hierarchy (geo → leaf) first and the overlay
 * territories after it, so the overlays read as a layer on top rather than as another geo.
 */
export function accountsFirst(territories: Territory[], rows: Map<string, TreeRow>): Territory[] {
  const ordered: Territory[] = [];
  const visit = (territory: Territory) => {
    ordered.push(territory);
    for (const child of rows.get(territory.externalId)?.children ?? []) {
      const row = rows.get(child);
      if (row) visit(row.territory);
    }
  };
  const roots = territories.filter((territory) => !territory.parent || !rows.has(territory.parent));
  for (const root of roots.filter((territory) => territory.type !== 'overlay')) visit(root);
  for (const root of roots.filter((territory) => territory.type === 'overlay')) visit(root);
  return ordered;
}
