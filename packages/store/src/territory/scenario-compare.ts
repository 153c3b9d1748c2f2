// A scenario beside the live model (DESIGN §5.1): per territory the accounts, potential, trailing
// 12-month bookings (reporting currency), open pipeline and owner, live vs scenario; the accounts
// moved; owner changes and the owners affected; and balance (maxDeviation, cv) per figure, each
// territory measured against its siblings (same parent). The live model is taken as of `asOf`:
// the scenario's effective date once published, else the date asked for (default today).
import { Decimal } from '@attain/core/money/decimal.ts';
import { type BalanceStats, balanceStats } from '@attain/core/territory/balance-stats.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { accountFiguresSql, FIGURES, type Figure } from './account-figures.sql.ts';
import { findScenario, type Scenario } from './scenario-create.ts';

export interface TerritorySide {
  accounts: string;
  potential: string;
  bookings: string;
  pipeline: string;
  workload: string;
  owner: string | null;
}

export interface ScenarioComparison {
  scenario: Scenario;
  asOf: string;
  territories: {
    territory: string;
    name: string;
    parent: string | null;
    live: TerritorySide;
    scenario: TerritorySide;
  }[];
  moved: { account: string; name: string; from: string | null; to: string | null }[];
  owners: { territory: string; live: string | null; scenario: string | null }[];
  ownersAffected: string[];
  balance: Record<Figure, { live: BalanceStats; scenario: BalanceStats }>;
}

const OWNER = (person: string, tbh: string) =>
  sql.raw(`coalesce(${person}, case when ${tbh} is not null then 'TBH: ' || ${tbh} end)`);

export async function compareScenario(
  db: Kysely<Database>,
  reference: string,
  options: { asOf?: string | undefined; today: string },
): Promise<ScenarioComparison> {
  const scenario = await findScenario(db, reference);
  const asOf = options.asOf ?? scenario.effectiveDate ?? options.today;
  const { reportingCurrency } = await readSettings(db);
  const inForce = (alias: string) =>
    sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;
  const live = sql`select distinct on (ta.account_id) ta.account_id, ta.territory_id
    from territory_assignments ta join territories t on t.id = ta.territory_id and t.type = 'account'
    where ${inForce('ta')} order by ta.account_id, ta.valid_from desc`;
  const planned = sql`select account_id, territory_id from scenario_assignments where scenario_id = ${scenario.id}`;

  const sums = await sql<{ side: 'live' | 'scenario'; territory_id: string } & Record<Figure, string>>`
    with f as (${accountFiguresSql(asOf, reportingCurrency)})
    select x.side, x.territory_id, count(*)::text as accounts, round(sum(f.potential), 2)::text as potential,
      round(sum(f.bookings), 2)::text as bookings, round(sum(f.pipeline), 2)::text as pipeline, sum(f.workload)::text as workload
    from (select 'live' as side, l.* from (${live}) l union all select 'scenario', s.* from (${planned}) s) x
    join f on f.account_id = x.account_id
    group by x.side, x.territory_id`.execute(db);

  const territories = await sql<{
    id: string;
    territory: string;
    name: string;
    parent: string | null;
    live: string | null;
    planned: string | null;
  }>`
    select t.id, t.external_id as territory, t.name, p.external_id as parent,
      ${OWNER('lp.name', 'lo.tbh_label')} as live, ${OWNER('sp.name', 'so.tbh_label')} as planned
    from territories t
    left join territories p on p.id = t.parent_id
    left join territory_owners lo on lo.territory_id = t.id and ${inForce('lo')}
    left join people lp on lp.id = lo.person_id
    left join scenario_owners so on so.territory_id = t.id and so.scenario_id = ${scenario.id}
    left join people sp on sp.id = so.person_id
    where t.type = 'account' and (${inForce('t')}
      or t.id in (select territory_id from (${live}) l union select territory_id from (${planned}) s))
    order by t.external_id`.execute(db);

  const moved = await sql<{ account: string; name: string; from: string | null; to: string | null }>`
    select a.external_id as account, a.name, lt.external_id as from, st.external_id as to
    from (${live}) l full join (${planned}) s on s.account_id = l.account_id
    join accounts a on a.id = coalesce(l.account_id, s.account_id)
    left join territories lt on lt.id = l.territory_id
    left join territories st on st.id = s.territory_id
    where l.territory_id is distinct from s.territory_id
    order by a.external_id`.execute(db);

  const byKey = new Map(sums.rows.map((r) => [`${r.side}:${r.territory_id}`, r]));
  const side = (kind: 'live' | 'scenario', id: string, owner: string | null): TerritorySide => {
    const row = byKey.get(`${kind}:${id}`);
    return {
      accounts: row?.accounts ?? '0',
      potential: row?.potential ?? '0.00',
      bookings: row?.bookings ?? '0.00',
      pipeline: row?.pipeline ?? '0.00',
      workload: row?.workload ?? '0',
      owner,
    };
  };
  const rows = territories.rows.map((t) => ({
    territory: t.territory,
    name: t.name,
    parent: t.parent,
    live: side('live', t.id, t.live),
    scenario: side('scenario', t.id, t.planned),
  }));
  const owners = rows
    .filter((r) => r.live.owner !== r.scenario.owner)
    .map((r) => ({ territory: r.territory, live: r.live.owner, scenario: r.scenario.owner }));
  const touched = new Set([...moved.rows.flatMap((m) => [m.from, m.to]), ...owners.map((o) => o.territory)]);
  const ownersAffected = [
    ...new Set(rows.filter((r) => touched.has(r.territory)).flatMap((r) => [r.live.owner, r.scenario.owner])),
  ]
    .filter((o): o is string => o !== null)
    .sort();
  const stats = (kind: 'live' | 'scenario', figure: Figure) =>
    balanceStats(
      rows.map((r) => ({ territory: r.territory, group: r.parent ?? '', value: new Decimal(r[kind][figure]) })),
    );
  const balance = Object.fromEntries(
    FIGURES.map((f) => [f, { live: stats('live', f), scenario: stats('scenario', f) }]),
  ) as ScenarioComparison['balance'];
  return { scenario, asOf, territories: rows, moved: moved.rows, owners, ownersAffected, balance };
}
