// Opportunity splits: the file gives each opportunity's whole split team per type, so persons not
// in the file for that opportunity and type are removed. Percents of a team must sum to exactly 100.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { IssueList } from './import-issues.ts';
import { STAGING } from './import-staging.ts';

export async function checkSplitTotals(trx: Transaction<Database>, issues: IssueList): Promise<void> {
  const { rows } = await sql<{ row: number; opportunity: string; type: string; total: string }>`
    with g as (
      select "opportunity_id", coalesce("type", 'revenue') as type, sum("percent"::numeric) as total
      from ${sql.raw(STAGING)} group by 1, 2 having sum("percent"::numeric) <> 100)
    select r.row, r."opportunity" as opportunity, g.type, g.total::text as total
    from ${sql.raw(STAGING)} r join g on g."opportunity_id" = r."opportunity_id" and g.type = coalesce(r."type", 'revenue')
    order by r.row`.execute(trx);
  for (const r of rows) {
    issues.add({
      row: r.row,
      column: 'percent',
      value: r.total,
      code: 'IMPORT_SPLIT_TOTAL',
      message: `Row ${r.row}: the ${r.type} split of opportunity "${r.opportunity}" adds up to ${r.total}%, not 100%`,
    });
  }
}

export async function writeSplits(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`update ${sql.raw(STAGING)} r set is_new = not exists (select 1 from opportunity_splits s
      where s.opportunity_id = r."opportunity_id" and s.person_id = r."person_id" and s.type = coalesce(r."type", 'revenue'))`.execute(
    trx,
  );
  await sql`update ${sql.raw(STAGING)} r set changed = true from opportunity_splits s
    where not r.is_new and s.opportunity_id = r."opportunity_id" and s.person_id = r."person_id"
      and s.type = coalesce(r."type", 'revenue') and s.percent <> r."percent"::numeric`.execute(trx);
  await sql`
    with teams as (select distinct "opportunity_id" as opportunity_id, coalesce("type", 'revenue') as type from ${sql.raw(STAGING)}),
    removed as (
      delete from opportunity_splits s using teams t
      where s.opportunity_id = t.opportunity_id and s.type = t.type
        and not exists (select 1 from ${sql.raw(STAGING)} r where r."opportunity_id" = s.opportunity_id
          and r."person_id" = s.person_id and coalesce(r."type", 'revenue') = s.type)
      returning s.*
    )
    insert into audit_log (actor, action, entity, entity_id, before)
    select ${actor}, 'delete', 'opportunitySplits', o.external_id, to_jsonb(x) from removed x join opportunities o on o.id = x.opportunity_id`.execute(
    trx,
  );
  await sql`
    with before as (
      select s.* from opportunity_splits s join ${sql.raw(STAGING)} r on s.opportunity_id = r."opportunity_id"
        and s.person_id = r."person_id" and s.type = coalesce(r."type", 'revenue') where r.changed
    ),
    written as (
      insert into opportunity_splits (opportunity_id, person_id, percent, type)
      select r."opportunity_id", r."person_id", r."percent"::numeric, coalesce(r."type", 'revenue')
      from ${sql.raw(STAGING)} r where r.is_new or r.changed
      on conflict (opportunity_id, person_id, type) do update set percent = excluded.percent
      returning *
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, 'update', 'opportunitySplits', o.external_id, to_jsonb(b), to_jsonb(w)
    from written w join before b using (opportunity_id, person_id, type) join opportunities o on o.id = w.opportunity_id`.execute(
    trx,
  );
}
