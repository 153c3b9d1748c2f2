// per-credit-bonus per DESIGN §6: `amount` for each credit of the measure matching `when`
// (type, product, productFamily, amountAtLeast in plan currency); a cancelled share scales it by (1 − s).
import { type Decimal, ZERO } from '../money/decimal.ts';
import type { CountedCredit, PricedCredit } from './apply-cancellations.ts';
import type { PerCreditBonus, When } from './plan-schema.ts';

export function matchesWhen(when: When | undefined, credit: PricedCredit): boolean {
  if (when === undefined) return true;
  if (when.type !== undefined && credit.type !== when.type) return false;
  if (when.product !== undefined && credit.product !== when.product) return false;
  if (when.productFamily !== undefined && credit.productFamily !== when.productFamily) return false;
  if (when.amountAtLeast !== undefined && credit.amount.lt(when.amountAtLeast)) return false;
  return true;
}

export function earnPerCreditBonus(
  bonus: PerCreditBonus,
  counted: readonly CountedCredit[],
): { total: Decimal; credits: { credit: string; date: string; earned: Decimal }[] } {
  const credits = counted
    .filter((c) => c.credit.measure === bonus.measure && matchesWhen(bonus.when, c.credit))
    .map((c) => ({ credit: c.credit.id, date: c.credit.date, earned: bonus.amount.times(c.factor) }));
  return { total: credits.reduce((sum, c) => sum.plus(c.earned), ZERO), credits };
}
