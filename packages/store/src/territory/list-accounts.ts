// Accounts with their account territory as of a date, filtered by territory (externalId) and a
// search text (name or externalId), paged; for the API's account list and a territory's accounts.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface AccountRow {
  externalId: string;
  name: string;
  industry: string | null;
  segment: string | null;
  country: string | null;
  region: string | null;
  potential: string | null;
  territory: string | null;
  territoryName: string | null;
  since: string | null;
}

export interface AccountFilter {
  asOf: string;
  territory?: string | undefined;
  q?: string | undefined;
  /** Only accounts held by these territories (internal ids) — a rep's own. */
  onlyTerritories?: string[] | undefined;
  limit: number;
  offset: number;
}

export async function listAccounts(
  db: Kysely<Database>,
  filter: AccountFilter,
): Promise<{ rows: AccountRow[]; total: number }> {
  const asOf = assertIsoDate(filter.asOf, 'as-of date');
  const conditions = [sql`true`];
  if (filter.territory) conditions.push(sql`t.external_id = ${filter.territory}`);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(lower(a.name) like ${like} or lower(a.external_id) like ${like})`);
  }
  if (filter.onlyTerritories) conditions.push(sql`t.id = any(${filter.onlyTerritories}::bigint[])`);
  const { rows } = await sql<AccountRow & { total: string }>`
    select a.external_id as "externalId", a.name, a.industry, a.segment, a.country, a.region, a.potential,
      t.external_id as territory, t.name as "territoryName", ta.valid_from as since, count(*) over ()::text as total
    from accounts a
    left join lateral (select ta.territory_id, ta.valid_from from territory_assignments ta
      join territories tt on tt.id = ta.territory_id and tt.type = 'account'
      where ta.account_id = a.id and ta.valid_from <= ${asOf}::date and (ta.valid_to is null or ta.valid_to > ${asOf}::date)
      order by ta.valid_from desc limit 1) ta on true
    left join territories t on t.id = ta.territory_id
    where ${sql.join(conditions, sql` and `)}
    order by a.name, a.external_id
    limit ${filter.limit} offset ${filter.offset}`.execute(db);
  return { rows: rows.map(({ total: _, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
}
