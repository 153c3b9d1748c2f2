// The effective-dated parts of people, accounts and territories, and the per-import opportunity
// snapshot (DESIGN §3, §4): a person's manager, org unit and job role; an account's named territory;
// a territory's owner — each changes from the import's --as-of date (a territory's owner from its
// validFrom when given), and every opportunity import keeps a snapshot for its date.
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { STAGING } from './import-staging.ts';
import { writeEffectiveHistory } from './write-effective-history.ts';

export interface HistoryContext {
  present: ReadonlySet<string>;
  asOf: string;
  actor: string;
}

export async function writeEntityHistory(trx: Transaction<Database>, entity: EntityName, ctx: HistoryContext) {
  const asOf = `'${ctx.asOf}'::date`; // validated YYYY-MM-DD
  const has = (column: string) => ctx.present.has(column);
  if (entity === 'people') {
    await sql
      .raw(`insert into person_history (person_id, valid_from, manager_id, org_unit_id, job_role)
        select r.target_id, coalesce(r."hireDate"::date, '1900-01-01'), r."manager_id", r."orgUnit_id", coalesce(r."jobRole", 'rep')
        from ${STAGING} r where r.is_new`)
      .execute(trx);
    if (!has('manager') && !has('orgUnit') && !has('jobRole')) return;
    await writeEffectiveHistory(trx, {
      table: 'person_history',
      key: 'person_id',
      effective: asOf,
      values: [
        { column: 'manager_id', next: has('manager') ? 'r."manager_id"' : 'h.manager_id' },
        { column: 'org_unit_id', next: has('orgUnit') ? 'r."orgUnit_id"' : 'h.org_unit_id' },
        {
          column: 'job_role',
          next: has('jobRole') ? `coalesce(r."jobRole", h.job_role, 'rep')` : `coalesce(h.job_role, 'rep')`,
        },
      ],
      rows: 'not r.is_new',
      auditEntity: 'people',
      actor: ctx.actor,
    });
  }
  if (entity === 'accounts' && has('territory')) {
    await writeEffectiveHistory(trx, {
      table: 'territory_assignments',
      key: 'account_id',
      effective: asOf,
      values: [{ column: 'territory_id', next: 'r."territory_id"' }],
      currentFilter: `exists (select 1 from territories tt where tt.id = h.territory_id and tt.type = 'account')`,
      closeOnNull: 'territory_id',
      insertExtras: { source: `'import'` },
      rows: 'true',
      auditEntity: 'accounts',
      actor: ctx.actor,
    });
  }
  if (entity === 'territories' && has('owner')) {
    await writeEffectiveHistory(trx, {
      table: 'territory_owners',
      key: 'territory_id',
      effective: has('validFrom') ? `coalesce(r."validFrom"::date, ${asOf})` : asOf,
      values: [
        { column: 'person_id', next: 'r."owner_id"' },
        // an empty owner keeps a to-be-hired placeholder; a person replaces it
        { column: 'tbh_label', next: `case when r."owner_id" is null then h.tbh_label end` },
      ],
      closeOnNull: 'person_id',
      rows: 'true',
      auditEntity: 'territories',
      actor: ctx.actor,
    });
  }
  if (entity === 'opportunities') {
    await sql`
      insert into opportunity_snapshots (opportunity_id, snapshot_date, account_id, owner_id, stage, status, probability,
        forecast_category, amount, currency, close_date)
      select o.id, ${ctx.asOf}::date, o.account_id, o.owner_id, o.stage, o.status, o.probability, o.forecast_category,
        o.amount, o.currency, o.close_date
      from opportunities o join ${sql.raw(STAGING)} r on r.target_id = o.id
      on conflict (opportunity_id, snapshot_date) do update set account_id = excluded.account_id,
        owner_id = excluded.owner_id, stage = excluded.stage, status = excluded.status, probability = excluded.probability,
        forecast_category = excluded.forecast_category, amount = excluded.amount, currency = excluded.currency,
        close_date = excluded.close_date`.execute(trx);
  }
}
