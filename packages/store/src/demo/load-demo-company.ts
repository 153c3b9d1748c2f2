// Bulk-loads the demo company (core/src/demo) in one transaction with set-based inserts: per chunk
// of rows, `insert into t (cols) select * from unnest($1::bigint[], $2::text[], …)` with one array
// parameter per column — the same SQL on PGlite and PostgreSQL, a few statements per 10,000 rows.
// Deals arrive in chunks from the generator, so memory stays bounded for the large size. Ids are
// explicit, so each identity sequence is moved past them at the end.
import type * as Rows from '@attain/core/demo/demo-rows.ts';
import {
  type DemoCompanyOptions,
  demoLoginPeople,
  generateDemoCompany,
} from '@attain/core/demo/generate-demo-company.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { insertPlanVersion } from '../comp/plan-versions.ts';
import type { Database } from '../schema.ts';

export interface LoadDemoOptions extends DemoCompanyOptions {
  onProgress?: (step: string, done: number, total?: number) => void;
}

export interface DemoLoadResult {
  options: { size: string; seed: number; today: string };
  /** Rows inserted per table. */
  counts: Record<DemoTable, number>;
  /** Plan versions stored (YAML, validated like attain comp plan load). */
  plans: number;
  /** Milliseconds per table spent inserting, 'generate' building the rows, 'verify' checking references. */
  timings: Record<DemoTable | 'generate' | 'verify' | 'plans', number>;
  /** Person external ids for the demo logins (see core demoLoginPeople). */
  loginPeople: typeof demoLoginPeople;
}

const CHUNK_ROWS = 10_000;

type SqlType = 'bigint' | 'text' | 'date' | 'numeric' | 'integer';

/** Every column of a row type with the SQL array type it travels as: a renamed column fails to compile. */
const columnsOf = <Row>(columns: { [K in keyof Row & string]-?: SqlType }) => columns;

const DEMO_COLUMNS = {
  org_units: columnsOf<Rows.OrgUnitRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    parent_id: 'bigint',
    type: 'text',
  }),
  people: columnsOf<Rows.PersonRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    email: 'text',
    title: 'text',
    hire_date: 'date',
    term_date: 'date',
    currency: 'text',
  }),
  person_history: columnsOf<Rows.PersonHistoryRow>({
    id: 'bigint',
    person_id: 'bigint',
    valid_from: 'date',
    valid_to: 'date',
    manager_id: 'bigint',
    org_unit_id: 'bigint',
    job_role: 'text',
  }),
  products: columnsOf<Rows.ProductRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    family: 'text',
    list_price: 'numeric',
    currency: 'text',
  }),
  accounts: columnsOf<Rows.AccountRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    parent_id: 'bigint',
    industry: 'text',
    segment: 'text',
    country: 'text',
    region: 'text',
    city: 'text',
    employees: 'integer',
    annual_revenue: 'numeric',
    potential: 'numeric',
  }),
  territories: columnsOf<Rows.TerritoryRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    parent_id: 'bigint',
    type: 'text',
    product_family: 'text',
    valid_from: 'date',
    valid_to: 'date',
  }),
  territory_owners: columnsOf<Rows.TerritoryOwnerRow>({
    id: 'bigint',
    territory_id: 'bigint',
    person_id: 'bigint',
    tbh_label: 'text',
    valid_from: 'date',
    valid_to: 'date',
  }),
  territory_assignments: columnsOf<Rows.TerritoryAssignmentRow>({
    id: 'bigint',
    account_id: 'bigint',
    territory_id: 'bigint',
    valid_from: 'date',
    valid_to: 'date',
    source: 'text',
  }),
  fx_rates: columnsOf<Rows.FxRateRow>({ from_currency: 'text', to_currency: 'text', date: 'date', rate: 'numeric' }),
  opportunities: columnsOf<Rows.OpportunityRow>({
    id: 'bigint',
    external_id: 'text',
    name: 'text',
    account_id: 'bigint',
    owner_id: 'bigint',
    product_id: 'bigint',
    stage: 'text',
    status: 'text',
    probability: 'numeric',
    forecast_category: 'text',
    amount: 'numeric',
    currency: 'text',
    created_date: 'date',
    close_date: 'date',
    type: 'text',
    partner: 'text',
  }),
  opportunity_snapshots: columnsOf<Rows.OpportunitySnapshotRow>({
    opportunity_id: 'bigint',
    snapshot_date: 'date',
    account_id: 'bigint',
    owner_id: 'bigint',
    stage: 'text',
    status: 'text',
    probability: 'numeric',
    forecast_category: 'text',
    amount: 'numeric',
    currency: 'text',
    close_date: 'date',
  }),
  opportunity_splits: columnsOf<Rows.OpportunitySplitRow>({
    opportunity_id: 'bigint',
    person_id: 'bigint',
    percent: 'numeric',
    type: 'text',
  }),
  transactions: columnsOf<Rows.TransactionRow>({
    id: 'bigint',
    external_id: 'text',
    type: 'text',
    date: 'date',
    amount: 'numeric',
    currency: 'text',
    account_id: 'bigint',
    opportunity_id: 'bigint',
    product_id: 'bigint',
    owner_id: 'bigint',
    contract_months: 'integer',
    cancels_id: 'bigint',
  }),
  plan_assignments: columnsOf<Rows.PlanAssignmentRow>({
    id: 'bigint',
    person_id: 'bigint',
    plan_id: 'text',
    valid_from: 'date',
    valid_to: 'date',
    target_incentive: 'numeric',
    currency: 'text',
  }),
  mbo_scores: columnsOf<Rows.MboScoreRow>({ person_id: 'bigint', component: 'text', period: 'text', score: 'numeric' }),
  quotas: columnsOf<Rows.QuotaRow>({
    id: 'bigint',
    person_id: 'bigint',
    measure: 'text',
    period: 'text',
    period_start: 'date',
    period_end: 'date',
    amount: 'numeric',
    currency: 'text',
  }),
};

