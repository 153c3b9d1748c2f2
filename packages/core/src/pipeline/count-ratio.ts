// Rates are ratios of counts, 4 decimals, null on a zero denominator (DESIGN §8).
import { Decimal } from '../money/decimal.ts';

export function countRatio(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  return new Decimal(numerator).div(denominator).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}
