// `--explain` (DESIGN §6): per component and pay period, how the earnings-to-date came about —
// each credit dated in the period with its tier slices and rates, the steps reached, the score.
// Values are decimal strings at full precision (up to 10 places); amounts in the plan currency.
import type { Period } from '../calendar/period.ts';
import type { Decimal } from '../money/decimal.ts';
import type { earnAttainmentBonus } from './earn-attainment-bonus.ts';
import type { earnPerCreditBonus } from './earn-per-credit-bonus.ts';
import type { RateTableEarnings } from './earn-rate-table.ts';

export type ComponentExplanation = Record<string, unknown>;

/** What each kind's earnings-to-date came from; `earnings.total` is the unrounded amount. */
export type Trace =
  | { kind: 'rate-table'; earnings: RateTableEarnings }
  | { kind: 'per-credit-bonus'; earnings: ReturnType<typeof earnPerCreditBonus> }
  | { kind: 'attainment-bonus'; earnings: ReturnType<typeof earnAttainmentBonus> }
  | { kind: 'mbo'; earnings: { total: Decimal; score: Decimal | undefined } };

const show = (x: Decimal) => x.toDecimalPlaces(10).toFixed();

export function explainComponent(trace: Trace, period: Period): ComponentExplanation {
  const base = { earnedToDate: show(trace.earnings.total) };
  switch (trace.kind) {
    case 'rate-table': {
      const { credits, capped } = trace.earnings;
      return {
        ...base,
        ...(capped.length > 0 ? { cappedQuotaPeriods: capped } : {}),
        credits: credits
          .filter((c) => within(period, c.date))
          .map((c) => ({
            credit: c.credit,
            date: c.date,
            quotaPeriod: c.quotaPeriod,
            amount: show(c.amount),
            earns: c.earns,
            from: show(c.from),
            to: show(c.to),
            slices: c.slices.map((s) => ({
              tier: s.tier + 1,
              from: show(s.from),
              to: show(s.to),
              rate: show(s.rate),
              earned: show(s.earned),
            })),
            earned: show(c.earned),
          })),
      };
    }
    case 'per-credit-bonus':
      return {
        ...base,
        credits: trace.earnings.credits
          .filter((c) => within(period, c.date))
          .map((c) => ({ credit: c.credit, earned: show(c.earned) })),
      };
    case 'attainment-bonus':
      return {
        ...base,
        reached: trace.earnings.reached.map((r) => ({
          quotaPeriod: r.quotaPeriod,
          atLeast: show(r.atLeast),
          credit: r.credit,
        })),
      };
    case 'mbo':
      return { ...base, ...(trace.earnings.score !== undefined ? { score: show(trace.earnings.score) } : {}) };
  }
}

function within(period: Period, date: string): boolean {
  return period.start <= date && date <= period.end;
}
