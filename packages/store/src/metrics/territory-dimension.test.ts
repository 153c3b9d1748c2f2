// The territory dimension (DESIGN §8): the account's territory as of the fact's date, i.e. the
// latest-starting 'account' territory assignment in force that day; overlays do not count.
//   Acme  North 2026-01-01 → 2026-03-01, South from 2026-03-01
//   Beta  North from 2026-01-01, South 2026-02-01 → 2026-04-01 (overlapping: South wins while it lasts)
//   Cyan  only the overlay
// Won deals (USD):
//   Acme  2025-12-31 5 (before any assignment: none) · 2026-02-15 100 North · 2026-03-01 200 South
//   Beta  2026-01-20 10 North · 2026-02-01 20 South · 2026-03-31 40 South · 2026-04-01 80 North
//   Cyan  2026-01-05 1,000 (none)
// North 100 + 10 + 80 = 190; South 200 + 20 + 40 = 260; (none) 5 + 1,000 = 1,005.
import { type Dimension, metricNamed } from '@attain/core/metrics/catalog.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { queryMetric } from './query-metric.ts';

let store: Store;

async function query(name: string, by: Dimension[], where?: Partial<Record<Dimension, string>>) {
  const result = await queryMetric(
    store.db,
    { kind: 'all' },
    { metric: metricNamed(name), by, where, today: '2026-06-30' },
  );
  return Object.fromEntries(result.rows.map((r) => [by.map((d) => r[d]).join(' · '), r.value]));
}

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  await db.insertInto('people').values({ id: 1, external_id: 'P-RAJ', name: 'Raj' }).execute();
  await db
    .insertInto('accounts')
    .values([
      { id: 1, external_id: 'A-ACME', name: 'Acme' },
      { id: 2, external_id: 'A-BETA', name: 'Beta' },
      { id: 3, external_id: 'A-CYAN', name: 'Cyan' },
    ])
    .execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-NORTH', name: 'North', type: 'account' },
      { id: 2, external_id: 'T-SOUTH', name: 'South', type: 'account' },
      { id: 3, external_id: 'T-OVERLAY', name: 'Overlay', type: 'overlay' },
    ])
    .execute();
  const assignments: [string, string, string, string | null][] = [
    ['1', '1', '2026-01-01', '2026-03-01'],
    ['1', '2', '2026-03-01', null],
    ['2', '1', '2026-01-01', null],
    ['2', '2', '2026-02-01', '2026-04-01'],
    ['2', '3', '2025-01-01', null],
    ['3', '3', '2025-01-01', null],
  ];
  await db
    .insertInto('territory_assignments')
    .values(
      assignments.map(([account_id, territory_id, valid_from, valid_to]) => ({
        account_id,
        territory_id,
        valid_from,
        valid_to,
      })),
    )
    .execute();
  const deals: [string, string, string][] = [
    ['1', '2025-12-31', '5'],
    ['1', '2026-02-15', '100'],
    ['1', '2026-03-01', '200'],
    ['2', '2026-01-20', '10'],
    ['2', '2026-02-01', '20'],
    ['2', '2026-03-31', '40'],
    ['2', '2026-04-01', '80'],
    ['3', '2026-01-05', '1000'],
  ];
  await db
    .insertInto('opportunities')
    .values(
      deals.map(([account_id, close_date, amount], i) => ({
        id: i + 1,
        external_id: `O-${i + 1}`,
        account_id,
        owner_id: '1',
        status: 'won',
        amount,
        currency: 'USD',
        created_date: '2025-12-01',
        close_date,
      })),
    )
    .execute();
});

afterAll(async () => {
  await store?.close();
});

test("won deals by the account's territory on the close date: the latest-starting assignment, ends exclusive", async () => {
  expect(await query('won_amount', ['territory'])).toEqual({ North: '190.00', South: '260.00', '(none)': '1005.00' });
  expect(await query('won_count', ['territory'])).toEqual({ North: '3', South: '3', '(none)': '2' });
});

test('with a calendar dimension, and as a filter', async () => {
  expect(await query('won_amount', ['territory', 'quarter'])).toEqual({
    'North · 2026-Q1': '110.00',
    'North · 2026-Q2': '80.00',
    'South · 2026-Q1': '260.00',
    '(none) · 2025-Q4': '5.00',
    '(none) · 2026-Q1': '1000.00',
  });
  expect(await query('won_amount', ['account'], { territory: 'south' })).toEqual({ Acme: '200.00', Beta: '60.00' });
  expect(await query('won_amount', [], { territory: '(none)' })).toEqual({ '': '1005.00' });
});
