// credited_amount counts each credit once for its payee and once for every manager above them on
// the date the roll-up follows (the transaction's, or for a cancellation the cancelled one's).
// Without a person the facts weigh each credit by that number instead of listing the holders
// (credit-facts.ts); these figures, worked by hand, must come out the same either way.
//   Ana ── Bo ── Cy until 2026-03-01, then Cy reports to Ana directly; Ola (overlay) reports to Ana.
//   Overlay territory "Data" (product family Platform) on Acme, owned by Ola: overlay credit does
//   not roll up. Acme is in territory East until 2026-03-01, then West; Globex in none.
//   1 EUR = 1.50 USD.
//   T1 2026-02-10   100 USD  Acme    Core (Platform)  Cy → Cy, Bo, Ana; overlay Ola  = 400
//   T2 2026-03-10   200 EUR  Globex  Core (Platform)  Cy → Cy, Ana (300 USD each)   = 600
//   T3 2026-03-05    50 USD  Acme    no product       Bo → Bo, Ana                   = 100
//   T4 2026-04-02  −100 USD  Acme    Core             cancels T1: Cy, Bo, Ana as of 2026-02-10
//                                                     (not Cy, Ana as of its own date); Ola = −400
// In all 700. Cy 100 + 300 − 100 = 300; Bo 50 + 100 − 100 = 50; Ana 100 + 300 + 50 − 100 = 350;
// Ola 100 − 100 = 0.
import { type Dimension, metricNamed } from '@attain/core/metrics/catalog.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { creditTransactions } from '../comp/credit-transactions.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { queryMetric } from './query-metric.ts';

let store: Store;

async function query(by: Dimension[], where?: Partial<Record<Dimension, string>>) {
  const result = await queryMetric(
    store.db,
    { kind: 'all' },
    { metric: metricNamed('credited_amount'), by, where, today: '2026-06-30' },
  );
  return Object.fromEntries(result.rows.map((r) => [by.map((d) => r[d]).join(' · '), r.value]));
}

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  const people: [number, string, [string, string | null, string | null][]][] = [
    [1, 'Ana', [['2024-01-01', null, null]]],
    [2, 'Bo', [['2024-01-01', null, '1']]],
    [
      3,
      'Cy',
      [
        ['2024-01-01', '2026-03-01', '2'],
        ['2026-03-01', null, '1'],
      ],
    ],
    [4, 'Ola', [['2024-01-01', null, '1']]],
  ];
  for (const [id, name, history] of people) {
    await db
      .insertInto('people')
      .values({ id, external_id: `P-${name}`, name })
      .execute();
    for (const [valid_from, valid_to, manager_id] of history) {
      await db
        .insertInto('person_history')
        .values({ person_id: String(id), valid_from, valid_to, manager_id, job_role: 'rep' })
        .execute();
    }
  }
  await db
    .insertInto('accounts')
    .values([
      { id: 1, external_id: 'A-ACME', name: 'Acme' },
      { id: 2, external_id: 'A-GLOBEX', name: 'Globex' },
    ])
    .execute();
  await db.insertInto('products').values({ id: 1, external_id: 'CORE', name: 'Core', family: 'Platform' }).execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-DATA', name: 'Data', type: 'overlay', product_family: 'Platform' },
      { id: 2, external_id: 'T-EAST', name: 'East', type: 'account' },
      { id: 3, external_id: 'T-WEST', name: 'West', type: 'account' },
    ])
    .execute();
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '1', valid_from: '2024-01-01' },
      { account_id: '1', territory_id: '2', valid_from: '2024-01-01', valid_to: '2026-03-01' },
      { account_id: '1', territory_id: '3', valid_from: '2026-03-01' },
    ])
    .execute();
  await db
    .insertInto('territory_owners')
    .values({ territory_id: '1', person_id: '4', valid_from: '2024-01-01' })
    .execute();
  await db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.50' })
    .execute();
  const transactions: [number, string, string, string, string, string | null, string | null, string | null][] = [
    [1, 'booking', '2026-02-10', '100', 'USD', '1', '1', '3'],
    [2, 'booking', '2026-03-10', '200', 'EUR', '2', '1', '3'],
    [3, 'booking', '2026-03-05', '50', 'USD', '1', null, '2'],
    [4, 'cancellation', '2026-04-02', '-100', 'USD', '1', '1', null],
  ];
  for (const [id, type, date, amount, currency, account_id, product_id, owner_id] of transactions) {
    await db
      .insertInto('transactions')
      .values({
        id,
        external_id: `T${id}`,
        type,
        date,
        amount,
        currency,
        account_id,
        product_id,
        owner_id,
        cancels_id: type === 'cancellation' ? '1' : null,
      })
      .execute();
  }
  await creditTransactions(db, { from: '2026-01-01', to: '2026-12-31' });
});

