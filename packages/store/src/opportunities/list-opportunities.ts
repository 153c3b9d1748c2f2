// Opportunities as they stand now, limited to the ones whose owner the viewer may see.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';

export interface OpportunityListRow {
  externalId: string;
  name: string | null;
  account: string | null;
  owner: string | null;
  stage: string | null;
  status: string;
  amount: string | null;
  currency: string;
  closeDate: string | null;
  forecastCategory: string | null;
}

export async function listOpportunities(
  db: Kysely<Database>,
  visibility: Visibility,
  filter: { status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: OpportunityListRow[]; total: number }> {
  const visible = visibleCondition(visibility, 'o.owner_id');
  const status = filter.status ? sql`o.status = ${filter.status}` : sql`true`;
  const { rows } = await sql<OpportunityListRow & { total: string }>`
    select o.external_id as "externalId", o.name, a.name as account, p.name as owner, o.stage, o.status,
      o.amount::numeric(30, 2)::text as amount, o.currency, o.close_date as "closeDate",
      o.forecast_category as "forecastCategory", count(*) over () as total
    from opportunities o
    left join accounts a on a.id = o.account_id
    left join people p on p.id = o.owner_id
    where ${visible} and ${status}
    order by o.close_date desc nulls last, o.external_id
    limit ${filter.limit} offset ${filter.offset}`.execute(db);
  const total = rows[0] ? Number(rows[0].total) : 0;
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}
