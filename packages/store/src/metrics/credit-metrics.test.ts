// credited_amount and attainment on hand-written credits (credit-facts.ts sums them per day and
// currency before converting): Mia (manager) ── Raj, Lee. 1 EUR = 1.10 USD in January 2026, 1.20
// from February.
//   T1 2026-01-10 booking 1,000 USD  Acme (DACH, retail)  Core (Platform)   Raj, roll-up Mia
//   T5 2026-01-10 booking   250 USD  Globex (US East)     Core (Platform)   Raj, roll-up Mia
//   T2 2026-01-10 booking   500 EUR  Globex               Addon (no family)  Lee, roll-up Mia   = 550 USD
//   T3 2026-02-15 booking   300 EUR  no account           no product         Raj, roll-up Mia   = 360 USD
//   T4 2026-02-15 revenue   200 USD  Acme                 no product         Raj, roll-up Mia
// So Mia holds two USD credits of 2026-01-10 (summed before converting) and one EUR credit that day.
// Credits: Raj 1,000 + 250 + 360 + 200 = 1,810; Lee 550; Mia 1,810 + 550 = 2,360; in all 4,720.
import { type Dimension, metricNamed } from '@attain/core/metrics/catalog.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditTransactions } from '../comp/credit-transactions.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import type { Visibility } from '../visibility/visible-people.ts';
import { queryMetric } from './query-metric.ts';

let store: Store;

async function query(
  name: string,
  options: {
    by?: Dimension[];
    period?: string;
    where?: Partial<Record<Dimension, string>>;
    visibility?: Visibility;
  } = {},
) {
  const result = await queryMetric(store.db, options.visibility ?? { kind: 'all' }, {
    metric: metricNamed(name),
    by: options.by ?? [],
    period: options.period,
    where: options.where,
    today: '2026-06-30',
  });
  return result.rows;
}

/** Rows keyed by their one dimension, so the test does not depend on how '(none)' collates. */
const byValue = (rows: Record<string, string | null>[], dim: string) =>
  Object.fromEntries(rows.map((r) => [r[dim], r.value]));

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  for (const [id, ext, name, manager] of [
    [1, 'P-MIA', 'Mia', null],
    [2, 'P-RAJ', 'Raj', '1'],
    [3, 'P-LEE', 'Lee', '1'],
  ] as const) {
    await db.insertInto('people').values({ id, external_id: ext, name }).execute();
    await db
      .insertInto('person_history')
      .values({ person_id: String(id), valid_from: '2024-01-01', manager_id: manager, job_role: 'rep' })
      .execute();
  }
  await db
    .insertInto('accounts')
    .values([
      { id: 1, external_id: 'A-ACME', name: 'Acme', industry: 'retail', region: 'DACH' },
      { id: 2, external_id: 'A-GLOBEX', name: 'Globex', industry: 'energy', region: 'US East' },
    ])
    .execute();
  await db
    .insertInto('products')
    .values([
      { id: 1, external_id: 'CORE', name: 'Core', family: 'Platform' },
      { id: 2, external_id: 'ADDON', name: 'Addon', family: null },
    ])
    .execute();
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-02-01', rate: '1.20' },
    ])
    .execute();
  const transactions: [number, string, string, string, string, number | null, number | null, string][] = [
    [1, 'booking', '2026-01-10', '1000', 'USD', 1, 1, '2'],
    [5, 'booking', '2026-01-10', '250', 'USD', 2, 1, '2'],
    [2, 'booking', '2026-01-10', '500', 'EUR', 2, 2, '3'],
    [3, 'booking', '2026-02-15', '300', 'EUR', null, null, '2'],
    [4, 'revenue', '2026-02-15', '200', 'USD', 1, null, '2'],
  ];
  for (const [id, type, date, amount, currency, account, product, owner] of transactions) {
    await db
      .insertInto('transactions')
      .values({
        id,
        external_id: `T${id}`,
        type,
        date,
        amount,
        currency,
        account_id: account === null ? null : String(account),
        product_id: product === null ? null : String(product),
        owner_id: owner,
      })
      .execute();
  }
  // The owner's credit of each, and Mia's roll-ups derived from them (reporting_lines).
  await creditTransactions(db, { from: '2026-01-01', to: '2026-12-31' });
  await db
    .insertInto('quotas')
    .values([
      {
        person_id: '2',
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount: '10000',
        currency: 'USD',
      },
      {
        person_id: '1',
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount: '20000',
        currency: 'USD',
      },
    ])
    .execute();
});

