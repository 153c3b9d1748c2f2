// The credit totals crediting keeps (credit-totals.ts: per account, product and territory span,
// per date, and per holder and history span) must always hold what the credits would give: after
// new, changed and moved transactions (the differences added), after a change of rates,
// territories, person history or reporting lines (rebuilt), and the metrics must read them only
// when they are current.
//   Ana manages Bo; Cy reports to Bo until 2026-07-01, then to Ana. Acme is in territory East
//   until 2026-07-01, then West; Globex in none. 1 EUR = 2 USD from 2026-01-01.
//   T1 2026-02-01  100 USD  Acme    Core  Bo → Bo, Ana   = 200
//   T2 2026-08-01   10 EUR  Globex  Core  Ana → Ana       =  20
import { type Dimension, metricNamed } from '@attain/core/metrics/catalog.ts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { creditTransactions } from '../comp/credit-transactions.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { creditTotalsCurrent } from './credit-totals.ts';
import { queryMetric } from './query-metric.ts';

let store: Store;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const FORMS: [Dimension[], string?, Partial<Record<Dimension, string>>?][] = [
  [['account']],
  [['product']],
  [['territory']],
  [['industry']],
  [['account', 'territory']],
  [[]],
  [['month']],
  [['quarter']],
  [[], '2026-Q3'],
  [['month'], 'FY2026'],
  [['account'], 'FY2026'],
  [['owner']],
  [['manager']],
  [['org_unit']],
  [['owner', 'manager']],
  [['manager'], undefined, { owner: 'cy' }],
  [['owner'], 'FY2026'],
];

async function query(by: Dimension[], where?: Partial<Record<Dimension, string>>, period?: string) {
  const result = await queryMetric(
    store.db,
    { kind: 'all' },
    { metric: metricNamed('credited_amount'), by, where, period, today: '2026-11-30' },
  );
  return Object.fromEntries(result.rows.map((r) => [by.map((d) => r[d]).join(' · '), r.value]));
}

async function current() {
  return creditTotalsCurrent(store.db, 'USD');
}

const ALL_CURRENT = { byAccountAndDate: true, byHolder: true };

async function markStale(stale = true) {
  await sql`update credit_totals_state set fresh = ${!stale}, holders_fresh = ${!stale}`.execute(store.db);
}

/** The rows of the three tables, keyed 'account a/p/span', 'date d', 'holder p/span'. */
async function totals() {
  const { rows } = await sql<{ key: string; amount: string | null; credits: string; first_date: string | null }>`
    select * from (
      select 'account ' || concat_ws('/', account_id, product_id, territory_from) as key,
        trim_scale(amount)::text as amount, credits::text as credits, first_date::text as first_date
      from credit_account_totals
      union all
      select 'date ' || date::text, trim_scale(amount)::text, credits::text, null from credit_date_totals
      union all
      select 'holder ' || concat_ws('/', person_id, span_from), trim_scale(amount)::text, credits::text,
        first_date::text
      from credit_holder_totals) t
    order by key`.execute(store.db);
  return rows;
}

/** The same totals built from all credits: marked stale, then credited again over unchanged data. */
async function rebuilt() {
  await markStale();
  await creditTransactions(store.db, YEAR);
  return totals();
}

/** Every figure the totals answer, read once from them and once, stale, from the credits. */
async function expectSameAsCredits() {
  expect(await current()).toEqual(ALL_CURRENT);
  const ask = () => Promise.all(FORMS.map(([by, period, where]) => query(by, where, period)));
  const fromTotals = await ask();
  await markStale();
  const fromCredits = await ask();
  await markStale(false);
  expect(fromTotals).toEqual(fromCredits);
}