export type DemoTable = keyof typeof DEMO_COLUMNS;

const SEQUENCED: readonly DemoTable[] = [
  'org_units',
  'people',
  'person_history',
  'products',
  'accounts',
  'territories',
  'territory_owners',
  'territory_assignments',
  'opportunities',
  'transactions',
  'plan_assignments',
  'quotas',
];

export async function loadDemoCompany(db: Kysely<Database>, options: LoadDemoOptions): Promise<DemoLoadResult> {
  const progress = options.onProgress ?? (() => {});
  const counts = Object.fromEntries(Object.keys(DEMO_COLUMNS).map((t) => [t, 0])) as Record<DemoTable, number>;
  const timings = { ...counts, generate: 0, verify: 0, plans: 0 } as DemoLoadResult['timings'];
  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const spent = now - clock;
    clock = now;
    return spent;
  };

  return db.transaction().execute(async (trx) => {
    const existing = await sql<{ found: boolean }>`select exists (select 1 from people) as found`.execute(trx);
    if (existing.rows[0]?.found) {
      throw new AttainError(
        'DEMO_NOT_EMPTY',
        'This database already holds people; the demo company loads only into an empty database',
      );
    }
    const skipChecks = await skipForeignKeyChecks(trx);
    lap();
    const company = generateDemoCompany(options);
    timings.generate += lap();

    const load = async (table: DemoTable, rows: readonly object[]) => {
      await insertRows(trx, table, rows);
      counts[table] += rows.length;
      timings[table] += lap();
    };
    const steps: [DemoTable, readonly object[]][] = [
      ['org_units', company.orgUnits],
      ['people', company.people],
      ['person_history', company.personHistory],
      ['products', company.products],
      ['accounts', company.accounts],
      ['territories', company.territories],
      ['territory_owners', company.territoryOwners],
      ['territory_assignments', company.territoryAssignments],
      ['fx_rates', company.fxRates],
      ['plan_assignments', company.planAssignments],
      ['mbo_scores', company.mboScores],
    ];
    progress('plans', 0, company.plans.length);
    for (const [done, plan] of company.plans.entries()) {
      const saved = await insertPlanVersion(trx, {
        source: `demo plan ${plan.plan_id} version ${plan.version}`,
        text: plan.source,
        validFrom: plan.valid_from,
        actor: 'demo',
      });
      if (saved.version !== plan.version) throw new Error(`demo plan ${plan.plan_id}: version ${saved.version}`);
      progress('plans', done + 1, company.plans.length);
    }
    timings.plans = lap();
    for (const [table, rows] of steps) {
      progress(table, 0, rows.length);
      await load(table, rows);
      progress(table, rows.length, rows.length);
    }

    const accountTotal = company.accounts.length;
    let accountsDone = 0;
    progress('deals', 0, accountTotal);
    for (const chunk of company.deals()) {
      timings.generate += lap();
      await load('opportunities', chunk.opportunities);
      await load('opportunity_snapshots', chunk.snapshots);
      await load('opportunity_splits', chunk.splits);
      await load('transactions', chunk.transactions);
      accountsDone = Math.min(accountTotal, accountsDone + company.profile.accountsPerChunk);
      progress('deals', accountsDone, accountTotal);
      lap();
    }
    const quotas = company.quotas();
    timings.generate += lap();
    progress('quotas', 0, quotas.length);
    await load('quotas', quotas);
    progress('quotas', quotas.length, quotas.length);

    const unplanned = await sql<{ plan_id: string }>`select distinct a.plan_id from plan_assignments a
      where not exists (select 1 from plans p where p.plan_id = a.plan_id)`.execute(trx);
    if (unplanned.rows.length > 0) {
      throw new AttainError(
        'DEMO_INTEGRITY',
        `The generated demo company assigns plans it does not have: ${unplanned.rows.map((r) => r.plan_id).join(', ')}`,
      );
    }
    if (skipChecks) {
      await sql`set local session_replication_role = origin`.execute(trx);
      await verifyReferences(trx);
      timings.verify = lap();
    }
    for (const table of SEQUENCED) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        trx,
      );
    }
    const settings: [string, unknown][] = [
      ['reportingCurrency', 'USD'],
      ['fiscalCalendar', { type: 'gregorian', fiscalYearStartMonth: 1 }],
      ['demo', company.options],
    ];
    for (const [key, value] of settings) {
      await sql`insert into settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value`.execute(trx);
    }
    progress('done', 1, 1);
    return { options: company.options, counts, plans: company.plans.length, timings, loginPeople: demoLoginPeople };
  });
}

