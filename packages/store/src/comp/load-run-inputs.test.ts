// What a run reads per payee, on the hand-built company of run-comp-fixture.test-helper.ts: a
// manager on a plan that reads credits only through totals gets the days before the run's period
// summed; the run's own period, cancellations and what they cancel stay single credits.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { creditTransactions } from './credit-transactions.ts';
import { bundledPayees, loadPayeeInputs } from './load-run-inputs.ts';
import { addTransaction, seedRunCompany } from './run-comp-fixture.test-helper.ts';
import { stageCreditRows } from './run-credit-rows.ts';

let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedRunCompany(store.db);
  // Raj: T1 60,000 on 01-15 (seeded), T10 5,000 on 01-15, T11 2,500 on 01-16, cancelled by T12 on 01-25.
  await addTransaction(store.db, 10, '2026-01-15', '5000', 'USD', 2);
  await addTransaction(store.db, 11, '2026-01-16', '2500', 'USD', 2);
  await store.db
    .insertInto('transactions')
    .values({
      id: 12,
      external_id: 'T12',
      type: 'cancellation',
      date: '2026-01-25',
      amount: '-2500',
      currency: 'USD',
      owner_id: '2',
      cancels_id: '11',
    })
    .execute();
  await creditTransactions(store.db, { from: '2026-01-01', to: '2026-02-28' });
});

afterAll(async () => {
  await store?.close();
});

const window = { lookbackFrom: '2026-01-01', start: '2026-02-01', end: '2026-02-28', period: '2026-02' };
const shape = (credits: { id: string; date: string; amount: { toFixed(): string }; transactionId: string | null }[]) =>
  credits
    .map((c) => [c.id, c.date, c.amount.toFixed(), c.transactionId === null ? 'summed' : 'single'])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

test('a manager on a totals-only plan gets earlier days summed; the period, cancellations and cancelled credits stay single', async () => {
  const inputs = await loadPayeeInputs(store.db, ['1', '2'], { ...window, bundlePlans: ['mgr'] });
  expect(shape(inputs.get('1')!.credits)).toEqual([
    ['1 bookings credits of 2026-01-20 in USD', '2026-01-20', '10000', 'summed'], // Lee's T3
    ['2 bookings credits of 2026-01-15 in USD', '2026-01-15', '65000', 'summed'], // T1 + T10
    ['T11/rollup', '2026-01-16', '2500', 'single'],
    ['T12/rollup', '2026-01-25', '-2500', 'single'],
    ['T2/rollup', '2026-02-10', '50000', 'single'],
  ]);
  // Raj's plan is not in the list: every credit single, as before.
  expect(shape(inputs.get('2')!.credits).map((c) => c[0])).toEqual(['T1', 'T10', 'T11', 'T12', 'T2']);
});

test('without plans to sum, every credit arrives single', async () => {
  const inputs = await loadPayeeInputs(store.db, ['1'], window);
  expect(shape(inputs.get('1')!.credits).map((c) => c[0])).toEqual([
    'T1/rollup',
    'T10/rollup',
    'T11/rollup',
    'T12/rollup',
    'T2/rollup',
    'T3/rollup',
  ]);
  expect(inputs.get('1')!.credits.find((c) => c.id === 'T12/rollup')).toMatchObject({ cancels: 'T11/rollup' });
});

test('staged for the whole run, the batches read exactly the rows read straight from credits, in the same order', async () => {
  const w = { ...window, bundlePlans: ['mgr'] };
  const direct = await loadPayeeInputs(store.db, ['1', '2', '3'], w);
  const staged = await store.db.transaction().execute(async (trx) => {
    await stageCreditRows(trx, ['1', '2', '3'], await bundledPayees(trx, ['1', '2', '3'], ['mgr']), window);
    return loadPayeeInputs(trx, ['1', '2', '3'], { ...window, staged: true });
  });
  const credits = (m: typeof direct) =>
    [...m.values()].map((p) => [p.personId, p.credits.map((c) => ({ ...c, amount: c.amount.toFixed() }))]);
  expect(credits(staged)).toEqual(credits(direct));
  expect(staged.get('1')!.credits.map((c) => c.id)).toEqual([
    '2 bookings credits of 2026-01-15 in USD',
    'T11/rollup',
    '1 bookings credits of 2026-01-20 in USD',
    'T12/rollup',
    'T2/rollup',
  ]);
});

test('a deal split between two of her reps is one roll-up credit of the manager, summed or single', async () => {
  // O-50 split Raj 60 / Lee 40: T50 4,000 on 01-20 (before the period), T51 1,000 on 02-12 (in it).
  await store.db.insertInto('opportunities').values({ id: 50, external_id: 'O-50', owner_id: '2' }).execute();
  await store.db
    .insertInto('opportunity_splits')
    .values([
      { opportunity_id: '50', person_id: '2', percent: '60', type: 'revenue' },
      { opportunity_id: '50', person_id: '3', percent: '40', type: 'revenue' },
    ])
    .execute();
  for (const [id, date, amount] of [
    [50, '2026-01-20', '4000'],
    [51, '2026-02-12', '1000'],
  ] as const) {
    await store.db
      .insertInto('transactions')
      .values({ id, external_id: `T${id}`, type: 'booking', date, amount, currency: 'USD', opportunity_id: '50' })
      .execute();
  }
  await creditTransactions(store.db, { from: '2026-01-01', to: '2026-02-28' });
  const inputs = await loadPayeeInputs(store.db, ['1', '3'], { ...window, bundlePlans: ['mgr'] });
  // Mia's 01-20: Lee's T3 10,000 and T50's roll-up 2,400 + 1,600 = 4,000: two credits, not three.
  expect(shape(inputs.get('1')!.credits)).toEqual([
    ['2 bookings credits of 2026-01-15 in USD', '2026-01-15', '65000', 'summed'],
    ['2 bookings credits of 2026-01-20 in USD', '2026-01-20', '14000', 'summed'],
    ['T11/rollup', '2026-01-16', '2500', 'single'],
    ['T12/rollup', '2026-01-25', '-2500', 'single'],
    ['T2/rollup', '2026-02-10', '50000', 'single'],
    ['T51/rollup', '2026-02-12', '1000', 'single'],
  ]);
  expect(shape(inputs.get('3')!.credits).filter((c) => c[0]!.startsWith('T5'))).toEqual([
    ['T50', '2026-01-20', '1600', 'single'],
    ['T51', '2026-02-12', '400', 'single'],
  ]);
  const staged = await store.db.transaction().execute(async (trx) => {
    await stageCreditRows(trx, ['1', '3'], await bundledPayees(trx, ['1', '3'], ['mgr']), window);
    return loadPayeeInputs(trx, ['1', '3'], { ...window, staged: true });
  });
  expect(shape(staged.get('1')!.credits)).toEqual(shape(inputs.get('1')!.credits));
});
