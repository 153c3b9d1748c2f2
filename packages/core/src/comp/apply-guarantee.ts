// guarantee per DESIGN §6: in its first `periods` pay periods (all when absent), it tops the other
// components up to `amount`: max(0, amount − what the others pay in that period).
import { Decimal, ZERO } from '../money/decimal.ts';
import type { Guarantee } from './plan-schema.ts';

export function applyGuarantee(guarantee: Guarantee, othersInPeriod: Decimal, periodIndex: number): Decimal {
  const inGuarantee = guarantee.periods === undefined || periodIndex < guarantee.periods;
  return inGuarantee ? Decimal.max(ZERO, guarantee.amount.minus(othersInPeriod)) : ZERO;
}
