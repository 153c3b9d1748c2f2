// Which pay periods a payee's result reports (DESIGN §6 "Range"): from the start of the quota
// period of the earliest credit to the end of the quota period of the latest, or the scenario's
// range; every pay period overlapping it, whole. No credits and no range: no periods.
import type { CalendarInput } from '../calendar/calendar-schema.ts';
import type { Grain, Period } from '../calendar/period.ts';
import { periodOf, periodsBetween } from '../calendar/period-of.ts';
import type { IsoDate } from '../dates/iso-date.ts';

export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function reportRange(
  calendar: CalendarInput,
  quotaPeriod: Grain,
  creditDates: readonly IsoDate[],
  range: DateRange | undefined,
): DateRange | undefined {
  if (range) return range;
  if (creditDates.length === 0) return undefined;
  const sorted = [...creditDates].sort();
  return {
    from: periodOf(calendar, sorted[0]!, quotaPeriod).start,
    to: periodOf(calendar, sorted.at(-1)!, quotaPeriod).end,
  };
}

/**
 * The pay periods to evaluate: from the one holding `earliest` (so earnings before the range
 * still move caps, attainment and the first reported difference) through the range's last; each
 * marked whether it is reported.
 */
export function payPeriodsToEvaluate(
  calendar: CalendarInput,
  payPeriod: Grain,
  range: DateRange,
  earliest: IsoDate,
): (Period & { reported: boolean })[] {
  const from = earliest < range.from ? earliest : range.from;
  return periodsBetween(calendar, payPeriod, from, range.to).map((p) => ({
    ...p,
    reported: p.end >= range.from && p.start <= range.to,
  }));
}
