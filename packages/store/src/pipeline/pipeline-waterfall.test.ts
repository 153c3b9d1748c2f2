// The waterfall on the hand-built history (pipeline-fixture.test-helper.ts), and the identity as a
// property over random snapshot histories, checked against core's rules deal by deal.
import { Decimal } from '@attain/core/money/decimal.ts';
import { classifyDeal, type DealState, waterfallEnd, waterfallTotals } from '@attain/core/pipeline/waterfall-rules.ts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { D1, D2, PEOPLE, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';
import { pipelineWaterfall, type WaterfallResult } from './pipeline-waterfall.ts';

let store: Store;
let random: Store;
beforeAll(async () => {
  [store, random] = await Promise.all([openTestStore(), openTestStore()]);
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await Promise.all([store?.close(), random?.close()]);
});

const figures = (result: WaterfallResult) =>
  Object.fromEntries(result.steps.map((s) => [s.step, `${s.amount} (${s.count})`]));

function identityHolds(result: WaterfallResult): boolean {
  const totals = Object.fromEntries(result.steps.map((s) => [s.step, s])) as unknown as Parameters<
    typeof waterfallEnd
  >[0];
  return waterfallEnd(totals) === result.steps.at(-1)!.amount;
}

test('Q3 between D1 and D2, at the D2 rates (EUR 1.20)', async () => {
  const result = await pipelineWaterfall(store.db, { kind: 'all' }, { from: D1, to: D2 });
  expect(result.period).toEqual({ period: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
  // start: O-1 1,000 + O-2 2,000 EUR × 1.20 + O-3 800 + O-4 3,000 + O-5 500 + O-10 250 = 7,950
  // end:   O-1 1,500 + O-2 1,500 EUR × 1.20 + O-6 700 + O-8 1,000 + O-10 250 = 5,250
  // 7,950 + 1,150 + 1,000 + 500 − 600 − 800 − 500 − 3,450 = 5,250
  expect(figures(result)).toEqual({
    start: '7950.00 (6)',
    created: '1150.00 (2)', // O-6 700, O-7 450 (created and won by D2)
    pulledIn: '1000.00 (1)', // O-8: closing in November at D1, in September at D2
    increased: '500.00 (1)', // O-1 1,000 → 1,500
    decreased: '600.00 (1)', // O-2 2,400 → 1,800
    pushedOut: '800.00 (1)', // O-3 to October
    lost: '500.00 (1)', // O-5
    won: '3450.00 (2)', // O-4 at its start amount 3,000 (won at 3,200), O-7 450
    end: '5250.00 (5)',
  });
  expect(identityHolds(result)).toBe(true);
});

test('the drill-down lists each deal with its movements', async () => {
  const withDeals = await pipelineWaterfall(store.db, { kind: 'all' }, { from: D1, to: D2, deals: true });
  // the steps, added up from the deals in this mode, are the same
  expect(withDeals.steps).toEqual((await pipelineWaterfall(store.db, { kind: 'all' }, { from: D1, to: D2 })).steps);
  const { deals } = withDeals;
  expect(deals?.map((d) => `${d.externalId}:${d.steps.join('+')}`)).toEqual([
    'O-1:increased',
    'O-10:',
    'O-2:decreased',
    'O-3:pushedOut',
    'O-4:won',
    'O-5:lost',
    'O-6:created',
    'O-7:created+won',
    'O-8:pulledIn',
  ]);
  expect(deals?.find((d) => d.externalId === 'O-2')).toMatchObject({ fromAmount: '2400.00', toAmount: '1800.00' });
});

test("a rep's waterfall holds only their deals, and still adds up", async () => {
  const result = await pipelineWaterfall(store.db, { kind: 'own', personIds: [PEOPLE.raj] }, { from: D1, to: D2 });
  // Raj: start O-1 1,000 + O-3 800; created O-6 700; increased 500; pushed out 800; end 1,500 + 700
  expect(figures(result)).toMatchObject({
    start: '1800.00 (2)',
    created: '700.00 (1)',
    increased: '500.00 (1)',
    pushedOut: '800.00 (1)',
    won: '0.00 (0)',
    end: '2200.00 (2)',
  });
  expect(identityHolds(result)).toBe(true);
});

test('another period: Q4 as seen between the same dates', async () => {
  const result = await pipelineWaterfall(store.db, { kind: 'all' }, { from: D1, to: D2, period: '2026-Q4' });
  // start: O-8 900 (Nov) + O-9 100 (Dec); O-12 created for Oct 300; O-3 pulled into Q4 (800) —
  // O-8 moves to September: pushed out; end = O-3 800 + O-9 100 + O-12 300
  expect(figures(result)).toMatchObject({
    start: '1000.00 (2)',
    created: '300.00 (1)',
    pulledIn: '800.00 (1)',
    pushedOut: '900.00 (1)',
    end: '1200.00 (3)',
  });
  expect(identityHolds(result)).toBe(true);
});

test('a deal won before the first date is no movement', async () => {
  const result = await pipelineWaterfall(store.db, { kind: 'all' }, { from: '2026-08-03', to: D2 });
  // at 08-03 O-4 is already won (07-27): not in start, no movement. start: O-1 1,500, O-2 2,400,
  // O-3 800, O-5 500, O-6 700, O-7 400, O-8 1,000, O-10 250 = 7,550;
  // 7,550 − 600 (O-2) − 800 (O-3) − 500 (O-5 lost) − 400 (O-7 won at its start amount) = 5,250
  expect(figures(result)).toEqual({
    start: '7550.00 (8)',
    created: '0.00 (0)',
    pulledIn: '0.00 (0)',
    increased: '0.00 (0)',
    decreased: '600.00 (1)',
    pushedOut: '800.00 (1)',
    lost: '500.00 (1)',
    won: '400.00 (1)',
    end: '5250.00 (5)',
  });
});

test('dates must run forwards', async () => {
  await expect(pipelineWaterfall(store.db, { kind: 'all' }, { from: D2, to: D1 })).rejects.toMatchObject({
    code: 'RANGE_INVALID',
  });
});

// Random histories: a handful of deals, each a few snapshots on Mondays around Q3, in USD or EUR.
const MONDAYS = ['2026-06-22', '2026-06-29', '2026-07-06', '2026-07-13', '2026-08-03', '2026-08-31', '2026-09-07'];
const CLOSES = ['2026-06-30', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01', null];
const snapshot = fc.record({
  date: fc.constantFrom(...MONDAYS),
  status: fc.constantFrom('open', 'open', 'open', 'won', 'lost'),
  close: fc.constantFrom(...CLOSES),
  cents: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null, freq: 8 }),
  currency: fc.constantFrom('USD', 'EUR'),
});
const history = fc.array(fc.uniqueArray(snapshot, { minLength: 1, maxLength: 4, selector: (s) => s.date }), {
  maxLength: 8,
});
/** The rate at the `to` date: EUR is 1.10 until 2026-07-31, 1.20 from 2026-08-01. */
const rateAt = (currency: string, date: string) => (currency === 'USD' ? '1' : date < '2026-08-01' ? '1.10' : '1.20');

test('start + created + pulled in + increased − decreased − pushed out − lost − won = end, exactly (property)', async () => {
  const db = random.db;
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-08-01', rate: '1.20' },
    ])
    .execute();
  await db
    .insertInto('opportunities')
    .values(Array.from({ length: 8 }, (_, i) => ({ id: i + 1, external_id: `R-${i + 1}` })))
    .execute();
  await fc.assert(
    fc.asyncProperty(
      history,
      fc.constantFrom(...MONDAYS),
      fc.constantFrom(...MONDAYS),
      fc.boolean(),
      async (deals, a, b, drill) => {
        fc.pre(a < b);
        await sql`delete from opportunity_snapshots`.execute(db);
        const rows = deals.flatMap((snaps, i) =>
          snaps.map((s) => ({
            opportunity_id: String(i + 1),
            snapshot_date: s.date,
            status: s.status,
            close_date: s.close,
            amount: s.cents === null ? null : (s.cents / 100).toFixed(2),
            currency: s.currency,
          })),
        );
        if (rows.length > 0) await db.insertInto('opportunity_snapshots').values(rows).execute();
        const result = await pipelineWaterfall(
          db,
          { kind: 'all' },
          { from: a, to: b, period: '2026-Q3', deals: drill },
        );
        expect(identityHolds(result)).toBe(true);

        // the same deals through core's rules
        const stateAt = (snaps: (typeof deals)[number], date: string): DealState | undefined => {
          // every amount at the rate of the later date, b
          const s = snaps.filter((x) => x.date <= date).sort((x, y) => (x.date < y.date ? 1 : -1))[0];
          if (!s) return undefined;
          const amount = new Decimal(s.cents ?? 0).div(100).times(rateAt(s.currency, b)).toFixed(2);
          return { status: s.status as DealState['status'], closeDate: s.close, amount };
        };
        const classified = deals
          .filter((snaps) => stateAt(snaps, b) !== undefined)
          .map((snaps) =>
            classifyDeal(stateAt(snaps, a), stateAt(snaps, b)!, { start: '2026-07-01', end: '2026-09-30' }),
          );
        const expected = waterfallTotals(classified);
        expect(Object.fromEntries(result.steps.map((s) => [s.step, s]))).toEqual(
          Object.fromEntries(Object.entries(expected).map(([step, v]) => [step, { step, ...v }])),
        );
      },
    ),
    { numRuns: 100 },
  );
}, 180_000);
