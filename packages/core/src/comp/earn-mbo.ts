// mbo per DESIGN §6: for a pay period with a score, score (0–1) × weight × targetIncentive.
// Earnings-to-date add the scores of every pay period up to now, each at the target incentive of
// the quota period holding that pay period (a run reaching back into last year prices last year's
// scores at last year's target).
import type { IsoDate } from '../dates/iso-date.ts';
import { type Decimal, ZERO } from '../money/decimal.ts';
import type { EarnContext } from './earn-context.ts';
import type { Mbo } from './plan-schema.ts';

export function earnMbo(
  mbo: Mbo,
  scores: Readonly<Record<string, Readonly<Record<string, Decimal>>>>,
  payPeriodsToDate: readonly { readonly period: string; readonly end: IsoDate }[],
  context: EarnContext,
): Decimal {
  let total = ZERO;
  for (const { period, end } of payPeriodsToDate) {
    const score = scores[period]?.[mbo.id];
    if (score === undefined) continue;
    const target = context.targetIncentive(mbo.id, context.quotaPeriodOf(end));
    total = total.plus(score.times(mbo.weight).times(target));
  }
  return total;
}
