import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { ENTITY_COLUMNS } from '@attain/core/data/entity-columns.ts';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../schema.ts';
import { openTestStore } from '../test-store.ts';
import { type ExportRow, exportEntity, exportEntityChunks } from './export-entity.ts';

// A small hand-built company. The change date is 2026-06-01: Cy is promoted from rep under Bob to
// manager under Ada in team OU-3, West's owner Cy leaves it to a to-be-hired placeholder, account
// A-1 moves from West to East, and Cy's Q2 quota was raised from 120,000 to 130,000 on 2026-05-01.
let store: Awaited<ReturnType<typeof openTestStore>>;

async function seed(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('org_units')
    .values([
      { id: 1, external_id: 'OU-1', name: 'Acme Corp', parent_id: null, type: 'company' },
      { id: 2, external_id: 'OU-2', name: 'EMEA', parent_id: '1', type: 'geo' },
      { id: 3, external_id: 'OU-3', name: 'Team, "North"', parent_id: '2', type: 'team' },
    ])
    .execute();
  await db
    .insertInto('people')
    .values([
      { id: 1, external_id: 'P-1', name: 'Ada', email: 'ada@acme.test', title: 'CEO', hire_date: '2020-01-01' },
      { id: 2, external_id: 'P-2', name: 'Bob', email: null, title: null, hire_date: null },
      { id: 3, external_id: 'P-3', name: 'Cy', email: 'cy@acme.test', title: 'AE', hire_date: '2021-03-15' },
      {
        id: 4,
        external_id: 'P-4',
        name: 'Dee',
        email: null,
        title: null,
        hire_date: '2021-01-01',
        term_date: '2026-03-31',
        currency: 'EUR',
      },
    ])
    .execute();
  await db
    .insertInto('person_history')
    .values([
      {
        person_id: '1',
        valid_from: '2020-01-01',
        valid_to: null,
        manager_id: null,
        org_unit_id: '1',
        job_role: 'exec',
      },
      {
        person_id: '2',
        valid_from: '1900-01-01',
        valid_to: null,
        manager_id: '1',
        org_unit_id: '2',
        job_role: 'manager',
      },
      {
        person_id: '3',
        valid_from: '2021-03-15',
        valid_to: '2026-06-01',
        manager_id: '2',
        org_unit_id: '2',
        job_role: 'rep',
      },
      {
        person_id: '3',
        valid_from: '2026-06-01',
        valid_to: null,
        manager_id: '1',
        org_unit_id: '3',
        job_role: 'manager',
      },
      {
        person_id: '4',
        valid_from: '2021-01-01',
        valid_to: '2026-04-01',
        manager_id: '2',
        org_unit_id: '3',
        job_role: 'rep',
      },
    ])
    .execute();
  await db
    .insertInto('products')
    .values([
      { id: 1, external_id: 'PR-1', name: 'Core', family: 'Platform', list_price: '1200.00' },
      { id: 2, external_id: 'PR-2', name: 'Add-on', family: null, list_price: null },
    ])
    .execute();
  await db
    .insertInto('accounts')
    .values([
      {
        id: 1,
        external_id: 'A-1',
        name: 'Acme Inc',
        parent_id: null,
        industry: 'Software',
        segment: 'enterprise',
        country: 'US',
        region: 'NA',
        city: 'New York',
        employees: 5000,
        annual_revenue: '1000000000.50',
        potential: '250000',
      },
      {
        id: 2,
        external_id: 'A-2',
        name: '=HYPERLINK("x")',
        parent_id: '1',
        industry: null,
        segment: null,
        country: null,
        region: null,
        city: null,
        employees: null,
        annual_revenue: null,
        potential: null,
      },
    ])
    .execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-1', name: 'West', parent_id: null, type: 'account', valid_from: '2025-01-01' },
      { id: 2, external_id: 'T-2', name: 'East', parent_id: '1', type: 'account', product_family: null },
      {
        id: 3,
        external_id: 'T-3',
        name: 'Platform overlay',
        parent_id: null,
        type: 'overlay',
        product_family: 'Platform',
      },
    ])
    .execute();
  await db
    .insertInto('territory_owners')
    .values([
      { territory_id: '1', person_id: '3', tbh_label: null, valid_from: '2025-01-01', valid_to: '2026-06-01' },
      { territory_id: '1', person_id: null, tbh_label: 'TBH West AE', valid_from: '2026-06-01', valid_to: null },
      { territory_id: '2', person_id: '4', tbh_label: null, valid_from: '2025-01-01', valid_to: null },
    ])
    .execute();
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '1', valid_from: '2025-01-01', valid_to: '2026-06-01' },
      { account_id: '1', territory_id: '2', valid_from: '2026-06-01', valid_to: null },
      // An overlay assignment is not the account's territory.
      { account_id: '2', territory_id: '3', valid_from: '2025-01-01', valid_to: null },
    ])
    .execute();
  await db
    .insertInto('opportunities')
    .values([
      {
        id: 1,
        external_id: 'O-1',
        name: 'Acme platform',
        account_id: '1',
        owner_id: '3',
        product_id: '1',
        stage: 'Closed Won',
        status: 'won',
        probability: '100',
        forecast_category: 'closed',
        amount: '14400.00',
        currency: 'USD',
        created_date: '2025-11-02',
        close_date: '2026-01-30',
        type: 'new_business',
        partner: '+Partner',
      },
      { id: 2, external_id: 'O-2', name: null, account_id: null, owner_id: null, status: 'open' },
    ])
    .execute();
  await db
    .insertInto('opportunity_splits')
    .values([
      { opportunity_id: '1', person_id: '3', percent: '60', type: 'revenue' },
      { opportunity_id: '1', person_id: '2', percent: '40', type: 'revenue' },
      { opportunity_id: '1', person_id: '2', percent: '100', type: 'overlay' },
    ])
    .execute();
  await db
    .insertInto('transactions')
    .values([
      {
        id: 1,
        external_id: 'X-1',
        type: 'booking',
        date: '2026-02-01',
        amount: '14400.00',
        currency: 'USD',
        account_id: '1',
        opportunity_id: '1',
        product_id: '1',
        owner_id: '3',
        contract_months: 12,
      },
      { id: 2, external_id: 'X-2', type: 'cancellation', date: '2026-03-01', amount: '-14400.00', cancels_id: '1' },
      { id: 3, external_id: 'X-3', type: 'revenue', date: '2026-03-31', amount: '0.000001', currency: 'EUR' },
    ])
    .execute();
  // Rows above have explicit ids: move the identity past them for rows inserted later.
  await sql`select setval(pg_get_serial_sequence('transactions', 'id'), 100)`.execute(db);
  await db
    .insertInto('quotas')
    .values([
      {
        person_id: '3',
        measure: 'bookings',
        period: '2026-Q2',
        period_start: '2026-04-01',
        period_end: '2026-06-30',
        amount: '120000',
        valid_to: '2026-05-01',
      },
      {
        person_id: '3',
        measure: 'bookings',
        period: '2026-Q2',
        period_start: '2026-04-01',
        period_end: '2026-06-30',
        amount: '130000.00',
        valid_from: '2026-05-01',
      },
      {
        person_id: '3',
        measure: 'bookings',
        period: '2026-Q1',
        period_start: '2026-01-01',
        period_end: '2026-03-31',
        amount: '100000.00',
      },
      {
        territory_id: '1',
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount: '500000.00',
        currency: 'EUR',
      },
    ])
    .execute();
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'GBP', to_currency: 'USD', date: '2026-01-01', rate: '1.27' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-02-01', rate: '1.1' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.08123456789' },
    ])
    .execute();
  await db
    .insertInto('plan_assignments')
    .values([
      { person_id: '3', plan_id: 'mgr', valid_from: '2026-06-01', valid_to: null, target_incentive: '90000' },
      { person_id: '3', plan_id: 'ae', valid_from: '2021-03-15', valid_to: '2026-06-01', target_incentive: '60000.00' },
      {
        person_id: '4',
        plan_id: 'ae',
        valid_from: '2021-01-01',
        valid_to: '2026-04-01',
        target_incentive: null,
        currency: 'EUR',
      },
    ])
    .execute();
  await db
    .insertInto('mbo_scores')
    .values([
      { person_id: '3', component: 'goals', period: '2026-03', score: '0.85' },
      { person_id: '3', component: 'goals', period: '2026-01', score: '1' },
      { person_id: '4', component: 'goals', period: '2026-01', score: '0.5' },
    ])
    .execute();
}

