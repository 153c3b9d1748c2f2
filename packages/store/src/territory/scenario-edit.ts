// Edits inside a scenario (DESIGN §5.1): move an account, change a territory's owner (a person or a
// to-be-hired placeholder). The live model is untouched until the scenario is published.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { assertPlanning, findScenario } from './scenario-create.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A row of accounts, people or territories by externalId, else by its one case-insensitive name. */
export async function resolveReference(
  db: Db,
  table: 'accounts' | 'people' | 'territories',
  reference: string,
): Promise<{ id: string; externalId: string; name: string }> {
  const code = { accounts: 'ACCOUNT_NOT_FOUND', people: 'PERSON_NOT_FOUND', territories: 'TERRITORY_NOT_FOUND' }[table];
  const rows = await sql<{ id: string; externalId: string; name: string; exact: boolean }>`
    select id, external_id as "externalId", name, external_id = ${reference} as exact from ${sql.table(table)}
    where external_id = ${reference} or lower(name) = lower(trim(${reference}))
    order by exact desc, id limit 2`.execute(db);
  const [first, second] = rows.rows;
  if (!first)
    throw new AttainError(code, `No ${table.replace(/s$/, '').replace(/ie$/, 'y')} "${reference}"`, { reference });
  if (!first.exact && second) {
    throw new AttainError('REFERENCE_AMBIGUOUS', `"${reference}" names more than one of ${table}; use the externalId`, {
      reference,
    });
  }
  return { id: first.id, externalId: first.externalId, name: first.name };
}

export async function moveAccountInScenario(
  db: Kysely<Database>,
  input: { scenario: string; account: string; territory: string; actor: string },
): Promise<{ account: string; from: string | null; to: string }> {
  return db.transaction().execute(async (trx) => {
    const scenario = await findScenario(trx, input.scenario);
    assertPlanning(scenario, 'change');
    const account = await resolveReference(trx, 'accounts', input.account);
    const territory = await resolveReference(trx, 'territories', input.territory);
    const type = await trx
      .selectFrom('territories')
      .select('type')
      .where('id', '=', territory.id)
      .executeTakeFirstOrThrow();
    if (type.type !== 'account') {
      throw new AttainError(
        'TERRITORY_INVALID',
        `${territory.name} is an overlay territory; accounts move between account territories`,
        {
          territory: territory.externalId,
        },
      );
    }
    const current = await trx
      .deleteFrom('scenario_assignments')
      .where('scenario_id', '=', scenario.id)
      .where('account_id', '=', account.id)
      .returning('territory_id')
      .executeTakeFirst();
    await trx
      .insertInto('scenario_assignments')
      .values({ scenario_id: scenario.id, account_id: account.id, territory_id: territory.id })
      .execute();
    const from = current
      ? (
          await trx
            .selectFrom('territories')
            .select('external_id')
            .where('id', '=', current.territory_id)
            .executeTakeFirstOrThrow()
        ).external_id
      : null;
    await writeAudit(trx, {
      actor: input.actor,
      action: 'scenarioMove',
      entity: 'territoryScenario',
      entityId: scenario.name,
      before: { account: account.externalId, territory: from },
      after: { account: account.externalId, territory: territory.externalId },
    });
    return { account: account.externalId, from, to: territory.externalId };
  });
}

export async function setScenarioOwner(
  db: Kysely<Database>,
  input: { scenario: string; territory: string; person?: string | undefined; tbh?: string | undefined; actor: string },
): Promise<{ territory: string; owner: string }> {
  if ((input.person === undefined) === (input.tbh === undefined)) {
    throw new AttainError('OWNER_INVALID', 'Give either a person or a to-be-hired label', {});
  }
  return db.transaction().execute(async (trx) => {
    const scenario = await findScenario(trx, input.scenario);
    assertPlanning(scenario, 'change');
    const territory = await resolveReference(trx, 'territories', input.territory);
    const person = input.person === undefined ? undefined : await resolveReference(trx, 'people', input.person);
    const before = await trx
      .deleteFrom('scenario_owners')
      .where('scenario_id', '=', scenario.id)
      .where('territory_id', '=', territory.id)
      .returning(['person_id', 'tbh_label'])
      .executeTakeFirst();
    await trx
      .insertInto('scenario_owners')
      .values({
        scenario_id: scenario.id,
        territory_id: territory.id,
        person_id: person?.id ?? null,
        tbh_label: input.tbh ?? null,
      })
      .execute();
    const owner = person ? person.externalId : `TBH: ${input.tbh}`;
    await writeAudit(trx, {
      actor: input.actor,
      action: 'scenarioOwner',
      entity: 'territoryScenario',
      entityId: scenario.name,
      before: { territory: territory.externalId, personId: before?.person_id ?? null, tbh: before?.tbh_label ?? null },
      after: { territory: territory.externalId, owner },
    });
    return { territory: territory.externalId, owner };
  });
}