async function addTransaction(
  id: number,
  t: { date: string; amount: string; currency: string; account: string | null; owner: string },
) {
  await store.db
    .insertInto('transactions')
    .values({
      id,
      external_id: `T${id}`,
      type: 'booking',
      date: t.date,
      amount: t.amount,
      currency: t.currency,
      account_id: t.account,
      product_id: '1',
      owner_id: t.owner,
    })
    .execute();
}

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  await db
    .insertInto('people')
    .values([
      { id: 1, external_id: 'P-ANA', name: 'Ana' },
      { id: 2, external_id: 'P-BO', name: 'Bo' },
      { id: 3, external_id: 'P-CY', name: 'Cy' },
    ])
    .execute();
  await db
    .insertInto('person_history')
    .values([
      { person_id: '1', valid_from: '2024-01-01', manager_id: null, job_role: 'manager' },
      { person_id: '2', valid_from: '2024-01-01', manager_id: '1', job_role: 'rep' },
      { person_id: '3', valid_from: '2024-01-01', valid_to: '2026-07-01', manager_id: '2', job_role: 'rep' },
      { person_id: '3', valid_from: '2026-07-01', manager_id: '1', job_role: 'rep' },
    ])
    .execute();
  await db
    .insertInto('accounts')
    .values([
      { id: 1, external_id: 'A-ACME', name: 'Acme', industry: 'Retail' },
      { id: 2, external_id: 'A-GLOBEX', name: 'Globex', industry: 'Energy' },
    ])
    .execute();
  await db.insertInto('products').values({ id: 1, external_id: 'CORE', name: 'Core', family: 'Platform' }).execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-EAST', name: 'East', type: 'account' },
      { id: 2, external_id: 'T-WEST', name: 'West', type: 'account' },
    ])
    .execute();
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '1', valid_from: '2024-01-01', valid_to: '2026-07-01' },
      { account_id: '1', territory_id: '2', valid_from: '2026-07-01' },
    ])
    .execute();
  await db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '2' })
    .execute();
  await addTransaction(1, { date: '2026-02-01', amount: '100', currency: 'USD', account: '1', owner: '2' });
  await addTransaction(2, { date: '2026-08-01', amount: '10', currency: 'EUR', account: '2', owner: '1' });
  await creditTransactions(db, YEAR);
});

afterAll(async () => {
  await store?.close();
});

// Bo's T1 counts for Bo and Ana; Ana's T2 for Ana
const FIRST = [
  { key: 'account 1/1/2024-01-01', amount: '200', credits: '1', first_date: '2026-02-01' },
  { key: 'account 2/1', amount: '20', credits: '1', first_date: '2026-08-01' },
  { key: 'date 2026-02-01', amount: '200', credits: '1', first_date: null },
  { key: 'date 2026-08-01', amount: '20', credits: '1', first_date: null },
  { key: 'holder 1/2024-01-01', amount: '120', credits: '2', first_date: '2026-02-01' },
  { key: 'holder 2/2024-01-01', amount: '100', credits: '1', first_date: '2026-02-01' },
];

test('crediting builds the totals: in USD, weighed by the managers above, per territory span', async () => {
  expect(await current()).toEqual(ALL_CURRENT);
  expect(await totals()).toEqual(FIRST);
  expect(await query(['account'])).toEqual({ Acme: '200.00', Globex: '20.00' });
  expect(await query(['territory'])).toEqual({ East: '200.00', '(none)': '20.00' });
  expect(await query([])).toEqual({ '': '220.00' });
  expect(await query(['quarter'])).toEqual({ '2026-Q1': '200.00', '2026-Q3': '20.00' });
  expect(await query(['owner'])).toEqual({ Ana: '120.00', Bo: '100.00' });
  expect(await query(['manager'])).toEqual({ Ana: '100.00', '(none)': '120.00' });
  await expectSameAsCredits();
});

