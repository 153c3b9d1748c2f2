// A payee's credits as of each pay period end the simulator evaluates, without starting over per
// period. Between two cancellations the credits as of an earlier period end are a prefix (in date
// order) of those as of a later one, with the same amounts; so a rate table's or a per-credit
// bonus's earnings-to-date there is the sum of what those credits earned as of the later end. One
// evaluation per run of periods with the same cancellations instead of one per period: a year of
// monthly pay periods costs one pass over the credits, not twelve, unless cancellations interleave.
import type { IsoDate } from '../dates/iso-date.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import { type Cancellation, type CountedCredit, creditsAsOf, type PricedCredit } from './apply-cancellations.ts';

/** What a credit-by-credit evaluation returns: the total, and each credit's part of it. */
export interface CreditTrace {
  readonly total: Decimal;
  readonly credits: readonly { readonly date: string; readonly quotaPeriod?: string; readonly earned: Decimal }[];
}

export interface EarningsTimeline {
  /** The credits as of period k's end, cancellations dated up to it applied. */
  counted(k: number): readonly CountedCredit[];
  /**
   * Earnings-to-date at period k of a component evaluated credit by credit; `cap` bounds each
   * quota period's sum as the rate table does.
   */
  total(k: number, key: string, evaluate: (counted: readonly CountedCredit[]) => CreditTrace, cap?: Decimal): Decimal;
}

/** `credits` in (date, id) order; `ends` the evaluated periods' last days, ascending. */
export function earningsTimeline(
  credits: readonly PricedCredit[],
  cancellations: readonly Cancellation[],
  ends: readonly IsoDate[],
): EarningsTimeline {
  const cancelDates = cancellations.map((c) => c.date).sort();
  const state = ends.map((end) => countUpTo(cancelDates, (d) => d, end));
  // last[k]: the latest period with the same cancellations applied as period k.
  const last: number[] = [];
  for (let k = ends.length - 1; k >= 0; k--) {
    last[k] = k + 1 < ends.length && state[k + 1] === state[k] ? last[k + 1]! : k;
  }
  const countedAtEnd = new Map<number, CountedCredit[]>();
  const traces = new Map<string, CreditTrace>();
  const groupCounted = (j: number) => {
    let counted = countedAtEnd.get(j);
    if (!counted) {
      counted = creditsAsOf(credits, cancellations, ends[j]!);
      countedAtEnd.set(j, counted);
    }
    return counted;
  };
  return {
    counted(k) {
      const all = groupCounted(last[k]!);
      return k === last[k]
        ? all
        : all.slice(
            0,
            countUpTo(all, (c) => c.credit.date, ends[k]!),
          );
    },
    total(k, key, evaluate, cap) {
      const j = last[k]!;
      const traceKey = `${j}\u0000${key}`;
      let trace = traces.get(traceKey);
      if (!trace) {
        trace = evaluate(groupCounted(j));
        traces.set(traceKey, trace);
      }
      return k === j ? trace.total : totalUpTo(trace, ends[k]!, cap);
    },
  };
}

/** The sum of what credits dated up to `end` earned, per quota period in order, each capped. */
function totalUpTo(trace: CreditTrace, end: IsoDate, cap: Decimal | undefined): Decimal {
  const sums = new Map<string | undefined, Decimal>();
  for (const c of trace.credits) {
    if (c.date > end) continue;
    sums.set(c.quotaPeriod, (sums.get(c.quotaPeriod) ?? ZERO).plus(c.earned));
  }
  let total = ZERO;
  for (const sum of sums.values()) total = total.plus(cap !== undefined && sum.gt(cap) ? cap : sum);
  return total;
}

/** How many leading items of a list in ascending order have a key ≤ `end`. */
function countUpTo<T>(items: readonly T[], key: (item: T) => string, end: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