/** One statement per CHUNK_ROWS rows: every column travels as one typed array and unnest zips them. */
async function insertRows(trx: Transaction<Database>, table: DemoTable, rows: readonly object[]): Promise<void> {
  const columns = Object.entries(DEMO_COLUMNS[table]);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS) as readonly Record<string, unknown>[];
    const arrays = columns.map(([name, type]) => sql`${chunk.map((row) => row[name] ?? null)}::${sql.raw(type)}[]`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
      select * from unnest(${sql.join(arrays)})`.execute(trx);
  }
}

/**
 * Foreign-key triggers cost ~40% of the load. A superuser (always so on PGlite) may switch them off
 * for this transaction (session_replication_role = replica); verifyReferences then checks every
 * reference the demo writes with one set-based query, so bad rows still never land.
 */
async function skipForeignKeyChecks(trx: Transaction<Database>): Promise<boolean> {
  const role = await sql<{ superuser: string }>`select current_setting('is_superuser') as superuser`.execute(trx);
  if (role.rows[0]?.superuser !== 'on') return false;
  await sql`set local session_replication_role = replica`.execute(trx);
  return true;
}

/** [child table, column, parent table]: every reference the demo company writes. */
const REFERENCES: readonly (readonly [DemoTable, string, DemoTable])[] = [
  ['org_units', 'parent_id', 'org_units'],
  ['person_history', 'person_id', 'people'],
  ['person_history', 'manager_id', 'people'],
  ['person_history', 'org_unit_id', 'org_units'],
  ['accounts', 'parent_id', 'accounts'],
  ['territories', 'parent_id', 'territories'],
  ['territory_owners', 'territory_id', 'territories'],
  ['territory_owners', 'person_id', 'people'],
  ['territory_assignments', 'account_id', 'accounts'],
  ['territory_assignments', 'territory_id', 'territories'],
  ['opportunities', 'account_id', 'accounts'],
  ['opportunities', 'owner_id', 'people'],
  ['opportunities', 'product_id', 'products'],
  ['opportunity_snapshots', 'opportunity_id', 'opportunities'],
  ['opportunity_splits', 'opportunity_id', 'opportunities'],
  ['opportunity_splits', 'person_id', 'people'],
  ['transactions', 'account_id', 'accounts'],
  ['transactions', 'opportunity_id', 'opportunities'],
  ['transactions', 'product_id', 'products'],
  ['transactions', 'owner_id', 'people'],
  ['transactions', 'cancels_id', 'transactions'],
  ['quotas', 'person_id', 'people'],
  ['plan_assignments', 'person_id', 'people'],
  ['mbo_scores', 'person_id', 'people'],
];

async function verifyReferences(trx: Transaction<Database>): Promise<void> {
  const checks = REFERENCES.map(
    ([child, column, parent]) =>
      sql`select ${`${child}.${column}`} as reference, count(*) as missing from ${sql.table(child)} c
        where c.${sql.ref(column)} is not null
          and not exists (select 1 from ${sql.table(parent)} p where p.id = c.${sql.ref(column)})`,
  );
  const result = await sql<{ reference: string; missing: string }>`${sql.join(checks, sql` union all `)}`.execute(trx);
  const broken = result.rows.filter((r) => r.missing !== '0');
  if (broken.length > 0) {
    throw new AttainError(
      'DEMO_INTEGRITY',
      `The generated demo company has dangling references: ${broken.map((b) => `${b.reference} (${b.missing})`).join(', ')}`,
      { broken },
    );
  }
}