test('the metric reads the totals while they are current, and the credits once they are not', async () => {
  // a figure only the totals hold shows they are read; marked stale, the credits answer again
  await sql`update credit_account_totals set amount = amount + 1 where account_id = 2`.execute(store.db);
  expect(await query(['account'])).toEqual({ Acme: '200.00', Globex: '21.00' });
  await markStale();
  expect(await query(['account'])).toEqual({ Acme: '200.00', Globex: '20.00' });
  await markStale(false);
  await sql`update credit_date_totals set amount = amount + 1 where date = '2026-08-01'`.execute(store.db);
  expect(await query(['month'])).toEqual({ '2026-02': '200.00', '2026-08': '21.00' });
  expect(await query([], undefined, '2026-Q3')).toEqual({ '': '21.00' });
  await sql`update credit_holder_totals set amount = amount + 1 where person_id = 2`.execute(store.db);
  expect(await query(['owner'])).toEqual({ Ana: '120.00', Bo: '101.00' });
  expect(await query(['manager'], { owner: 'bo' })).toEqual({ Ana: '101.00' });
  // by a person, by account and month, or by account within a period, the credits are read
  expect(await query(['account'], undefined, 'FY2026')).toEqual({ Acme: '200.00', Globex: '20.00' });
  expect(await query(['account', 'month'])).toEqual({ 'Acme · 2026-02': '200.00', 'Globex · 2026-08': '20.00' });
  expect(await query(['owner', 'month'])).toEqual({
    'Ana · 2026-02': '100.00',
    'Ana · 2026-08': '20.00',
    'Bo · 2026-02': '100.00',
  });
  expect(await query(['owner'], undefined, 'FY2026')).toEqual({ Ana: '120.00', Bo: '100.00' });
  expect(await query(['account', 'owner'])).toEqual({
    'Acme · Ana': '100.00',
    'Acme · Bo': '100.00',
    'Globex · Ana': '20.00',
  });
  expect(await rebuilt()).toEqual(FIRST);
});

test('new, changed and moved transactions: crediting adds the differences', async () => {
  // T3 in West; T1 doubled; T2 moved from Globex to Acme (its credits counted under Globex go away)
  await addTransaction(3, { date: '2026-09-01', amount: '5', currency: 'USD', account: '1', owner: '2' });
  await store.db.updateTable('transactions').set({ amount: '200' }).where('id', '=', '1').execute();
  await store.db.updateTable('transactions').set({ account_id: '1' }).where('id', '=', '2').execute();
  await creditTransactions(store.db, YEAR);
  expect(await current()).toEqual(ALL_CURRENT);
  const kept = await totals();
  // Acme East: T1 400; Acme West: T3 10 + T2 20 (dated 2026-08-01, when Acme is in West).
  // Ana holds T1 200, T2 20, T3 5; Bo T1 200, T3 5.
  expect(kept).toEqual([
    { key: 'account 1/1/2024-01-01', amount: '400', credits: '1', first_date: '2026-02-01' },
    { key: 'account 1/1/2026-07-01', amount: '30', credits: '2', first_date: '2026-08-01' },
    { key: 'date 2026-02-01', amount: '400', credits: '1', first_date: null },
    { key: 'date 2026-08-01', amount: '20', credits: '1', first_date: null },
    { key: 'date 2026-09-01', amount: '10', credits: '1', first_date: null },
    { key: 'holder 1/2024-01-01', amount: '225', credits: '3', first_date: '2026-02-01' },
    { key: 'holder 2/2024-01-01', amount: '205', credits: '2', first_date: '2026-02-01' },
  ]);
  expect(await query(['territory'])).toEqual({ East: '400.00', West: '30.00' });
  await expectSameAsCredits();
  expect(await rebuilt()).toEqual(kept);
});

