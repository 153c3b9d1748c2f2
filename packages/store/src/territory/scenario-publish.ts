// Publishing a scenario on an effective date E (DESIGN §3, §5.1), in one transaction: every account
// whose scenario territory differs from its live account territory on E, and every territory whose
// scenario owner differs from the live owner on E, becomes an effective-dated change — the row in
// force is closed on E (or corrected in place when it starts on E) and a new row runs from E to
// where the old one ended (or to the next scheduled row). The scenario's rules replace the live
// rules from E when they differ. Each change is audited. E inside a closed period: PERIOD_CLOSED.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { assertPlanning, findScenario, type Scenario } from './scenario-create.ts';

export interface PublishResult {
  scenario: Scenario;
  effectiveDate: string;
  assignmentsChanged: number;
  ownersChanged: number;
  rulesReplaced: boolean;
}

const CHANGES = 'scenario_publish_changes';

export async function publishScenario(
  db: Kysely<Database>,
  input: { scenario: string; effectiveDate: string; actor: string },
): Promise<PublishResult> {
  // checked here: the date is spliced into the statements below
  const e = assertIsoDate(input.effectiveDate, 'effectiveDate');
  return db.transaction().execute(async (trx) => {
    const scenario = await findScenario(trx, input.scenario);
    assertPlanning(scenario, 'be published');
    const closed = await trx
      .selectFrom('closed_periods')
      .select(['period', 'start_date', 'end_date'])
      .where('start_date', '<=', e)
      .where('end_date', '>=', e)
      .executeTakeFirst();
    if (closed) {
      throw new AttainError(
        'PERIOD_CLOSED',
        `${e} is inside the closed period ${closed.period}; choose a date in an open period`,
        {
          effectiveDate: e,
          period: closed.period,
        },
      );
    }
    const assignmentsChanged = await publishHistory(trx, scenario, e, input.actor, {
      table: 'territory_assignments',
      key: 'account_id',
      planned: sql`select account_id as key_id, territory_id as next_territory_id from scenario_assignments where scenario_id = ${scenario.id}`,
      values: ['territory_id'],
      filter: `exists (select 1 from territories t where t.id = h.territory_id and t.type = 'account')`,
      extras: { source: `'move'` },
      entity: 'territoryAssignment',
      label: `(select external_id from accounts where id = c.key_id)`,
    });
    const ownersChanged = await publishHistory(trx, scenario, e, input.actor, {
      table: 'territory_owners',
      key: 'territory_id',
      planned: sql`select territory_id as key_id, person_id as next_person_id, tbh_label as next_tbh_label from scenario_owners where scenario_id = ${scenario.id}`,
      values: ['person_id', 'tbh_label'],
      filter: 'true',
      extras: {},
      entity: 'territoryOwner',
      label: `(select external_id from territories where id = c.key_id)`,
    });
    const rulesReplaced = await publishRules(trx, scenario, e, input.actor);
    await trx
      .updateTable('territory_scenarios')
      .set({ status: 'published', effective_date: e, published_at: sql<string>`now()` as unknown as string })
      .where('id', '=', scenario.id)
      .execute();
    await writeAudit(trx, {
      actor: input.actor,
      action: 'publish',
      entity: 'territoryScenario',
      entityId: scenario.name,
      before: { status: 'planning' },
      after: { status: 'published', effectiveDate: e, assignmentsChanged, ownersChanged, rulesReplaced },
    });
    return {
      scenario: { ...scenario, status: 'published', effectiveDate: e },
      effectiveDate: e,
      assignmentsChanged,
      ownersChanged,
      rulesReplaced,
    };
  });
}

interface HistorySpec {
  table: 'territory_assignments' | 'territory_owners';
  key: string;
  /** key_id and next_<value> per entity as the scenario has it. */
  planned: ReturnType<typeof sql>;
  values: string[];
  /** Which history rows count (SQL over h). */
  filter: string;
  extras: Record<string, string>;
  entity: string;
  label: string;
}

