// FX rates are keyed by (from, to, date): a new key is created, a changed rate updated and audited.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { STAGING } from './import-staging.ts';

export async function writeFxRates(trx: Transaction<Database>, actor: string): Promise<void> {
  await sql`update ${sql.raw(STAGING)} r set is_new = not exists (
      select 1 from fx_rates f where f.from_currency = upper(r."from") and f.to_currency = upper(r."to") and f.date = r."date"::date)`.execute(
    trx,
  );
  await sql`update ${sql.raw(STAGING)} r set changed = true from fx_rates f
    where not r.is_new and f.from_currency = upper(r."from") and f.to_currency = upper(r."to") and f.date = r."date"::date
      and f.rate <> r."rate"::numeric`.execute(trx);
  await sql`
    with before as (
      select f.* from fx_rates f join ${sql.raw(STAGING)} r
        on f.from_currency = upper(r."from") and f.to_currency = upper(r."to") and f.date = r."date"::date where r.changed
    ),
    written as (
      insert into fx_rates (from_currency, to_currency, date, rate)
      select upper(r."from"), upper(r."to"), r."date"::date, r."rate"::numeric from ${sql.raw(STAGING)} r
      where r.is_new or r.changed
      on conflict (from_currency, to_currency, date) do update set rate = excluded.rate
      returning *
    )
    insert into audit_log (actor, action, entity, entity_id, before, after)
    select ${actor}, 'update', 'fxRates', w.from_currency || '/' || w.to_currency || ' ' || w.date, to_jsonb(b), to_jsonb(w)
    from written w join before b using (from_currency, to_currency, date)`.execute(trx);
}
