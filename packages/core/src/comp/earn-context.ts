// What every component needs to know about the payee beyond its credits: the quota period of a
// date, the quota of a measure (missing or zero is QUOTA_MISSING, DESIGN §6) and the target incentive.
import { type CalendarInput, resolveCalendar } from '../calendar/calendar-schema.ts';
import type { Grain } from '../calendar/period.ts';
import { periodOf } from '../calendar/period-of.ts';
import type { IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import type { Decimal } from '../money/decimal.ts';
import type { CountedCredit } from './apply-cancellations.ts';
import type { Payee } from './scenario-schema.ts';

export interface EarnContext {
  readonly payeeId: string;
  quotaPeriodOf(date: IsoDate): string;
  /** The quota of a measure in a quota period (a scenario has one quota for every quota period). */
  quota(measure: string, component: string, quotaPeriod: string): Decimal;
  /** The target incentive a component earns on in a quota period (a scenario has one for all). */
  targetIncentive(component: string, quotaPeriod: string): Decimal;
}

export function earnContext(payee: Payee, calendar: CalendarInput, quotaPeriod: Grain): EarnContext {
  const resolved = resolveCalendar(calendar);
  const labels = new Map<IsoDate, string>();
  return {
    payeeId: payee.id,
    quotaPeriodOf(date) {
      let label = labels.get(date);
      if (label === undefined) {
        label = periodOf(resolved, date, quotaPeriod).period;
        labels.set(date, label);
      }
      return label;
    },
    quota(measure, component) {
      const quota = payee.quota[measure];
      if (quota === undefined || quota.isZero()) {
        throw new AttainError(
          'QUOTA_MISSING',
          `Payee ${payee.id} has no ${measure} quota, needed by component ${component}`,
          {
            payee: payee.id,
            measure,
            component,
          },
        );
      }
      return quota;
    },
    targetIncentive(component) {
      if (payee.targetIncentive === undefined) {
        throw new AttainError(
          'SCENARIO_INVALID',
          `Payee ${payee.id} has no targetIncentive, needed by component ${component}`,
          {
            payee: payee.id,
            component,
            path: 'targetIncentive',
          },
        );
      }
      return payee.targetIncentive;
    },
  };
}

/** Credits of one measure grouped by quota period, each group in (date, id) order as given. */
export function byQuotaPeriod(
  counted: readonly CountedCredit[],
  measure: string,
  context: EarnContext,
): Map<string, CountedCredit[]> {
  const groups = new Map<string, CountedCredit[]>();
  for (const c of counted) {
    if (c.credit.measure !== measure) continue;
    const label = context.quotaPeriodOf(c.credit.date);
    const group = groups.get(label) ?? [];
    group.push(c);
    groups.set(label, group);
  }
  return groups;
}