async function publishHistory(
  trx: Transaction<Database>,
  scenario: Scenario,
  e: string,
  actor: string,
  spec: HistorySpec,
): Promise<number> {
  const inForce = `h.valid_from <= '${e}'::date and (h.valid_to is null or h.valid_to > '${e}'::date)`;
  const current = spec.values.map((v) => `h.${v} as cur_${v}`).join(', ');
  const differs = spec.values.map((v) => `c.cur_${v} is distinct from c.next_${v}`).join(' or ');
  await sql.raw(`drop table if exists ${CHANGES}`).execute(trx);
  await sql`create temp table ${sql.raw(CHANGES)} on commit drop as
    select * from (select p.*, h.id as hid, h.valid_from, h.valid_to, ${sql.raw(current)}
      from (${spec.planned}) p
      left join lateral (select h.* from ${sql.table(spec.table)} h
        where h.${sql.raw(spec.key)} = p.key_id and ${sql.raw(inForce)} and ${sql.raw(spec.filter)}
        order by h.valid_from desc limit 1) h on true) c
    where ${sql.raw(differs)}`.execute(trx);
  const set = spec.values.map((v) => `${v} = c.next_${v}`).join(', ');
  await sql
    .raw(`update ${spec.table} h set ${set} from ${CHANGES} c where h.id = c.hid and c.valid_from = '${e}'::date`)
    .execute(trx);
  await sql
    .raw(
      `update ${spec.table} h set valid_to = '${e}'::date from ${CHANGES} c where h.id = c.hid and c.valid_from < '${e}'::date`,
    )
    .execute(trx);
  const extras = Object.entries(spec.extras);
  const next = `(select min(n.valid_from) from ${spec.table} n where n.${spec.key} = c.key_id and n.valid_from > '${e}'::date
    and ${spec.filter.replaceAll('h.', 'n.')})`;
  await sql
    .raw(`insert into ${spec.table} (${[spec.key, 'valid_from', 'valid_to', ...spec.values, ...extras.map(([k]) => k)].join(', ')})
      select c.key_id, '${e}'::date, case when c.hid is not null then c.valid_to else ${next} end,
        ${[...spec.values.map((v) => `c.next_${v}`), ...extras.map(([, v]) => v)].join(', ')}
      from ${CHANGES} c where c.hid is null or c.valid_from < '${e}'::date`)
    .execute(trx);
  const json = (prefix: string) => spec.values.map((v) => `'${v}', c.${prefix}_${v}`).join(', ');
  const audited = await sql<{ n: string }>`
    with a as (insert into audit_log (actor, action, entity, entity_id, before, after)
      select ${actor}, 'publish', ${spec.entity}, ${sql.raw(spec.label)},
        case when c.hid is not null then jsonb_build_object('validFrom', c.valid_from, ${sql.raw(json('cur'))}) end,
        jsonb_build_object('validFrom', ${e}::date, 'scenario', ${scenario.name}::text, ${sql.raw(json('next'))})
      from ${sql.raw(CHANGES)} c order by c.key_id returning 1)
    select count(*)::text as n from a`.execute(trx);
  return Number(audited.rows[0]?.n ?? 0);
}

/** The scenario's rules become the live rules from E, when they differ from the live rules in force on E. */
async function publishRules(
  trx: Transaction<Database>,
  scenario: Scenario,
  e: string,
  actor: string,
): Promise<boolean> {
  const shape = (where: ReturnType<typeof sql>) => sql`
    select coalesce(jsonb_agg(jsonb_build_array(territory_id, name, priority, items, logic, inherit) order by territory_id, priority, id), '[]'::jsonb) as rules
    from territory_rules where ${where} and valid_from <= ${e}::date and (valid_to is null or valid_to > ${e}::date)`;
  const same = await sql<{
    same: boolean;
  }>`select (${shape(sql`scenario_id is null`)}) = (${shape(sql`scenario_id = ${scenario.id}`)}) as same`.execute(trx);
  if (same.rows[0]?.same) return false;
  await sql`delete from territory_rules where scenario_id is null and valid_from = ${e}::date`.execute(trx);
  await sql`update territory_rules set valid_to = ${e}::date where scenario_id is null and valid_from < ${e}::date
    and (valid_to is null or valid_to > ${e}::date)`.execute(trx);
  await sql`insert into territory_rules (territory_id, scenario_id, name, priority, items, logic, inherit, valid_from, created_by)
    select territory_id, null, name, priority, items, logic, inherit, ${e}::date, ${actor} from territory_rules
    where scenario_id = ${scenario.id} and valid_from <= ${e}::date and (valid_to is null or valid_to > ${e}::date) order by id`.execute(
    trx,
  );
  await writeAudit(trx, {
    actor,
    action: 'publish',
    entity: 'territoryRules',
    entityId: scenario.name,
    after: { validFrom: e },
  });
  return true;
}
