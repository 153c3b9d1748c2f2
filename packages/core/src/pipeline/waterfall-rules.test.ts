import fc from 'fast-check';
import { expect, test } from 'vitest';
import { classifyDeal, type DealState, waterfallEnd, waterfallTotals } from './waterfall-rules.ts';

const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const open = (amount: string, closeDate: string | null = '2026-08-15'): DealState => ({
  status: 'open',
  closeDate,
  amount,
});
const closed = (status: 'won' | 'lost', amount: string, closeDate = '2026-08-15'): DealState => ({
  status,
  closeDate,
  amount,
});
const steps = (d1: DealState | undefined, d2: DealState) => classifyDeal(d1, d2, Q3).movements;

test('a deal in the pipeline at both dates moves by its amount change only', () => {
  expect(steps(open('100.00'), open('130.00'))).toEqual([{ step: 'increased', amount: '30.00' }]);
  expect(steps(open('100.00'), open('80.50'))).toEqual([{ step: 'decreased', amount: '19.50' }]);
  expect(steps(open('100.00'), open('100.00'))).toEqual([]);
});

test('won and lost beat an amount change and are valued at the start amount', () => {
  expect(steps(open('100.00'), closed('won', '120.00'))).toEqual([{ step: 'won', amount: '100.00' }]);
  // won and lost count wherever the close date landed
  expect(steps(open('100.00'), closed('lost', '90.00', '2026-10-20'))).toEqual([{ step: 'lost', amount: '100.00' }]);
});

test('pushed out: still open, close date moved out of the period (either way), start amount', () => {
  expect(steps(open('100.00'), open('300.00', '2026-10-01'))).toEqual([{ step: 'pushedOut', amount: '100.00' }]);
  expect(steps(open('100.00'), open('100.00', null))).toEqual([{ step: 'pushedOut', amount: '100.00' }]);
});

test('created and pulled in at the D2 amount; closed by D2 also counts as won or lost', () => {
  expect(steps(undefined, open('50.00'))).toEqual([{ step: 'created', amount: '50.00' }]);
  expect(steps(undefined, closed('won', '70.00'))).toEqual([
    { step: 'created', amount: '70.00' },
    { step: 'won', amount: '70.00' },
  ]);
  expect(steps(open('10.00', '2026-12-01'), open('40.00'))).toEqual([{ step: 'pulledIn', amount: '40.00' }]);
  expect(steps(open('10.00', '2026-12-01'), closed('lost', '40.00'))).toEqual([
    { step: 'pulledIn', amount: '40.00' },
    { step: 'lost', amount: '40.00' },
  ]);
  // closed at both dates: already out of the pipeline before D1, no bucket; reopened: pulled in
  expect(steps(closed('won', '40.00'), closed('won', '40.00'))).toEqual([]);
  expect(steps(closed('lost', '40.00'), open('45.00'))).toEqual([{ step: 'pulledIn', amount: '45.00' }]);
  // created outside the period, or never in it: no bucket
  expect(steps(undefined, open('50.00', '2026-11-01'))).toEqual([]);
  expect(steps(open('10.00', '2026-12-01'), closed('won', '40.00', '2026-12-01'))).toEqual([]);
});

test('the identity holds exactly for any pair of states (property)', () => {
  const amount = fc.integer({ min: 0, max: 1_000_000 }).map((c) => (c / 100).toFixed(2));
  const date = fc.constantFrom('2026-06-20', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01', null);
  const state = fc.record({
    status: fc.constantFrom('open', 'won', 'lost') as fc.Arbitrary<DealState['status']>,
    closeDate: date,
    amount,
  });
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.option(state, { nil: undefined }), state), { maxLength: 30 }), (pairs) => {
      const totals = waterfallTotals(pairs.map(([a, b]) => classifyDeal(a, b, Q3)));
      expect(waterfallEnd(totals)).toBe(totals.end.amount);
    }),
  );
});
