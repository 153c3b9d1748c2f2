// `attain territory balance` (DESIGN §5.1): loads each account's metric set-based, solves the
// balancing MIP with HiGHS under a time limit (greedy fallback; core/territory/solve-balance.ts),
// and writes the moves INTO A SCENARIO — the one named, or a new copy of the live model named
// balance-<metric>-<date> — never into the live model. Only leaf account territories take part
// (a territory with child territories holds no accounts of its own); by default each leaf is
// balanced against its siblings (same parent), with scope 'type' against all account leaves.
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import type { BalanceProblem } from '@attain/core/territory/balance-problem.ts';
import { type BalanceResult, solveBalance } from '@attain/core/territory/solve-balance.ts';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { accountFiguresSql } from './account-figures.sql.ts';
import { assertPlanning, createScenario, findScenario, type Scenario } from './scenario-create.ts';

export const BALANCE_METRICS = ['potential', 'accounts', 'workload', 'bookings'] as const;
export type BalanceMetric = (typeof BALANCE_METRICS)[number];

export interface BalanceRequest {
  metric: BalanceMetric;
  tolerance: number;
  maxMoves?: number | undefined;
  keepNamed: boolean;
  scenario?: string | undefined;
  scope?: 'siblings' | 'type';
  timeLimitSeconds: number;
  asOf: string;
  actor: string;
}

export async function balanceTerritories(
  db: Kysely<Database>,
  request: BalanceRequest,
): Promise<{ result: BalanceResult; scenario: Scenario }> {
  if (!(request.tolerance >= 0 && request.tolerance < 1)) {
    throw new AttainError('BALANCE_INVALID', 'The tolerance is a fraction from 0 to 1, e.g. 0.1 for ±10%', {
      tolerance: request.tolerance,
    });
  }
  const scenario = request.scenario
    ? await findScenario(db, request.scenario)
    : await createScenario(db, {
        name: await freeName(db, `balance-${request.metric}-${request.asOf}`),
        asOf: request.asOf,
        actor: request.actor,
      });
  assertPlanning(scenario, 'be balanced');
  const problem = await loadProblem(db, scenario, request);
  const result = await solveBalance(problem, {
    timeLimitSeconds: request.timeLimitSeconds,
    places: request.metric === 'accounts' || request.metric === 'workload' ? 0 : 2,
  });
  result.note = `${result.note} Written to scenario "${scenario.name}".`;
  await db.transaction().execute(async (trx) => {
    if (result.moves.length > 0) {
      await sql`update scenario_assignments s set territory_id = t.id
        from unnest(${result.moves.map((m) => m.account)}::text[], ${result.moves.map((m) => m.to)}::text[]) as m(account, territory)
        join accounts a on a.external_id = m.account join territories t on t.external_id = m.territory
        where s.scenario_id = ${scenario.id} and s.account_id = a.id`.execute(trx);
    }
    await writeAudit(trx, {
      actor: request.actor,
      action: 'balance',
      entity: 'territoryScenario',
      entityId: scenario.name,
      after: {
        metric: request.metric,
        tolerance: request.tolerance,
        solver: result.solver,
        moves: result.moves.length,
        note: result.note,
      },
    });
  });
  return { result, scenario };
}

async function loadProblem(db: Kysely<Database>, scenario: Scenario, request: BalanceRequest): Promise<BalanceProblem> {
  const { reportingCurrency } = await readSettings(db);
  const asOf = request.asOf;
  const inForce = (alias: string) =>
    sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;
  const territories = await sql<{ territory: string; parent: string | null }>`
    select t.external_id as territory, p.external_id as parent from territories t
    left join territories p on p.id = t.parent_id
    where t.type = 'account' and (${inForce('t')} or t.id in (select territory_id from scenario_assignments where scenario_id = ${scenario.id}))
      and not exists (select 1 from territories c where c.parent_id = t.id and c.type = 'account')
    order by t.external_id`.execute(db);
  const accounts = await sql<{ account: string; territory: string; value: string; named: boolean }>`
    with f as (${accountFiguresSql(asOf, reportingCurrency)})
    select a.external_id as account, t.external_id as territory, f.${sql.raw(request.metric)}::text as value,
      exists (select 1 from named_accounts n where n.account_id = s.account_id and n.scenario_id is null and ${inForce('n')})
      or exists (select 1 from territory_assignments ta where ta.account_id = s.account_id and ta.source = 'named' and ${inForce('ta')}) as named
    from scenario_assignments s
    join accounts a on a.id = s.account_id
    join territories t on t.id = s.territory_id
    join f on f.account_id = s.account_id
    where s.scenario_id = ${scenario.id}
    order by a.external_id`.execute(db);
  const group = (parent: string | null) => (request.scope === 'type' ? 'account' : (parent ?? ''));
  return {
    territories: territories.rows.map((t) => ({ territory: t.territory, group: group(t.parent) })),
    accounts: accounts.rows.map((a) => ({
      account: a.account,
      territory: a.territory,
      value: new Decimal(a.value),
      named: a.named,
    })),
    tolerance: request.tolerance,
    maxMoves: request.maxMoves,
    keepNamed: request.keepNamed,
  };
}

/** The name, or name-2, name-3 … when a scenario already has it. */
async function freeName(db: Kysely<Database>, name: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('territory_scenarios').select(sql<string>`lower(name)`.as('name')).execute()).map(
      (r) => r.name,
    ),
  );
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
  return candidate;
}
