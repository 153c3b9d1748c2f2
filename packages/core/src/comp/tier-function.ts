// The tier function F of DESIGN §6. Tiers are half-open [from, to): a value on a boundary is in the
// higher tier. Past the last tier's `to`, marginal and retroactive keep the last rate; below 0 they
// use the first tier's rate; interpolated tiers pay a money amount spread evenly over [from, to).
import { Decimal, ZERO } from '../money/decimal.ts';
import type { RateTable, Tier } from './plan-schema.ts';

export type Method = RateTable['method'];

/** One tier's share of a move along x: the part of [from, to) crossed and what it pays. */
export interface TierSlice {
  readonly tier: number;
  readonly from: Decimal;
  readonly to: Decimal;
  readonly rate: Decimal;
  readonly earned: Decimal;
}

export function tierFunction(tiers: readonly Tier[], method: Method, x: Decimal): Decimal {
  switch (method) {
    case 'marginal':
      if (x.isNegative()) return x.times(tiers[0]!.value);
      return tiers.reduce(
        (sum, tier, i) => sum.plus(overlap(ZERO, x, tier.from, upper(tiers, i)).times(tier.value)),
        ZERO,
      );
    case 'retroactive':
      return x.times(x.isNegative() ? tiers[0]!.value : tiers[tierIndexOf(tiers, x)]!.value);
    case 'interpolated':
      return tiers.reduce((sum, tier) => {
        const share = Decimal.min(1, Decimal.max(0, x.minus(tier.from).dividedBy(tier.to!.minus(tier.from))));
        return sum.plus(share.times(tier.value));
      }, ZERO);
  }
}

/** The tier x falls in: the last whose `from` ≤ x (so a boundary belongs to the higher tier). */
export function tierIndexOf(tiers: readonly Tier[], x: Decimal): number {
  let index = 0;
  tiers.forEach((tier, i) => {
    if (tier.from.lte(x)) index = i;
  });
  return index;
}

/**
 * How a marginal move from a to b (either direction) splits across the tiers, for --explain;
 * the slices' `earned` add up to F(b) − F(a). Negative x is priced at the first tier's rate.
 */
export function marginalSlices(tiers: readonly Tier[], a: Decimal, b: Decimal): TierSlice[] {
  const [low, high, sign] = a.lte(b) ? [a, b, 1] : [b, a, -1];
  const slices: TierSlice[] = [];
  const push = (tier: number, from: Decimal, to: Decimal) => {
    if (to.lte(from)) return;
    const rate = tiers[tier]!.value;
    slices.push({ tier, from, to, rate, earned: to.minus(from).times(rate).times(sign) });
  };
  if (low.isNegative()) push(0, low, Decimal.min(high, ZERO));
  tiers.forEach((tier, i) => {
    const top = upper(tiers, i);
    const from = Decimal.max(low, tier.from);
    const to = top === undefined ? high : Decimal.min(high, top);
    push(i, from, to);
  });
  return slices;
}

/** The tier's upper bound for marginal pricing; the last tier never ends (it keeps its rate). */
function upper(tiers: readonly Tier[], i: number): Decimal | undefined {
  return i === tiers.length - 1 ? undefined : tiers[i]!.to;
}

/** |[a, b] ∩ [from, to)|, with `to` undefined meaning no end. */
function overlap(a: Decimal, b: Decimal, from: Decimal, to: Decimal | undefined): Decimal {
  const high = to === undefined ? b : Decimal.min(b, to);
  const low = Decimal.max(a, from);
  return high.gt(low) ? high.minus(low) : ZERO;
}
