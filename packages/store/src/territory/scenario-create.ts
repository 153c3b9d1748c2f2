// Scenarios: what-if territory models (DESIGN §5.1). A scenario starts as a copy of the live model
// as of a date — the account-type assignments in force, the owners in force, the live rules in
// force — and is edited, compared, published on an effective date, or archived.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';

export interface Scenario {
  id: string;
  name: string;
  status: string;
  basedOn: string;
  effectiveDate: string | null;
  createdBy: string;
  createdAt: string;
}

type Db = Kysely<Database> | Transaction<Database>;

export async function createScenario(
  db: Kysely<Database>,
  input: { name: string; asOf: string; actor: string },
): Promise<Scenario> {
  const name = input.name.trim();
  if (name === '') throw new AttainError('SCENARIO_INVALID', 'A scenario needs a name', { name: input.name });
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('territory_scenarios')
      .select('id')
      .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`)
      .executeTakeFirst();
    if (taken) throw new AttainError('SCENARIO_EXISTS', `A scenario named "${name}" already exists`, { name });
    const row = await trx
      .insertInto('territory_scenarios')
      .values({ name, based_on: input.asOf, created_by: input.actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    const asOf = input.asOf;
    const inForce = (alias: string) =>
      sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;
    // one account-type territory per account: the latest row in force wins should two overlap
    await sql`insert into scenario_assignments (scenario_id, account_id, territory_id)
      select distinct on (ta.account_id) ${row.id}::bigint, ta.account_id, ta.territory_id
      from territory_assignments ta join territories t on t.id = ta.territory_id and t.type = 'account'
      where ${inForce('ta')} order by ta.account_id, ta.valid_from desc`.execute(trx);
    await sql`insert into scenario_owners (scenario_id, territory_id, person_id, tbh_label)
      select ${row.id}::bigint, o.territory_id, o.person_id, o.tbh_label from territory_owners o
      where ${inForce('o')}`.execute(trx);
    await sql`insert into territory_rules (territory_id, scenario_id, name, priority, items, logic, inherit, valid_from, valid_to, created_by)
      select r.territory_id, ${row.id}::bigint, r.name, r.priority, r.items, r.logic, r.inherit, r.valid_from, r.valid_to, ${input.actor}
      from territory_rules r where r.scenario_id is null and ${inForce('r')} order by r.id`.execute(trx);
    await writeAudit(trx, {
      actor: input.actor,
      action: 'create',
      entity: 'territoryScenario',
      entityId: name,
      after: { name, asOf },
    });
    return findScenario(trx, name);
  });
}

/** A scenario by id or name (case-insensitive). */
export async function findScenario(db: Db, reference: string): Promise<Scenario> {
  const row = await scenarioQuery(db)
    .where((eb) =>
      /^\d+$/.test(reference)
        ? eb.or([eb('id', '=', reference), eb(sql`lower(name)`, '=', reference.toLowerCase())])
        : eb(sql`lower(name)`, '=', reference.toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) throw new AttainError('SCENARIO_NOT_FOUND', `No scenario "${reference}"`, { scenario: reference });
  return row;
}

export async function listScenarios(db: Db): Promise<Scenario[]> {
  return scenarioQuery(db).orderBy('created_at').orderBy('id').execute();
}

export async function archiveScenario(db: Kysely<Database>, reference: string, actor: string): Promise<Scenario> {
  return db.transaction().execute(async (trx) => {
    const scenario = await findScenario(trx, reference);
    if (scenario.status === 'archived') return scenario;
    await trx
      .updateTable('territory_scenarios')
      .set({ status: 'archived', archived_at: sql<string>`now()` as unknown as string })
      .where('id', '=', scenario.id)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'archive',
      entity: 'territoryScenario',
      entityId: scenario.name,
      before: { status: scenario.status },
      after: { status: 'archived' },
    });
    return { ...scenario, status: 'archived' };
  });
}

/** Only a scenario still being planned may change or be published. */
export function assertPlanning(scenario: Scenario, what: string): void {
  if (scenario.status !== 'planning') {
    throw new AttainError(
      'SCENARIO_NOT_PLANNING',
      `Scenario "${scenario.name}" is ${scenario.status}; only a planning scenario can ${what}`,
      {
        scenario: scenario.name,
        status: scenario.status,
      },
    );
  }
}

function scenarioQuery(db: Db) {
  return db
    .selectFrom('territory_scenarios')
    .select([
      'id',
      'name',
      'status',
      'based_on as basedOn',
      'effective_date as effectiveDate',
      'created_by as createdBy',
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('createdAt'),
    ]);
}
