import { expect, test } from 'vitest';
import { Decimal } from '../money/decimal.ts';
import { credit, runPayee } from './comp.test-helper.ts';
import { fxRate } from './convert-fx.ts';

const rates = [
  { date: '2026-01-01', from: 'EUR', to: 'USD', rate: new Decimal('1.10') },
  { date: '2026-02-01', from: 'EUR', to: 'USD', rate: new Decimal('1.20') },
  { date: '2026-01-01', from: 'USD', to: 'GBP', rate: new Decimal('0.8') },
];

test('the direct pair with the latest date on or before the credit', () => {
  expect(fxRate(rates, 'EUR', 'USD', '2026-01-31').toString()).toBe('1.1');
  expect(fxRate(rates, 'EUR', 'USD', '2026-02-01').toString()).toBe('1.2');
  expect(fxRate(rates, 'USD', 'USD', '2020-01-01').toString()).toBe('1');
});

test('else 1 ÷ the reverse pair; none is FX_RATE_MISSING', () => {
  expect(fxRate(rates, 'GBP', 'USD', '2026-03-01').toString()).toBe('1.25'); // 1 ÷ 0.8
  expect(() => fxRate(rates, 'EUR', 'USD', '2025-12-31')).toThrow(expect.objectContaining({ code: 'FX_RATE_MISSING' }));
  expect(() => fxRate(rates, 'JPY', 'USD', '2026-03-01')).toThrow(expect.objectContaining({ code: 'FX_RATE_MISSING' }));
});

test('credits are converted on their own date before they earn', () => {
  // 10 % flat. Jan 15: 10,000 EUR × 1.10 = 11,000 USD → 1,100; Feb 15: 10,000 EUR × 1.20 = 12,000 → 1,200;
  // Mar 1: 8,000 GBP ÷ 0.8 = 10,000 USD → 1,000
  const fx = rates.map((r) => ({ ...r, rate: r.rate.toString() }));
  const result = runPayee(
    { components: [{ id: 'commission', kind: 'rate-table', tiers: [{ rate: 0.1 }] }] },
    {
      credits: [
        credit('e1', '2026-01-15', 10000, { currency: 'EUR' }),
        credit('e2', '2026-02-15', 10000, { currency: 'EUR' }),
        credit('g1', '2026-03-01', 8000, { currency: 'GBP' }),
      ],
    },
    { fx },
  );
  expect(result.periods.slice(0, 3).map((p) => p.earned)).toEqual(['1100.00', '1200.00', '1000.00']);
  expect(() =>
    runPayee(
      { components: [{ id: 'c', kind: 'rate-table', tiers: [{ rate: 0.1 }] }] },
      { credits: [credit('x', '2026-01-15', 1, { currency: 'CHF' })] },
      { fx },
    ),
  ).toThrow(expect.objectContaining({ code: 'FX_RATE_MISSING' }));
});