async function rowsOf(entity: EntityName, asOf: string): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of exportEntity(store.db, entity, { asOf })) rows.push(row);
  return rows;
}

beforeAll(async () => {
  store = await openTestStore();
  await seed(store.db);
});
afterAll(async () => {
  await store?.close();
});

describe('exportEntity: every entity in canonical columns and order', () => {
  test('orgUnits: parent as externalId', async () => {
    expect(await rowsOf('orgUnits', '2026-05-31')).toEqual([
      { externalId: 'OU-1', name: 'Acme Corp', parent: null, type: 'company' },
      { externalId: 'OU-2', name: 'EMEA', parent: 'OU-1', type: 'geo' },
      { externalId: 'OU-3', name: 'Team, "North"', parent: 'OU-2', type: 'team' },
    ]);
  });

  test('people on the day before the change: Cy is a rep under Bob; Dee, who left, keeps her last row', async () => {
    expect(await rowsOf('people', '2026-05-31')).toEqual([
      {
        externalId: 'P-1',
        name: 'Ada',
        email: 'ada@acme.test',
        title: 'CEO',
        jobRole: 'exec',
        manager: null,
        orgUnit: 'OU-1',
        hireDate: '2020-01-01',
        termDate: null,
        currency: 'USD',
      },
      {
        externalId: 'P-2',
        name: 'Bob',
        email: null,
        title: null,
        jobRole: 'manager',
        manager: 'P-1',
        orgUnit: 'OU-2',
        hireDate: null,
        termDate: null,
        currency: 'USD',
      },
      {
        externalId: 'P-3',
        name: 'Cy',
        email: 'cy@acme.test',
        title: 'AE',
        jobRole: 'rep',
        manager: 'P-2',
        orgUnit: 'OU-2',
        hireDate: '2021-03-15',
        termDate: null,
        currency: 'USD',
      },
      {
        externalId: 'P-4',
        name: 'Dee',
        email: null,
        title: null,
        jobRole: 'rep',
        manager: 'P-2',
        orgUnit: 'OU-3',
        hireDate: '2021-01-01',
        termDate: '2026-03-31',
        currency: 'EUR',
      },
    ]);
  });

  test('people on the change date (half-open: the new row holds from valid_from)', async () => {
    const cy = (await rowsOf('people', '2026-06-01')).find((p) => p.externalId === 'P-3');
    expect(cy).toMatchObject({ jobRole: 'manager', manager: 'P-1', orgUnit: 'OU-3' });
  });

  test('people before they started show their first row', async () => {
    const cy = (await rowsOf('people', '2019-01-01')).find((p) => p.externalId === 'P-3');
    expect(cy).toMatchObject({ jobRole: 'rep', manager: 'P-2', orgUnit: 'OU-2' });
  });

  test('products: money as the stored decimal text', async () => {
    expect(await rowsOf('products', '2026-05-31')).toEqual([
      { externalId: 'PR-1', name: 'Core', family: 'Platform', listPrice: '1200.00' },
      { externalId: 'PR-2', name: 'Add-on', family: null, listPrice: null },
    ]);
  });

  test('accounts: territory is the account-type territory as of the date, never an overlay', async () => {
    const acme = {
      externalId: 'A-1',
      name: 'Acme Inc',
      parent: null,
      industry: 'Software',
      segment: 'enterprise',
      country: 'US',
      region: 'NA',
      city: 'New York',
      employees: '5000',
      annualRevenue: '1000000000.50',
      potential: '250000',
    };
    const beta = {
      externalId: 'A-2',
      name: '=HYPERLINK("x")',
      parent: 'A-1',
      industry: null,
      segment: null,
      country: null,
      region: null,
      city: null,
      employees: null,
      annualRevenue: null,
      potential: null,
      territory: null,
    };
    expect(await rowsOf('accounts', '2026-05-31')).toEqual([{ ...acme, territory: 'T-1' }, beta]);
    expect(await rowsOf('accounts', '2026-06-01')).toEqual([{ ...acme, territory: 'T-2' }, beta]);
    expect(await rowsOf('accounts', '2024-12-31')).toEqual([{ ...acme, territory: null }, beta]);
  });

  test('territories: owner as of the date, validFrom when that owner took it; a to-be-hired owner exports as empty', async () => {
    const east = {
      externalId: 'T-2',
      name: 'East',
      parent: 'T-1',
      type: 'account',
      productFamily: null,
      owner: 'P-4',
      validFrom: '2025-01-01',
    };
    const overlay = {
      externalId: 'T-3',
      name: 'Platform overlay',
      parent: null,
      type: 'overlay',
      productFamily: 'Platform',
      owner: null,
      validFrom: null,
    };
    const west = { externalId: 'T-1', name: 'West', parent: null, type: 'account', productFamily: null };
    expect(await rowsOf('territories', '2026-05-31')).toEqual([
      { ...west, owner: 'P-3', validFrom: '2025-01-01' },
      east,
      overlay,
    ]);
    expect(await rowsOf('territories', '2026-06-01')).toEqual([
      { ...west, owner: null, validFrom: '2026-06-01' },
      east,
      overlay,
    ]);
  });

  test('opportunities: references as externalIds, nulls as null', async () => {
    expect(await rowsOf('opportunities', '2026-05-31')).toEqual([
      {
        externalId: 'O-1',
        name: 'Acme platform',
        account: 'A-1',
        owner: 'P-3',
        product: 'PR-1',
        stage: 'Closed Won',
        status: 'won',
        probability: '100',
        forecastCategory: 'closed',
        amount: '14400.00',
        currency: 'USD',
        createdDate: '2025-11-02',
        closeDate: '2026-01-30',
        type: 'new_business',
        partner: '+Partner',
      },
      {
        externalId: 'O-2',
        name: null,
        account: null,
        owner: null,
        product: null,
        stage: null,
        status: 'open',
        probability: null,
        forecastCategory: null,
        amount: null,
        currency: 'USD',
        createdDate: null,
        closeDate: null,
        type: null,
        partner: null,
      },
    ]);
  });

  test('opportunitySplits: sorted by opportunity, person and type', async () => {
    expect(await rowsOf('opportunitySplits', '2026-05-31')).toEqual([
      { opportunity: 'O-1', person: 'P-2', percent: '100', type: 'overlay' },
      { opportunity: 'O-1', person: 'P-2', percent: '40', type: 'revenue' },
      { opportunity: 'O-1', person: 'P-3', percent: '60', type: 'revenue' },
    ]);
  });

  test('transactions: cancels as the cancelled transaction externalId, full decimal precision', async () => {
    expect(await rowsOf('transactions', '2026-05-31')).toEqual([
      {
        externalId: 'X-1',
        type: 'booking',
        date: '2026-02-01',
        amount: '14400.00',
        currency: 'USD',
        account: 'A-1',
        opportunity: 'O-1',
        product: 'PR-1',
        owner: 'P-3',
        contractMonths: '12',
        cancels: null,
      },
      {
        externalId: 'X-2',
        type: 'cancellation',
        date: '2026-03-01',
        amount: '-14400.00',
        currency: 'USD',
        account: null,
        opportunity: null,
        product: null,
        owner: null,
        contractMonths: null,
        cancels: 'X-1',
      },
      {
        externalId: 'X-3',
        type: 'revenue',
        date: '2026-03-31',
        amount: '0.000001',
        currency: 'EUR',
        account: null,
        opportunity: null,
        product: null,
        owner: null,
        contractMonths: null,
        cancels: null,
      },
    ]);
  });

  test('quotas: the version in force as of the date; person quotas before territory quotas', async () => {
    const q1 = {
      person: 'P-3',
      territory: null,
      measure: 'bookings',
      period: '2026-Q1',
      amount: '100000.00',
      currency: 'USD',
    };
    const fy = {
      person: null,
      territory: 'T-1',
      measure: 'bookings',
      period: 'FY2026',
      amount: '500000.00',
      currency: 'EUR',
    };
    const q2 = { person: 'P-3', territory: null, measure: 'bookings', period: '2026-Q2', currency: 'USD' };
    expect(await rowsOf('quotas', '2026-04-30')).toEqual([q1, { ...q2, amount: '120000' }, fy]);
    expect(await rowsOf('quotas', '2026-05-01')).toEqual([q1, { ...q2, amount: '130000.00' }, fy]);
  });

  test('fxRates: every rate, by pair then date', async () => {
    expect(await rowsOf('fxRates', '2026-05-31')).toEqual([
      { date: '2026-01-01', from: 'EUR', to: 'USD', rate: '1.08123456789' },
      { date: '2026-02-01', from: 'EUR', to: 'USD', rate: '1.1' },
      { date: '2026-01-01', from: 'GBP', to: 'USD', rate: '1.27' },
    ]);
  });

  test('planAssignments: every assignment, past ones too, by person and validFrom', async () => {
    const expected = [
      {
        person: 'P-3',
        plan: 'ae',
        validFrom: '2021-03-15',
        validTo: '2026-06-01',
        targetIncentive: '60000.00',
        currency: null,
      },
      { person: 'P-3', plan: 'mgr', validFrom: '2026-06-01', validTo: null, targetIncentive: '90000', currency: null },
      {
        person: 'P-4',
        plan: 'ae',
        validFrom: '2021-01-01',
        validTo: '2026-04-01',
        targetIncentive: null,
        currency: 'EUR',
      },
    ];
    expect(await rowsOf('planAssignments', '2026-05-31')).toEqual(expected);
    expect(await rowsOf('planAssignments', '2020-01-01')).toEqual(expected);
  });

  test('mboScores: by person, component and period', async () => {
    expect((await rowsOf('mboScores', '2026-05-31')).map((r) => `${r.person} ${r.period} ${r.score}`)).toEqual([
      'P-3 2026-01 1',
      'P-3 2026-03 0.85',
      'P-4 2026-01 0.5',
    ]);
  });

  test('every entity exports exactly its canonical columns, in order', async () => {
    for (const entity of Object.keys(ENTITY_COLUMNS) as EntityName[]) {
      const [first] = await rowsOf(entity, '2026-05-31');
      expect(Object.keys(first!), entity).toEqual(ENTITY_COLUMNS[entity].map((c) => c.name));
    }
  });

  test('small chunks page through without losing or repeating a row', async () => {
    for (const entity of [
      'people',
      'quotas',
      'fxRates',
      'opportunitySplits',
      'planAssignments',
      'mboScores',
    ] as const) {
      const chunks: ExportRow[][] = [];
      for await (const chunk of exportEntityChunks(store.db, entity, { asOf: '2026-05-31', chunkSize: 1 })) {
        chunks.push(chunk);
      }
      expect(chunks.flat(), entity).toEqual(await rowsOf(entity, '2026-05-31'));
    }
  });
});

