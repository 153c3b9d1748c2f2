// Earnings of a rate-table per DESIGN §6, per quota period over the credits of its measure in
// (date, id) order: `transaction` prices each credit alone (−F(|c|) when negative); `cumulative`
// pays F(X′) − F(X) as the running total moves from X to X′. `when` limits which credits earn,
// but every credit moves X. `cap` bounds the component's total per quota period.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { CountedCredit } from './apply-cancellations.ts';
import { byQuotaPeriod, type EarnContext } from './earn-context.ts';
import { matchesWhen } from './earn-per-credit-bonus.ts';
import type { RateTable } from './plan-schema.ts';
import { marginalSlices, type TierSlice, tierFunction, tierIndexOf } from './tier-function.ts';

/** What one credit earned, for --explain. `from`/`to` are x before and after (attainment or money). */
export interface CreditEarning {
  readonly credit: string;
  readonly date: string;
  readonly quotaPeriod: string;
  readonly amount: Decimal;
  readonly earns: boolean;
  readonly from: Decimal;
  readonly to: Decimal;
  readonly slices: readonly TierSlice[];
  readonly earned: Decimal;
}

export interface RateTableEarnings {
  readonly total: Decimal;
  readonly credits: readonly CreditEarning[];
  readonly capped: readonly string[];
}

/** `slicesWithin`: the tier slices are worked out only for the credits dated in it (for --explain). */
export function earnRateTable(
  table: RateTable,
  counted: readonly CountedCredit[],
  context: EarnContext,
  slicesWithin?: { start: string; end: string },
): RateTableEarnings {
  const F = (x: Decimal) => tierFunction(table.tiers, table.method, x);
  let total = ZERO;
  const credits: CreditEarning[] = [];
  const capped: string[] = [];
  for (const [quotaPeriod, group] of byQuotaPeriod(counted, table.measure, context)) {
    const { scale, base } = scaling(table, context, quotaPeriod);
    let running = ZERO;
    let periodTotal = ZERO;
    // Cumulative: a credit's x before is the previous credit's x after, the same quotient of the
    // same operands; so it and F of it are reused instead of worked out again (half the F calls).
    let previous: { to: Decimal; F: Decimal | undefined } | undefined;
    for (const c of group) {
      const earns = matchesWhen(table.when, c.credit);
      const before = running;
      running = running.plus(c.amount);
      const cumulative = table.scope === 'cumulative';
      const from = cumulative ? (previous?.to ?? before.dividedBy(scale)) : ZERO;
      const to = cumulative ? running.dividedBy(scale) : c.amount.abs().dividedBy(scale);
      const sign = table.scope === 'transaction' && c.amount.isNegative() ? -1 : 1;
      const Fto = earns ? F(to) : undefined;
      const earned = earns
        ? Fto!
            .minus((cumulative && previous?.F) || F(from))
            .times(base)
            .times(sign)
        : ZERO;
      if (cumulative) previous = { to, F: Fto };
      periodTotal = periodTotal.plus(earned);
      credits.push({
        credit: c.credit.id,
        date: c.credit.date,
        quotaPeriod,
        amount: c.amount,
        earns,
        from,
        to,
        slices:
          earns && slicesWithin && c.credit.date >= slicesWithin.start && c.credit.date <= slicesWithin.end
            ? slicesOf(table, from, to, base, sign)
            : [],
        earned,
      });
    }
    if (table.cap !== undefined && periodTotal.gt(table.cap)) {
      periodTotal = table.cap;
      capped.push(quotaPeriod);
    }
    total = total.plus(periodTotal);
  }
  return { total, credits, capped };
}

/**
 * x = money ÷ scale; earnings = F(x) × base. Input amount: scale 1, base 1. Input attainment:
 * scale = quota; base = quota (rateBase credit) or targetIncentive (target); interpolated F is money.
 */
function scaling(table: RateTable, context: EarnContext, quotaPeriod: string): { scale: Decimal; base: Decimal } {
  const one = new Decimal(1);
  if (table.input === 'amount') return { scale: one, base: one };
  const quota = context.quota(table.measure, table.id, quotaPeriod);
  if (table.method === 'interpolated') return { scale: quota, base: one };
  return { scale: quota, base: table.rateBase === 'credit' ? quota : context.targetIncentive(table.id, quotaPeriod) };
}

function slicesOf(table: RateTable, from: Decimal, to: Decimal, base: Decimal, sign: number): TierSlice[] {
  if (table.method === 'marginal') {
    return marginalSlices(table.tiers, from, to).map((s) => ({ ...s, earned: s.earned.times(base).times(sign) }));
  }
  const tier = tierIndexOf(table.tiers, to);
  const rate = table.tiers[tier]!.value;
  const earned = tierFunction(table.tiers, table.method, to).minus(tierFunction(table.tiers, table.method, from));
  return [{ tier, from, to, rate, earned: earned.times(base).times(sign) }];
}
