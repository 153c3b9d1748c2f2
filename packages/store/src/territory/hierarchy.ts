// The territory tree as of a date (DESIGN §3, §5.1): territories in force on the date, each with its
// parent, its owner in force (a person, or a to-be-hired placeholder) and how many accounts it holds
// on that date. Parents are not effective-dated; a cycle among them is HIERARCHY_CYCLE, found over
// all territories (the few hundred of a company: read once, walked in memory).
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface TerritoryNode {
  id: string;
  externalId: string;
  name: string;
  parent: string | null;
  type: string;
  productFamily: string | null;
  depth: number;
  owner: { externalId: string | null; name: string; tbh: boolean } | null;
  accounts: number;
}

/** Throws HIERARCHY_CYCLE naming the territories of the first cycle found in parent links. */
export async function assertNoTerritoryCycle(db: Db): Promise<void> {
  const rows = await db.selectFrom('territories').select(['id', 'parent_id', 'external_id']).orderBy('id').execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const externalId = new Map(rows.map((r) => [r.id, r.external_id]));
  const done = new Set<string>();
  for (const start of parent.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let at: string | null | undefined = start;
    while (at && !done.has(at)) {
      if (onPath.has(at)) {
        const cycle = path.slice(path.indexOf(at)).map((id) => externalId.get(id)!);
        throw new AttainError(
          'HIERARCHY_CYCLE',
          `The territory hierarchy has a cycle: ${[...cycle, cycle[0]].join(' → ')}; fix a parent to break it`,
          { territories: cycle },
        );
      }
      path.push(at);
      onPath.add(at);
      at = parent.get(at);
    }
    for (const id of path) done.add(id);
  }
}

export async function territoryTree(db: Db, asOf: string): Promise<TerritoryNode[]> {
  await assertNoTerritoryCycle(db);
  assertIsoDate(asOf, 'as-of date');
  const inForce = (alias: string) =>
    sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;
  const { rows } = await sql<
    Omit<TerritoryNode, 'depth' | 'owner' | 'accounts'> & {
      ownerExternalId: string | null;
      ownerName: string | null;
      tbh: string | null;
      accounts: string;
    }
  >`
    select t.id, t.external_id as "externalId", t.name, p.external_id as parent, t.type,
      t.product_family as "productFamily", o.external_id as "ownerExternalId", o.name as "ownerName",
      tow.tbh_label as tbh, coalesce(n.accounts, 0)::text as accounts
    from territories t
    left join territories p on p.id = t.parent_id
    left join lateral (select tow.person_id, tow.tbh_label from territory_owners tow
      where tow.territory_id = t.id and ${inForce('tow')} order by tow.valid_from desc limit 1) tow on true
    left join people o on o.id = tow.person_id
    left join (select ta.territory_id, count(distinct ta.account_id) as accounts from territory_assignments ta
      where ${inForce('ta')} group by 1) n on n.territory_id = t.id
    where ${inForce('t')}
    order by t.name, t.external_id`.execute(db);
  // depth-first, children by name, so a table reads as an indented tree
  const children = new Map<string | null, typeof rows>();
  const present = new Set(rows.map((r) => r.externalId));
  for (const row of rows) {
    const key = row.parent !== null && present.has(row.parent) ? row.parent : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const out: TerritoryNode[] = [];
  const visit = (key: string | null, depth: number) => {
    for (const r of children.get(key) ?? []) {
      out.push({
        id: r.id,
        externalId: r.externalId,
        name: r.name,
        parent: r.parent,
        type: r.type,
        productFamily: r.productFamily,
        depth,
        owner:
          r.ownerName !== null
            ? { externalId: r.ownerExternalId, name: r.ownerName, tbh: false }
            : r.tbh !== null
              ? { externalId: null, name: r.tbh, tbh: true }
              : null,
        accounts: Number(r.accounts),
      });
      visit(r.externalId, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The person who owns a territory on a date (null for a TBH placeholder or nobody). */
export async function territoryOwnerOn(db: Db, territoryId: string, date: string): Promise<string | null> {
  const row = await db
    .selectFrom('territory_owners')
    .select('person_id')
    .where('territory_id', '=', territoryId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row?.person_id ?? null;
}
