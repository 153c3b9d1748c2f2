// attainment-bonus per DESIGN §6: each step's amount once per quota period, from the pay period
// in which running attainment (running money ÷ quota, never a sum of ratios) first reaches
// `atLeast`; steps add up; once paid a step stays paid, even if a cancellation lowers attainment.
import { Decimal, ZERO } from '../money/decimal.ts';
import type { CountedCredit } from './apply-cancellations.ts';
import { byQuotaPeriod, type EarnContext } from './earn-context.ts';
import type { AttainmentBonus } from './plan-schema.ts';

/** Keys "<quota period>#<step index>" of the steps paid so far. */
export type PaidSteps = ReadonlySet<string>;

export function earnAttainmentBonus(
  bonus: AttainmentBonus,
  counted: readonly CountedCredit[],
  context: EarnContext,
  alreadyPaid: PaidSteps,
): { total: Decimal; paid: PaidSteps; reached: { quotaPeriod: string; atLeast: Decimal; credit: string }[] } {
  const paid = new Set(alreadyPaid);
  const reached: { quotaPeriod: string; atLeast: Decimal; credit: string }[] = [];
  for (const [quotaPeriod, group] of byQuotaPeriod(counted, bonus.measure, context)) {
    const quota = context.quota(bonus.measure, bonus.id, quotaPeriod);
    let running = ZERO;
    for (const c of group) {
      running = running.plus(c.amount);
      const attainment = running.dividedBy(quota);
      bonus.steps.forEach((step, i) => {
        const key = `${quotaPeriod}#${i}`;
        if (!paid.has(key) && attainment.gte(step.atLeast)) {
          paid.add(key);
          reached.push({ quotaPeriod, atLeast: step.atLeast, credit: c.credit.id });
        }
      });
    }
  }
  let total = ZERO;
  for (const key of paid) total = total.plus(bonus.steps[Number(key.split('#').pop())]!.amount);
  return { total: new Decimal(total), paid, reached };
}