afterAll(async () => {
  await store?.close();
});

describe('credited_amount, summed per day and currency before converting', () => {
  it('in all and per person: the EUR credits at their day’s rate', async () => {
    expect(await query('credited_amount')).toEqual([{ value: '4720.00' }]);
    expect(await query('credited_amount', { by: ['owner'] })).toEqual([
      { owner: 'Lee', value: '550.00' },
      { owner: 'Mia', value: '2360.00' },
      { owner: 'Raj', value: '1810.00' },
    ]);
    // Raj and Lee report to Mia; Mia to no one
    expect(byValue(await query('credited_amount', { by: ['manager'] }), 'manager')).toEqual({
      Mia: '2360.00',
      '(none)': '2360.00',
    });
  });

  it('by month: January 1,000 + 250 + 550 twice, February 360 + 200 twice', async () => {
    expect(await query('credited_amount', { by: ['month'] })).toEqual([
      { month: '2026-01', value: '3600.00' },
      { month: '2026-02', value: '1120.00' },
    ]);
  });

  it("by the transaction's account and product, with (none) where it has none", async () => {
    // Acme T1 + T4 = 1,200; Globex T5 + T2 = 800; T3 none = 360; each twice (owner and roll-up)
    expect(byValue(await query('credited_amount', { by: ['account'] }), 'account')).toEqual({
      Acme: '2400.00',
      Globex: '1600.00',
      '(none)': '720.00',
    });
    // Platform T1 + T5 = 1,250; the rest has no family: Addon T2 550, T3 360, T4 200
    expect(byValue(await query('credited_amount', { by: ['product_family'] }), 'product_family')).toEqual({
      Platform: '2500.00',
      '(none)': '2220.00',
    });
    expect(byValue(await query('credited_amount', { by: ['region'] }), 'region')).toEqual({
      DACH: '2400.00',
      'US East': '1600.00',
      '(none)': '720.00',
    });
  });

  it('filtered: by account attribute, by (none), by month label, by owner, and per viewer', async () => {
    expect(await query('credited_amount', { by: ['owner'], where: { region: 'dach' } })).toEqual([
      { owner: 'Mia', value: '1200.00' },
      { owner: 'Raj', value: '1200.00' },
    ]);
    expect(await query('credited_amount', { by: ['owner'], where: { account: '(none)' } })).toEqual([
      { owner: 'Mia', value: '360.00' },
      { owner: 'Raj', value: '360.00' },
    ]);
    expect(await query('credited_amount', { where: { month: '2026-02' } })).toEqual([{ value: '1120.00' }]);
    expect(await query('credited_amount', { by: ['month'], where: { owner: 'lee' } })).toEqual([
      { month: '2026-01', value: '550.00' },
    ]);
    expect(await query('credited_amount', { where: { product: 'nothing' } })).toEqual([{ value: '0.00' }]);
    expect(await query('credited_amount', { visibility: { kind: 'own', personIds: ['2'] } })).toEqual([
      { value: '1810.00' },
    ]);
    expect(await query('credited_amount', { period: '2026-01' })).toEqual([{ value: '3600.00' }]);
  });
});

describe('attainment: bookings credits of the quota holders ÷ their quota', () => {
  it('in all, per person and by account', async () => {
    // Raj 1,000 + 250 + 360 = 1,610 ÷ 10,000; Mia 1,000 + 250 + 550 + 360 = 2,160 ÷ 20,000;
    // in all 3,770 ÷ 30,000 = 0.12566…; Lee has no quota; T4 is revenue
    expect(await query('attainment', { period: 'FY2026' })).toEqual([{ value: '0.1257' }]);
    expect(await query('attainment', { by: ['owner'], period: 'FY2026' })).toEqual([
      { owner: 'Mia', value: '0.1080' },
      { owner: 'Raj', value: '0.1610' },
    ]);
    // quotas belong to no account: only the (none) row has one (T3: 360 twice ÷ 30,000)
    expect(byValue(await query('attainment', { by: ['account'], period: 'FY2026' }), 'account')).toEqual({
      Acme: null,
      Globex: null,
      '(none)': '0.0240',
    });
    expect(await query('attainment', { by: ['owner'], period: 'FY2026', where: { owner: 'raj' } })).toEqual([
      { owner: 'Raj', value: '0.1610' },
    ]);
  });
});
