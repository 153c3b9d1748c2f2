// mbo per DESIGN §6: for a pay period with a score, score (0–1) × weight × targetIncentive.
// Earnings-to-date add the scores of every pay period up to now.
import { type Decimal, ZERO } from '../money/decimal.ts';
import type { EarnContext } from './earn-context.ts';
import type { Mbo } from './plan-schema.ts';

export function earnMbo(
  mbo: Mbo,
  scores: Readonly<Record<string, Readonly<Record<string, Decimal>>>>,
  payPeriodsToDate: readonly string[],
  context: EarnContext,
): Decimal {
  let total = ZERO;
  for (const period of payPeriodsToDate) {
    const score = scores[period]?.[mbo.id];
    if (score !== undefined) total = total.plus(score.times(mbo.weight).times(context.targetIncentive(mbo.id)));
  }
  return total;
}
