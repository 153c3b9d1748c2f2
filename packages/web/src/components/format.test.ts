import { describe, expect, test } from 'vitest';
import { formatMoney, formatRatio, roundDecimal } from './format.ts';

describe('money is formatted from its decimal digits', () => {
  test('thousands separators and currency', () => {
    expect(formatMoney('1234567.891', 'USD')).toBe('$1,234,567.89');
    expect(formatMoney('18000', 'USD')).toBe('$18,000.00');
    expect(formatMoney('-950.5', 'USD')).toBe('-$950.50');
  });

  test('headline figures round half away from zero to whole units', () => {
    expect(formatMoney('1234567.50', 'USD', 0)).toBe('$1,234,568');
    expect(formatMoney('-0.4', 'USD', 0)).toBe('$0');
    expect(roundDecimal('-2.5', 0)).toBe('-3');
  });

  test('exact beyond the range of a JS number', () => {
    expect(formatMoney('98765432109876543.21', 'USD')).toBe('$98,765,432,109,876,543.21');
  });

  test('ratios as percentages; a zero denominator shows a dash', () => {
    expect(formatRatio('0.2345')).toBe('23.5%');
    expect(formatRatio('1.0000')).toBe('100.0%');
    expect(formatRatio(null)).toBe('—');
  });
});