describe('a large export streams in chunks', () => {
  test('50,000 transactions come out in chunks of at most 10,000, in externalId order', async () => {
    await sql`insert into transactions (external_id, type, date, amount, currency)
      select 'Z-' || lpad(n::text, 6, '0'), 'booking', date '2026-01-01' + (n % 365), (n * 1.25)::numeric(20, 2), 'USD'
      from generate_series(1, 50000) as n`.execute(store.db);
    let count = 0;
    let chunks = 0;
    let previous = '';
    let ordered = true;
    for await (const chunk of exportEntityChunks(store.db, 'transactions', { asOf: '2026-05-31' })) {
      chunks += 1;
      expect(chunk.length).toBeLessThanOrEqual(10_000);
      for (const row of chunk) {
        if (row.externalId! <= previous) ordered = false;
        previous = row.externalId!;
        count += 1;
      }
    }
    expect({ count, chunks, ordered }).toEqual({ count: 50_003, chunks: 6, ordered: true });
    // Chunks are read on demand: taking the first 10,000 rows runs one query, not the whole table.
    let selects = 0;
    const counted = store.db.withPlugin({
      transformQuery: (args) => {
        if (args.node.kind === 'RawNode') selects += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    let taken = 0;
    for await (const _ of exportEntity(counted, 'transactions', { asOf: '2026-05-31' })) {
      taken += 1;
      if (taken === 10_000) break;
    }
    expect(selects).toBe(1);
    // A reader that stops early releases the connection: the store still answers.
    for await (const _ of exportEntity(store.db, 'transactions', { asOf: '2026-05-31' })) break;
    const after = await sql<{ n: string }>`select count(*)::text as n from transactions`.execute(store.db);
    expect(after.rows[0]!.n).toBe('50003');
  });
});