test('a new rate, territory change or reorganisation marks them stale; crediting rebuilds them', async () => {
  await store.db
    .insertInto('fx_rates')
    .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-06-01', rate: '3' })
    .execute();
  expect(await current()).toEqual({ byAccountAndDate: false, byHolder: false });
  // T2's 10 EUR on 2026-08-01 now at 3: the credits answer while the totals are stale
  expect(await query(['territory'])).toEqual({ East: '400.00', West: '40.00' });
  expect(await query(['owner'])).toEqual({ Ana: '235.00', Bo: '205.00' });
  await creditTransactions(store.db, YEAR);
  expect(await current()).toEqual(ALL_CURRENT);
  expect(await query(['territory'])).toEqual({ East: '400.00', West: '40.00' });
  expect(await query(['owner'])).toEqual({ Ana: '235.00', Bo: '205.00' });

  await store.db
    .updateTable('territory_assignments')
    .set({ valid_to: '2026-08-15' })
    .where('territory_id', '=', '2')
    .execute();
  expect(await current()).toEqual({ byAccountAndDate: false, byHolder: true });
  await creditTransactions(store.db, YEAR);
  expect(await query(['territory'])).toEqual({ East: '400.00', West: '30.00', '(none)': '10.00' });
  await expectSameAsCredits();

  // Bo stops reporting to Ana: T1 and T3 are no longer weighed by two (reporting lines change)
  await store.db.updateTable('person_history').set({ manager_id: null }).where('person_id', '=', '2').execute();
  expect(await current()).toEqual({ byAccountAndDate: true, byHolder: false });
  await creditTransactions(store.db, YEAR);
  expect(await current()).toEqual(ALL_CURRENT);
  expect(await query(['territory'])).toEqual({ East: '200.00', West: '30.00', '(none)': '5.00' });
  expect(await query(['owner'])).toEqual({ Ana: '30.00', Bo: '205.00' });
  await expectSameAsCredits();

  // Bo joins an org unit from 2026-06-01 (his history split in two; the lines stay the same)
  await store.db.insertInto('org_units').values({ id: 1, external_id: 'OU-EAST', name: 'East team' }).execute();
  await store.db.updateTable('person_history').set({ valid_to: '2026-06-01' }).where('person_id', '=', '2').execute();
  await store.db
    .insertInto('person_history')
    .values({ person_id: '2', valid_from: '2026-06-01', manager_id: null, org_unit_id: '1', job_role: 'rep' })
    .execute();
  expect(await current()).toEqual({ byAccountAndDate: true, byHolder: false });
  await creditTransactions(store.db, YEAR);
  expect(await query(['org_unit'])).toEqual({ 'East team': '5.00', '(none)': '230.00' });
  await expectSameAsCredits();
});

test('another reporting currency is not served from totals kept in USD', async () => {
  await store.db
    .insertInto('settings')
    .values({ key: 'reportingCurrency', value: JSON.stringify('EUR') })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify('EUR') }))
    .execute();
  try {
    expect(await creditTotalsCurrent(store.db, 'EUR')).toEqual({ byAccountAndDate: false, byHolder: false });
    expect(await creditTotalsCurrent(store.db, 'USD')).toEqual(ALL_CURRENT);
  } finally {
    await store.db.deleteFrom('settings').where('key', '=', 'reportingCurrency').execute();
  }
});

test('property: whatever transactions come and change, the kept totals equal a rebuild', async () => {
  let next = 100;
  const change = fc.record({
    add: fc.boolean(),
    date: fc.constantFrom('2026-01-15', '2026-06-30', '2026-07-01', '2026-08-16', '2026-12-31'),
    amount: fc.constantFrom('1', '2.50', '-3', '0.333'),
    currency: fc.constantFrom('USD', 'EUR'),
    account: fc.constantFrom('1', '2', null),
    owner: fc.constantFrom('1', '2', '3'),
    which: fc.nat(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
      for (const c of changes) {
        if (c.add) {
          next += 1;
          await addTransaction(next, c);
        } else {
          const { rows } = await sql<{ id: string }>`select id::text from transactions order by id`.execute(store.db);
          const id = rows[c.which % rows.length]!.id;
          await store.db
            .updateTable('transactions')
            .set({ date: c.date, amount: c.amount, currency: c.currency, account_id: c.account, owner_id: c.owner })
            .where('id', '=', id)
            .execute();
        }
      }
      await creditTransactions(store.db, YEAR);
      expect(await current()).toEqual(ALL_CURRENT);
      const kept = await totals();
      const fresh = await rebuilt();
      // a kept first date may be one whose credits have since been replaced: never later
      expect(kept.map(({ first_date: _, ...t }) => t)).toEqual(fresh.map(({ first_date: _, ...t }) => t));
      kept.forEach((t, i) => {
        expect((t.first_date ?? '') <= (fresh[i]!.first_date ?? '')).toBe(true);
      });
    }),
    { numRuns: 12 },
  );
  await expectSameAsCredits();
});
