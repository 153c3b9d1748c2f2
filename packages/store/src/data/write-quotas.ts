// Quotas are keyed by (person or territory, measure, period). The first quota for a key holds from
// the beginning of time; a changed amount or currency closes the version in force on --as-of and
// opens a new one from that date (DESIGN §3: a new quota creates a new effective-dated row).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { STAGING } from './import-staging.ts';

const KEY = `q.measure = r."measure" and q.period = r."period"
  and q.person_id is not distinct from r."person_id" and q.territory_id is not distinct from r."territory_id"`;

export async function writeQuotas(
  trx: Transaction<Database>,
  periods: { label: string; start: string; end: string }[],
  asOf: string,
  actor: string,
): Promise<void> {
  const inForce = sql.raw(`q.valid_from <= '${asOf}'::date and (q.valid_to is null or q.valid_to > '${asOf}'::date)`);
  await sql`update ${sql.raw(STAGING)} r set target_id = q.id from quotas q where ${sql.raw(KEY)} and ${inForce}`.execute(
    trx,
  );
  await sql`update ${sql.raw(STAGING)} r set is_new = target_id is null
    and not exists (select 1 from quotas q where ${sql.raw(KEY)})`.execute(trx);
  await sql`update ${sql.raw(STAGING)} r set changed = true from quotas q
    where q.id = r.target_id and (q.amount <> r."amount"::numeric or q.currency <> coalesce(r."currency", q.currency))`.execute(
    trx,
  );
  // a key with history but no version in force on --as-of (closed earlier) also gets a new version
  await sql`update ${sql.raw(STAGING)} r set changed = true where r.target_id is null and not r.is_new`.execute(trx);

  await sql`
    with p(label, start_date, end_date) as (
      select * from unnest(${periods.map((p) => p.label)}::text[], ${periods.map((p) => p.start)}::date[],
                           ${periods.map((p) => p.end)}::date[])
    ),
    closed as (
      update quotas q set valid_to = ${asOf}::date from ${sql.raw(STAGING)} r
      where q.id = r.target_id and r.changed and q.valid_from < ${asOf}::date
      returning q.*
    ),
    corrected as (
      delete from quotas q using ${sql.raw(STAGING)} r
      where q.id = r.target_id and r.changed and q.valid_from = ${asOf}::date
      returning q.*
    ),
    written as (
      insert into quotas (person_id, territory_id, measure, period, period_start, period_end, amount, currency, valid_from)
      select r."person_id", r."territory_id", r."measure", r."period", p.start_date, p.end_date, r."amount"::numeric,
        coalesce(r."currency", (select q.currency from quotas q where q.id = r.target_id), 'USD'),
        case when r.is_new then '1900-01-01'::date else ${asOf}::date end
      from ${sql.raw(STAGING)} r join p on p.label = r."period"
      where r.is_new or r.changed
      returning *
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, case when b.id is null then 'create' else 'change' end, 'quotas',
      w.measure || ' ' || w.period, to_jsonb(b), to_jsonb(w)
    from written w left join (select * from closed union all select * from corrected) b
      on b.measure = w.measure and b.period = w.period and b.person_id is not distinct from w.person_id
      and b.territory_id is not distinct from w.territory_id`.execute(trx);
}
