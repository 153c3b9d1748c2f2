import { expect, test } from 'vitest';
import { Decimal, ZERO } from '../money/decimal.ts';
import { applyDraw } from './apply-draw.ts';

function run(earnings: number[], draw?: { amount: number; recoverable: boolean; periods?: number }) {
  let owed = ZERO;
  const spec = draw && { amount: new Decimal(draw.amount), recoverable: draw.recoverable, periods: draw.periods };
  return earnings.map((earned, i) => {
    const result = applyDraw(new Decimal(earned), owed, spec, i);
    owed = result.owed;
    return { paid: result.paid.toFixed(2), owed: result.owed.toFixed(2) };
  });
}

test('recoverable draw tops up and recovers later (DESIGN §6 draws)', () => {
  // month 1 earns 1,500 against a 2,000 draw: paid 2,000, owes 500
  // month 2 earns 2,375: 1,875 left after recovery is under the draw, so paid 2,000, owes 125
  expect(run([1500, 2375], { amount: 2000, recoverable: true })).toEqual([
    { paid: '2000.00', owed: '500.00' },
    { paid: '2000.00', owed: '125.00' },
  ]);
});

test('a draw limited to 2 periods: after it ends the balance is recovered from earnings', () => {
  // m1 earns 500: paid 2,000, owes 1,500; m2 earns 0: A = −1,500, paid 2,000, owes 3,500
  // m3 (no draw) earns 3,000: A = −500, paid 0, owes 500; m4 earns 1,000: A = 500, paid 500, owes 0
  expect(run([500, 0, 3000, 1000], { amount: 2000, recoverable: true, periods: 2 })).toEqual([
    { paid: '2000.00', owed: '1500.00' },
    { paid: '2000.00', owed: '3500.00' },
    { paid: '0.00', owed: '500.00' },
    { paid: '500.00', owed: '0.00' },
  ]);
});

test('non-recoverable draw: the top-up is never owed back, negative earnings still are', () => {
  // m1 earns 1,500: paid 2,000, owes 0; m2 earns −500: A = −500, paid 2,000, owes max(0, 500) = 500
  // m3 earns 2,500: A = 2,000, paid 2,000, owes 0; m4 (past 3 periods) earns 100: paid 100
  expect(run([1500, -500, 2500, 100], { amount: 2000, recoverable: false, periods: 3 })).toEqual([
    { paid: '2000.00', owed: '0.00' },
    { paid: '2000.00', owed: '500.00' },
    { paid: '2000.00', owed: '0.00' },
    { paid: '100.00', owed: '0.00' },
  ]);
});

test('no draw: paid is never negative; what is owed comes out of later earnings', () => {
  // m1 earns −300: paid 0, owes 300; m2 earns 1,000: paid 700, owes 0
  expect(run([-300, 1000])).toEqual([
    { paid: '0.00', owed: '300.00' },
    { paid: '700.00', owed: '0.00' },
  ]);
});
