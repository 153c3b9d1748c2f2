// The live model's assignment rules (DESIGN §5.1): create, update, delete and import, each checked
// with the core schema and audited. Rules are configuration: a change is audited with before and
// after; what a rule did to accounts is kept in the effective-dated assignment history.
import { AttainError } from '@attain/core/errors.ts';
import type { RuleLogic } from '@attain/core/territory/parse-rule-logic.ts';
import { parseRule, type Rule, type RuleItem } from '@attain/core/territory/rule-schema.ts';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { findTerritory } from './territory-references.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredRule extends Rule {
  id: string;
}

export interface LiveRule extends StoredRule {
  territoryId: string;
  parsedLogic: RuleLogic;
}

const label = (id: string) => `rule ${id}`;

/**
 * The rules of the live model (scenarioId null) or of one scenario, optionally only those in force
 * on a date, by priority then id.
 */
export async function listRules(db: Db, asOf?: string, scenarioId: string | null = null): Promise<StoredRule[]> {
  return (await loadRules(db, asOf, scenarioId)).map(({ territoryId: _, parsedLogic: __, ...rule }) => rule);
}

export async function loadRules(db: Db, asOf?: string, scenarioId: string | null = null): Promise<LiveRule[]> {
  let query = db
    .selectFrom('territory_rules as r')
    .innerJoin('territories as t', 't.id', 'r.territory_id')
    .select(['r.id', 'r.territory_id', 't.external_id', 'r.name', 'r.priority', 'r.items', 'r.logic', 'r.inherit'])
    .where('r.scenario_id', scenarioId === null ? 'is' : '=', scenarioId);
  if (asOf !== undefined) {
    query = query
      .where('r.valid_from', '<=', asOf)
      .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>', asOf)]));
  }
  const rows = await query.orderBy('r.priority').orderBy('r.id').execute();
  return rows.map((row) => {
    const parsed = parseRule(
      {
        territory: row.external_id,
        priority: row.priority,
        items: row.items,
        ...(row.name !== null && { name: row.name }),
        ...(row.logic !== null && { logic: row.logic }),
        inherit: row.inherit,
      },
      label(row.id),
    );
    return { ...parsed, id: row.id, territoryId: row.territory_id };
  });
}

async function checked(db: Db, input: unknown, fallbackName: string) {
  const { parsedLogic: _, ...rule } = parseRule(input, fallbackName);
  const territory = await findTerritory(db, rule.territory);
  if (territory.type !== 'account') {
    throw new AttainError(
      'RULE_INVALID',
      `Rule "${rule.name ?? fallbackName}": ${territory.externalId} is an overlay territory; overlays are assigned by product family, not by rules`,
      { rule: rule.name ?? fallbackName, territory: territory.externalId },
    );
  }
  return { rule: { ...rule, territory: territory.externalId }, territoryId: territory.id };
}

function columns(rule: Rule, territoryId: string) {
  return {
    territory_id: territoryId,
    name: rule.name ?? null,
    priority: rule.priority,
    items: JSON.stringify(rule.items satisfies RuleItem[]),
    logic: rule.logic ?? null,
    inherit: rule.inherit,
  };
}

export async function createRule(
  db: Db,
  input: unknown,
  actor: string,
  scenarioId: string | null = null,
): Promise<StoredRule> {
  const { rule, territoryId } = await checked(db, input, 'new rule');
  const row = await db
    .insertInto('territory_rules')
    .values({ ...columns(rule, territoryId), created_by: actor, scenario_id: scenarioId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(db, { actor, action: 'create', entity: 'territory_rules', entityId: row.id, after: rule });
  return { ...rule, id: row.id };
}

export async function updateRule(
  db: Db,
  id: string,
  input: unknown,
  actor: string,
  scenarioId: string | null = null,
): Promise<StoredRule> {
  const before = (await listRules(db, undefined, scenarioId)).find((r) => r.id === id);
  if (!before) throw new AttainError('RULE_UNKNOWN', `No rule ${id}`, { rule: id });
  const { rule, territoryId } = await checked(db, input, label(id));
  await db.updateTable('territory_rules').set(columns(rule, territoryId)).where('id', '=', id).execute();
  const { id: _, ...was } = before;
  await writeAudit(db, { actor, action: 'update', entity: 'territory_rules', entityId: id, before: was, after: rule });
  return { ...rule, id };
}

export async function deleteRule(db: Db, id: string, actor: string, scenarioId: string | null = null): Promise<void> {
  const before = (await listRules(db, undefined, scenarioId)).find((r) => r.id === id);
  if (!before) throw new AttainError('RULE_UNKNOWN', `No rule ${id}`, { rule: id });
  await db.deleteFrom('territory_rules').where('id', '=', id).execute();
  const { id: _, ...was } = before;
  await writeAudit(db, { actor, action: 'delete', entity: 'territory_rules', entityId: id, before: was });
}

export interface RuleImportSummary {
  created: number;
  updated: number;
  deleted: number;
}

/**
 * A rules file into the live model (or a scenario being planned), in one transaction: a rule whose name matches a live rule's
 * (case-insensitive) updates it, others are created; with `replace`, live rules the file does not
 * name are deleted. Any invalid rule rejects the whole file.
 */
export async function importRules(
  db: Kysely<Database>,
  rules: readonly Rule[],
  options: { actor: string; replace?: boolean; scenarioId?: string | null },
): Promise<RuleImportSummary> {
  const scenarioId = options.scenarioId ?? null;
  const names = rules.map((r) => r.name?.toLowerCase()).filter((n): n is string => n !== undefined);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new AttainError('RULE_INVALID', `Two rules are named "${twice}"; rule names must be unique`, {});
  return db.transaction().execute(async (trx) => {
    const live = await listRules(trx, undefined, scenarioId);
    const byName = new Map(live.filter((r) => r.name).map((r) => [r.name!.toLowerCase(), r]));
    const summary = { created: 0, updated: 0, deleted: 0 };
    const kept = new Set<string>();
    for (const rule of rules) {
      const existing = rule.name ? byName.get(rule.name.toLowerCase()) : undefined;
      if (existing) {
        await updateRule(trx, existing.id, rule, options.actor, scenarioId);
        kept.add(existing.id);
        summary.updated += 1;
      } else {
        kept.add((await createRule(trx, rule, options.actor, scenarioId)).id);
        summary.created += 1;
      }
    }
    if (options.replace) {
      for (const rule of live.filter((r) => !kept.has(r.id))) {
        await deleteRule(trx, rule.id, options.actor, scenarioId);
        summary.deleted += 1;
      }
    }
    return summary;
  });
}
