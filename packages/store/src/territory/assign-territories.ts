// The assignment run (DESIGN §5.1), set-based, in one transaction. For every account on the date:
//   1. a named account (named_accounts in force, live model) goes to its named territory;
//   2. an account whose assignment in force came from an import's territory column or an approved
//      move keeps it — both are human decisions rules never undo (docs/territories.md);
//   3. else the matching rule with the lowest priority (ties: lowest rule id) places it; when that
//      rule is inherited, the account goes on down to the child territory whose own best rule also
//      matches (and on, while that rule is inherited too), else it stays with the rule's territory;
//   4. else it keeps what it has (possibly nothing: "unassigned").
// Plan: one scan of accounts evaluates every rule (a lateral VALUES list of compiled predicates) into
// rule_matches; a recursive CTE walks inherited rules down the tree; a join with the assignment in
// force gives the changes. Approved moves due by today are applied first. A dry run does all of
// it and rolls back, so it shows exactly what a real run would do.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { applyDueMoves } from './apply-due-moves.ts';
import { compileRuleSql } from './compile-rule-sql.ts';
import { assertNoTerritoryCycle } from './hierarchy.ts';
import { loadRules } from './rule-repository.ts';
import { assertOpenDate } from './territory-references.ts';
import { CHANGES, createAssignmentChanges, writeAssignmentChanges } from './write-assignment-changes.ts';

export interface AssignmentChange {
  account: string;
  from: string | null;
  to: string;
  rule: string;
}

export interface AssignmentResult {
  asOf: string;
  changes: AssignmentChange[];
  summary: { moved: number; unchanged: number; unassigned: number };
}

export interface AssignOptions {
  asOf: string;
  today: string;
  dryRun?: boolean;
  actor: string;
}

class DryRunRollback extends Error {}

export async function assignTerritories(db: Kysely<Database>, options: AssignOptions): Promise<AssignmentResult> {
  const asOf = assertIsoDate(options.asOf, '--as-of');
  await assertOpenDate(db, asOf, 'The assignment date');
  let result: AssignmentResult | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await applyDueMoves(trx, { today: options.today, actor: options.actor });
      result = await planAndWrite(trx, asOf, options.actor);
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result!;
}

async function planAndWrite(trx: Transaction<Database>, asOf: string, actor: string): Promise<AssignmentResult> {
  await assertNoTerritoryCycle(trx);
  const inForce = (alias: string) =>
    sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;
  const rules = await loadRules(trx, asOf);
  await sql.raw('drop table if exists rule_matches').execute(trx);
  await sql.raw('create temp table rule_matches (account_id bigint, rule_id bigint) on commit drop').execute(trx);
  if (rules.length > 0) {
    const predicates = rules.map((r) => sql`(${r.id}::bigint, ${compileRuleSql(r)})`);
    await sql`insert into rule_matches
      select a.id, m.rule_id from accounts a
      cross join lateral (values ${sql.join(predicates)}) m(rule_id, hit) where m.hit`.execute(trx);
  }
  await sql.raw('drop table if exists assignment_plan').execute(trx);
  await sql`
    create temp table assignment_plan on commit drop as
    with recursive m as (
      select rm.account_id, r.id as rule_id, coalesce(r.name, 'rule ' || r.id) as rule, r.territory_id, r.priority,
        r.inherit, t.parent_id
      from rule_matches rm join territory_rules r on r.id = rm.rule_id
      join territories t on t.id = r.territory_id and t.type = 'account' and ${inForce('t')}
    ),
    walk as (
      select * from (select distinct on (account_id) account_id, rule, territory_id, inherit, 1 as depth
                     from m order by account_id, priority, rule_id) best
      union all
      select w.account_id, c.rule, c.territory_id, c.inherit, w.depth + 1
      from walk w cross join lateral (
        select m.rule, m.territory_id, m.inherit from m
        where m.account_id = w.account_id and m.parent_id = w.territory_id
        order by m.priority, m.rule_id limit 1) c
      where w.inherit
    ),
    by_rule as (select distinct on (account_id) account_id, rule, territory_id from walk order by account_id, depth desc),
    named as (
      select distinct on (na.account_id) na.account_id, na.territory_id from named_accounts na
      join territories t on t.id = na.territory_id and t.type = 'account' and ${inForce('t')}
      where na.scenario_id is null and ${inForce('na')}
      order by na.account_id, na.territory_id),
    current as (
      select distinct on (ta.account_id) ta.account_id, ta.territory_id, ta.source from territory_assignments ta
      join territories t on t.id = ta.territory_id and t.type = 'account'
      where ${inForce('ta')} order by ta.account_id, ta.valid_from desc)
    select a.id as account_id, a.external_id as account_external_id, cur.territory_id as from_id,
      case when n.territory_id is not null then n.territory_id
           when cur.source in ('import', 'move') then cur.territory_id
           else coalesce(br.territory_id, cur.territory_id) end as to_id,
      case when n.territory_id is not null then 'named' when cur.source in ('import', 'move') then cur.source
           when br.territory_id is not null then br.rule end as rule,
      case when n.territory_id is not null then 'named' else 'rule' end as source
    from accounts a
    left join named n on n.account_id = a.id
    left join current cur on cur.account_id = a.id
    left join by_rule br on br.account_id = a.id`.execute(trx);

  const { rows: changes } = await sql<AssignmentChange>`
    select p.account_external_id as account, f.external_id as "from", t.external_id as "to", p.rule
    from assignment_plan p join territories t on t.id = p.to_id left join territories f on f.id = p.from_id
    where p.to_id is distinct from p.from_id
    order by p.account_external_id`.execute(trx);
  const { rows: counts } = await sql<{ accounts: string; unassigned: string }>`
    select count(*)::text as accounts, (count(*) filter (where to_id is null))::text as unassigned
    from assignment_plan`.execute(trx);
  const moved = changes.length;
  const unassigned = Number(counts[0]!.unassigned);
  const summary = { moved, unchanged: Number(counts[0]!.accounts) - moved - unassigned, unassigned };

  await createAssignmentChanges(trx);
  await sql`insert into ${sql.raw(CHANGES)} (account_id, account_external_id, to_id, effective, source, note)
    select account_id, account_external_id, to_id, ${asOf}::date, source, rule from assignment_plan
    where to_id is distinct from from_id`.execute(trx);
  await writeAssignmentChanges(trx, actor);
  await writeAudit(trx, { actor, action: 'assign', entity: 'territory_assignments', entityId: asOf, after: summary });
  return { asOf, changes, summary };
}
