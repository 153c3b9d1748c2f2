// The database half of imports on hand-made rows: atomicity, idempotence, the diff and its audit,
// references in any order, effective-dated changes, --skip-invalid, --dry-run, --create-missing.
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { type ImportOptions, importRows, type RejectedRow } from './import-entity.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

type Cells = Record<string, string | null>;

function run(entity: EntityName, rows: Cells[], options: Partial<ImportOptions> = {}) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  async function* parsed() {
    for (const [i, values] of rows.entries()) yield { row: i + 2, values, issues: [] };
  }
  return importRows(
    store.db,
    entity,
    { columnSources: Object.fromEntries(columns.map((c) => [c, c])), rows: parsed() },
    { asOf: '2026-01-01', actor: 'test', fileName: `${entity}.csv`, ...options },
  );
}

const q = async <T>(text: string) => (await sql.raw<T>(text).execute(store.db)).rows;

describe('accounts', () => {
  test('creates rows whose parent comes later in the file, then a re-import changes nothing', async () => {
    const rows = [
      { externalId: 'A-2', name: 'Contoso Retail', parent: 'Contoso Group', industry: 'Retail' },
      { externalId: 'A-1', name: 'Contoso Group', parent: null, industry: 'Holding' },
    ];
    expect(await run('accounts', rows)).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
    expect(
      await q(
        `select a.external_id, p.external_id as parent from accounts a left join accounts p on p.id = a.parent_id order by 1`,
      ),
    ).toEqual([
      { external_id: 'A-1', parent: null },
      { external_id: 'A-2', parent: 'A-1' },
    ]);
    expect(await run('accounts', rows)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  test('a changed row is updated and audited with before and after; columns not in the file are kept', async () => {
    const result = await run('accounts', [{ externalId: 'A-1', name: 'Contoso Holdings' }]);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [audit] = await q<{ before: { name: string; industry: string }; after: { name: string; industry: string } }>(
      `select before, after from audit_log where action = 'update' and entity = 'accounts' and entity_id = 'A-1'`,
    );
    expect(audit?.before).toMatchObject({ name: 'Contoso Group', industry: 'Holding' });
    expect(audit?.after).toMatchObject({ name: 'Contoso Holdings', industry: 'Holding' });
  });

  test('an unknown reference rejects the whole file: nothing is written, the row and column are named', async () => {
    const before = await q<{ n: string }>(`select count(*) as n from accounts`);
    const attempt = run('accounts', [
      { externalId: 'A-3', name: 'Fabrikam' },
      { externalId: 'A-4', name: 'Fabrikam East', parent: 'Fabrikam Worldwide' },
    ]);
    await expect(attempt).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: {
        total: 1,
        errors: [{ row: 3, column: 'parent', value: 'Fabrikam Worldwide', code: 'IMPORT_UNKNOWN_REFERENCE' }],
      },
    });
    expect(await q<{ n: string }>(`select count(*) as n from accounts`)).toEqual(before);
  });

  test('a name shared by two rows is ambiguous; the externalId resolves it', async () => {
    await run('accounts', [
      { externalId: 'A-10', name: 'Initech' },
      { externalId: 'A-11', name: 'initech' },
    ]);
    await expect(
      run('accounts', [{ externalId: 'A-12', name: 'Initech Labs', parent: 'INITECH' }]),
    ).rejects.toMatchObject({
      details: { errors: [{ row: 2, code: 'IMPORT_AMBIGUOUS_REFERENCE' }] },
    });
    expect(await run('accounts', [{ externalId: 'A-12', name: 'Initech Labs', parent: 'A-11' }])).toMatchObject({
      created: 1,
    });
  });

  test('--skip-invalid writes the valid rows and hands back the rejected ones with a reason', async () => {
    const rejected: RejectedRow[] = [];
    const result = await run(
      'accounts',
      [
        { externalId: 'A-20', name: 'Globex' },
        { externalId: 'A-21', name: 'Globex Labs', parent: 'Nowhere Inc' },
        { externalId: 'A-22', name: 'Globex Labs East', parent: 'A-21' },
      ],
      { skipInvalid: true, onRejected: (r) => void rejected.push(r) },
    );
    // A-22 points at A-21, which was rejected, so it goes too
    expect(result).toMatchObject({ created: 1, rejected: 2 });
    expect(rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(rejected[0]?.reason).toContain('no accounts with externalId or name "Nowhere Inc"');
    expect(rejected[1]?.reason).toContain('was rejected');
    expect(await q(`select external_id from accounts where external_id like 'A-2_' order by 1`)).toEqual([
      { external_id: 'A-20' },
    ]);
  });

  test('--dry-run reports the counts and writes nothing', async () => {
    const result = await run(
      'accounts',
      [
        { externalId: 'A-30', name: 'Hooli' },
        { externalId: 'A-1', name: 'Renamed' },
      ],
      {
        dryRun: true,
      },
    );
    expect(result).toMatchObject({ created: 1, updated: 1, dryRun: true });
    expect(await q(`select name from accounts where external_id in ('A-1', 'A-30')`)).toEqual([
      { name: 'Contoso Holdings' },
    ]);
  });

  test('the same externalId twice in one file is an error on the second row', async () => {
    await expect(
      run('accounts', [
        { externalId: 'A-40', name: 'X' },
        { externalId: 'a-40', name: 'Y' },
      ]),
    ).rejects.toMatchObject({ details: { errors: [{ row: 3, code: 'IMPORT_DUPLICATE_KEY' }] } });
  });
});

describe('effective-dated history', () => {
  test("a person's manager changes from the import's as-of date and the earlier history stays", async () => {
    await run('people', [
      { externalId: 'P-1', name: 'Vera', jobRole: 'exec', hireDate: '2024-01-01' },
      { externalId: 'P-2', name: 'Mia', jobRole: 'manager', manager: 'P-1', hireDate: '2024-02-01' },
      { externalId: 'P-3', name: 'Raj', jobRole: 'rep', manager: 'Vera', hireDate: '2025-06-01' },
    ]);
    const moved = await run('people', [{ externalId: 'P-3', name: 'Raj', manager: 'Mia' }], { asOf: '2026-03-01' });
    expect(moved).toMatchObject({ updated: 1 });
    expect(
      await q(`select h.valid_from, h.valid_to, m.name as manager, h.job_role from person_history h
               join people p on p.id = h.person_id left join people m on m.id = h.manager_id
               where p.external_id = 'P-3' order by h.valid_from`),
    ).toEqual([
      { valid_from: '2025-06-01', valid_to: '2026-03-01', manager: 'Vera', job_role: 'rep' },
      { valid_from: '2026-03-01', valid_to: null, manager: 'Mia', job_role: 'rep' },
    ]);
    // the same file again on the same date changes nothing
    expect(
      await run('people', [{ externalId: 'P-3', name: 'Raj', manager: 'Mia' }], { asOf: '2026-03-01' }),
    ).toMatchObject({
      unchanged: 1,
    });
  });

  test("an account's territory moves on the as-of date; a territory's owner from its validFrom", async () => {
    await run('territories', [
      { externalId: 'T-1', name: 'DACH', type: 'account', owner: 'P-2', validFrom: '2025-01-01' },
      { externalId: 'T-2', name: 'Nordics', type: 'account', owner: 'P-3', validFrom: '2025-01-01' },
    ]);
    await run('accounts', [{ externalId: 'A-20', name: 'Globex', territory: 'DACH' }], { asOf: '2025-07-01' });
    await run('accounts', [{ externalId: 'A-20', name: 'Globex', territory: 'Nordics' }], { asOf: '2026-02-01' });
    expect(
      await q(`select t.external_id, a.valid_from, a.valid_to from territory_assignments a join territories t on t.id = a.territory_id
               join accounts x on x.id = a.account_id where x.external_id = 'A-20' order by a.valid_from`),
    ).toEqual([
      { external_id: 'T-1', valid_from: '2025-07-01', valid_to: '2026-02-01' },
      { external_id: 'T-2', valid_from: '2026-02-01', valid_to: null },
    ]);
    await run('territories', [{ externalId: 'T-1', name: 'DACH', owner: 'P-3', validFrom: '2026-04-01' }]);
    expect(
      await q(`select p.external_id, o.valid_from, o.valid_to from territory_owners o join people p on p.id = o.person_id
               join territories t on t.id = o.territory_id where t.external_id = 'T-1' order by o.valid_from`),
    ).toEqual([
      { external_id: 'P-2', valid_from: '2025-01-01', valid_to: '2026-04-01' },
      { external_id: 'P-3', valid_from: '2026-04-01', valid_to: null },
    ]);
  });

  test('opportunities keep one snapshot per import date', async () => {
    const deal = {
      externalId: 'O-1',
      name: 'Globex renewal',
      account: 'A-20',
      owner: 'P-3',
      amount: '1000',
      status: 'open',
    };
    await run('opportunities', [deal], { asOf: '2026-01-05' });
    await run('opportunities', [{ ...deal, amount: '1,250.00'.replace(',', '') }], { asOf: '2026-01-12' });
    expect(await run('opportunities', [{ ...deal, amount: '1250.00' }], { asOf: '2026-01-12' })).toMatchObject({
      unchanged: 1,
    });
    expect(await q(`select snapshot_date, amount from opportunity_snapshots order by 1`)).toEqual([
      { snapshot_date: '2026-01-05', amount: '1000' },
      { snapshot_date: '2026-01-12', amount: '1250.00' },
    ]);
  });

  test('a changed quota closes the old version and opens a new one on the as-of date', async () => {
    await run('quotas', [{ person: 'P-3', measure: 'bookings', period: 'FY2026', amount: '500000', currency: 'USD' }]);
    await run('quotas', [{ person: 'P-3', measure: 'bookings', period: 'FY2026', amount: '550000' }], {
      asOf: '2026-04-01',
    });
    expect(
      await q(
        `select amount, currency, valid_from, valid_to, period_start, period_end from quotas order by valid_from`,
      ),
    ).toEqual([
      {
        amount: '500000',
        currency: 'USD',
        valid_from: '1900-01-01',
        valid_to: '2026-04-01',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
      },
      {
        amount: '550000',
        currency: 'USD',
        valid_from: '2026-04-01',
        valid_to: null,
        period_start: '2026-01-01',
        period_end: '2026-12-31',
      },
    ]);
    await expect(
      run('quotas', [{ person: 'P-3', measure: 'bookings', period: '2026-Q5', amount: '1' }]),
    ).rejects.toMatchObject({
      details: { errors: [{ row: 2, column: 'period', code: 'IMPORT_INVALID_PERIOD' }] },
    });
  });
});

describe('other entities', () => {
  test('transactions may cancel a transaction later in the same file; --create-missing creates an unknown owner', async () => {
    const result = await run(
      'transactions',
      [
        {
          externalId: 'TX-2',
          type: 'cancellation',
          date: '2026-05-01',
          amount: '-1000',
          cancels: 'TX-1',
          owner: 'Newcomer',
        },
        { externalId: 'TX-1', type: 'booking', date: '2026-02-01', amount: '1000', account: 'A-20', owner: 'Newcomer' },
      ],
      { createMissing: true },
    );
    expect(result).toMatchObject({ created: 2 });
    expect(
      await q(`select t.external_id, c.external_id as cancels, p.name as owner from transactions t
                    left join transactions c on c.id = t.cancels_id join people p on p.id = t.owner_id order by 1`),
    ).toEqual([
      { external_id: 'TX-1', cancels: null, owner: 'Newcomer' },
      { external_id: 'TX-2', cancels: 'TX-1', owner: 'Newcomer' },
    ]);
  });

  test('fx rates are created, then updated with an audit row', async () => {
    expect(await run('fxRates', [{ date: '2026-01-01', from: 'EUR', to: 'USD', rate: '1.10' }])).toMatchObject({
      created: 1,
    });
    expect(await run('fxRates', [{ date: '2026-01-01', from: 'EUR', to: 'USD', rate: '1.1000' }])).toMatchObject({
      unchanged: 1,
    });
    expect(await run('fxRates', [{ date: '2026-01-01', from: 'EUR', to: 'USD', rate: '1.12' }])).toMatchObject({
      updated: 1,
    });
    expect(await q(`select rate from fx_rates`)).toEqual([{ rate: '1.12' }]);
  });

  test('an opportunity split team must add up to 100%', async () => {
    await expect(
      run('opportunitySplits', [
        { opportunity: 'O-1', person: 'P-3', percent: '60' },
        { opportunity: 'O-1', person: 'P-2', percent: '30' },
      ]),
    ).rejects.toMatchObject({ details: { total: 2, errors: [{ row: 2, code: 'IMPORT_SPLIT_TOTAL' }, { row: 3 }] } });
    expect(
      await run('opportunitySplits', [
        { opportunity: 'O-1', person: 'P-3', percent: '60' },
        { opportunity: 'O-1', person: 'P-2', percent: '40' },
      ]),
    ).toMatchObject({ created: 2 });
    // a new team replaces the old one
    expect(await run('opportunitySplits', [{ opportunity: 'O-1', person: 'P-3', percent: '100' }])).toMatchObject({
      updated: 1,
    });
    expect(await q(`select percent from opportunity_splits`)).toEqual([{ percent: '100' }]);
  });
});
