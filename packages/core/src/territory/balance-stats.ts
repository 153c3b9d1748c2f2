// How even a set of territories is (DESIGN §5.1 balancing), measured per balancing group (siblings:
// same type, same parent) against the group's own mean:
//   maxDeviation = max over territories of |value − group mean| ÷ group mean
//   cv           = √(mean over territories of ((value − group mean) ÷ group mean)²)
// With one group cv is exactly the coefficient of variation (population stdev ÷ mean); with several
// it pools the relative deviations. A group of one territory, or whose mean is zero, has nothing to
// balance and is left out.
import { Decimal, ZERO } from '../money/decimal.ts';

export interface TerritoryValue {
  territory: string;
  /** Balancing group: territories are only compared with (and moved between) their group. */
  group: string;
  value: Decimal;
}

export interface BalanceStats {
  maxDeviation: number;
  cv: number;
}

/** Group key → mean of its territories' values. */
export function groupMeans(values: readonly TerritoryValue[]): Map<string, Decimal> {
  const sums = new Map<string, { sum: Decimal; count: number }>();
  for (const v of values) {
    const s = sums.get(v.group) ?? { sum: ZERO, count: 0 };
    sums.set(v.group, { sum: s.sum.plus(v.value), count: s.count + 1 });
  }
  return new Map([...sums].map(([group, s]) => [group, s.sum.div(s.count)]));
}

/** Relative deviation of each territory from its group mean (0 where the mean is 0). */
export function relativeDeviations(values: readonly TerritoryValue[]): Decimal[] {
  const means = groupMeans(values);
  return values.map((v) => {
    const mean = means.get(v.group) ?? ZERO;
    return mean.isZero() ? ZERO : v.value.minus(mean).div(mean);
  });
}

export function balanceStats(all: readonly TerritoryValue[]): BalanceStats {
  const means = groupMeans(all);
  const sizes = new Map<string, number>();
  for (const v of all) sizes.set(v.group, (sizes.get(v.group) ?? 0) + 1);
  const values = all.filter((v) => sizes.get(v.group)! > 1 && !means.get(v.group)!.isZero());
  if (values.length === 0) return { maxDeviation: 0, cv: 0 };
  const deviations = relativeDeviations(values);
  const max = deviations.reduce((m, d) => Decimal.max(m, d.abs()), ZERO);
  const meanSquare = deviations.reduce((s, d) => s.plus(d.times(d)), ZERO).div(deviations.length);
  return { maxDeviation: round4(max), cv: round4(meanSquare.sqrt()) };
}

const round4 = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber();