afterAll(async () => {
  await store?.close();
});

test('per holder: each payee and every manager above them on the date the roll-up follows', async () => {
  expect(await query([])).toEqual({ '': '700.00' });
  expect(await query(['owner'])).toEqual({ Ana: '350.00', Bo: '50.00', Cy: '300.00', Ola: '0.00' });
  expect(await query(['month'])).toEqual({ '2026-02': '400.00', '2026-03': '700.00', '2026-04': '-400.00' });
});

test("by manager: the holder's manager on the credit's date, through Cy's move to Ana", async () => {
  // Cy's T1 under Bo; Cy's T2 and T4 under Ana, as are Bo's and Ola's rows; Ana's own under no one
  expect(await query(['manager'])).toEqual({ Ana: '250.00', Bo: '100.00', '(none)': '350.00' });
  expect(await query(['manager', 'month'])).toEqual({
    'Ana · 2026-02': '200.00',
    'Ana · 2026-03': '350.00',
    'Ana · 2026-04': '-300.00',
    'Bo · 2026-02': '100.00',
    '(none) · 2026-02': '100.00',
    '(none) · 2026-03': '350.00',
    '(none) · 2026-04': '-100.00',
  });
});

test('by account and product without a person: the same credits, weighed by the payee’s chain', async () => {
  // Acme T1 400 + T3 100 − T4 400 = 100; Globex T2 600
  expect(await query(['account'])).toEqual({ Acme: '100.00', Globex: '600.00' });
  // Platform T1 400 + T2 600 − T4 400 = 600; T3 has no product
  expect(await query(['product_family'])).toEqual({ Platform: '600.00', '(none)': '100.00' });
  expect(await query(['account', 'month'])).toEqual({
    'Acme · 2026-02': '400.00',
    'Acme · 2026-03': '100.00',
    'Acme · 2026-04': '-400.00',
    'Globex · 2026-03': '600.00',
  });
  expect(await query([], { account: 'acme' })).toEqual({ '': '100.00' });
});

test('by account with a person: the holder’s own rows', async () => {
  expect(await query(['owner', 'account'])).toEqual({
    'Ana · Acme': '50.00',
    'Ana · Globex': '300.00',
    'Bo · Acme': '50.00',
    'Cy · Acme': '0.00',
    'Cy · Globex': '300.00',
    'Ola · Acme': '0.00',
  });
  expect(await query(['account'], { owner: 'bo' })).toEqual({ Acme: '50.00' });
});

test("by the account's territory on the credit's date, with and without a person", async () => {
  // East: T1 400; West: T3 100 − T4 400 (dated 2026-04-02, when Acme is in West); Globex none
  expect(await query(['territory'])).toEqual({ East: '400.00', West: '-300.00', '(none)': '600.00' });
  expect(await query(['territory', 'month'])).toEqual({
    'East · 2026-02': '400.00',
    'West · 2026-03': '100.00',
    'West · 2026-04': '-400.00',
    '(none) · 2026-03': '600.00',
  });
  expect(await query(['owner', 'territory'])).toEqual({
    'Ana · East': '100.00',
    'Ana · West': '-50.00',
    'Ana · (none)': '300.00',
    'Bo · East': '100.00',
    'Bo · West': '-50.00',
    'Cy · East': '100.00',
    'Cy · West': '-100.00',
    'Cy · (none)': '300.00',
    'Ola · East': '100.00',
    'Ola · West': '-100.00',
  });
  expect(await query([], { territory: 'west' })).toEqual({ '': '-300.00' });
});

test("weighing turns merge joins off for its own statement only, not for the caller's transaction", async () => {
  await store.db.transaction().execute(async (trx) => {
    const result = await queryMetric(
      trx,
      { kind: 'all' },
      { metric: metricNamed('credited_amount'), by: ['account'], today: '2026-06-30' },
    );
    expect(result.rows).toHaveLength(2);
    const { rows } = await sql<{ setting: string }>`select current_setting('enable_mergejoin') as setting`.execute(trx);
    expect(rows[0]?.setting).toBe('on');
  });
});
