// Bookings quotas per quota-carrying person (reps and sales managers), per fiscal year and quarter,
// in the person's currency. Sized from what the person sold (managers: their team's roll-up) so
// typical attainment lands between 60% and 130%: a past quarter's quota blends that quarter's
// bookings with the person's run rate, divided by a random stretch around 0.95; the current and
// future quarters take the run rate plus growth. Part-quarter tenure is pro-rated in the quarter
// rows; the FY row is Σ quarters, scaled to a full year for a part-year person.
import { fiscalYear } from '../calendar/fiscal-year.ts';
import { addDays, daysBetween, type IsoDate, maxDate, minDate } from '../dates/iso-date.ts';
import { minorUnits } from '../money/currency.ts';
import { Decimal } from '../money/decimal.ts';
import type { DealWorld } from './deal-world.ts';
import type { PersonHistoryRow, QuotaRow } from './demo-rows.ts';
import type { Random } from './random.ts';

const QUOTA_ROLES = new Set(['rep', 'manager']);

interface QuarterCover {
  period: string;
  start: IsoDate;
  end: IsoDate;
  /** Share of the quarter's days the person carried a quota role. */
  coverage: number;
  role: string;
  actual: Decimal;
  complete: boolean;
}

export function generateQuotas(world: DealWorld, history: readonly PersonHistoryRow[], random: Random): QuotaRow[] {
  const { today } = world.dates;
  const calendar = { type: 'gregorian', fiscalYearStartMonth: 1 } as const;
  const years = world.dates.fiscalYears.map((n) => fiscalYear(calendar, n));
  const rowsByPerson = new Map<number, PersonHistoryRow[]>();
  for (const row of history) {
    if (!rowsByPerson.has(row.person_id)) rowsByPerson.set(row.person_id, []);
    rowsByPerson.get(row.person_id)!.push(row);
  }

  const covers = new Map<number, QuarterCover[]>();
  const roleRate = new Map<string, { usd: Decimal; quarters: number }>();
  for (const person of world.staffing.people) {
    const rows = rowsByPerson.get(person.id) ?? [];
    const list: QuarterCover[] = [];
    for (const quarter of years.flatMap((y) => y.quarters)) {
      const length = daysBetween(quarter.start, quarter.end) + 1;
      const days = new Map<string, number>();
      for (const row of rows) {
        if (!QUOTA_ROLES.has(row.job_role)) continue;
        const from = maxDate(row.valid_from, quarter.start);
        const to = minDate(row.valid_to ?? '9999-12-31', addDays(quarter.end, 1));
        if (from < to) days.set(row.job_role, (days.get(row.job_role) ?? 0) + daysBetween(from, to));
      }
      const total = [...days.values()].reduce((a, b) => a + b, 0);
      if (total < 30) continue;
      const role = [...days.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const actual = world.ledger.total(person.id, quarter.period);
      list.push({ ...quarter, coverage: total / length, role, actual, complete: quarter.end < today });
    }
    if (list.every((c) => c.actual.isZero())) continue;
    covers.set(person.id, list);
    for (const c of list.filter((q) => q.complete)) {
      const pool = roleRate.get(c.role) ?? { usd: new Decimal(0), quarters: 0 };
      roleRate.set(c.role, { usd: pool.usd.plus(c.actual), quarters: pool.quarters + c.coverage });
    }
  }

  const quotas: QuotaRow[] = [];
  for (const person of world.staffing.people) {
    const list = covers.get(person.id);
    if (!list) continue;
    const done = list.filter((c) => c.complete);
    const covered = done.reduce((a, c) => a + c.coverage, 0);
    for (const year of years) {
      const quarters = list.filter((c) => c.start >= year.start && c.end <= year.end);
      if (quarters.length === 0) continue;
      const pool = roleRate.get(quarters[0]!.role)!;
      const typical = pool.usd.dividedBy(Math.max(pool.quarters, 1));
      const own = covered >= 1 ? done.reduce((a, c) => a.plus(c.actual), new Decimal(0)).dividedBy(covered) : typical;
      const rows = quarters.map((c) => {
        const expected = own.times(c.coverage);
        const stretch = Math.min(1.45, Math.max(0.55, random.normal(0.95, 0.17)));
        const blended = c.complete ? c.actual.plus(expected).dividedBy(2) : expected.times(1.1);
        const base = Decimal.max(blended, typical.times(c.coverage).times(0.3));
        return { ...c, amount: toLocal(world, base.dividedBy(stretch), person.currency, minDate(c.start, today)) };
      });
      const total = rows.reduce((a, r) => a.plus(r.amount), new Decimal(0));
      const add = (period: string, start: IsoDate, end: IsoDate, amount: Decimal) =>
        quotas.push({
          id: quotas.length + 1,
          person_id: person.id,
          measure: 'bookings',
          period,
          period_start: start,
          period_end: end,
          amount: amount.toFixed(minorUnits(person.currency)),
          currency: person.currency,
        });
      // The yearly row is the full-year figure: the comp run prorates it by the days each plan
      // assignment and the employment cover (docs/proration.md), so a part-year person's yearly
      // quota must not be pro-rated twice. Quarter rows stay what the person carried.
      const coverage = quarters.reduce((a, c) => a + c.coverage, 0);
      const unit = person.currency === 'JPY' ? 100_000 : 1_000;
      const fullYear = Decimal.max(1, total.times(4).dividedBy(coverage).dividedBy(unit).toDecimalPlaces(0)).times(
        unit,
      );
      add(year.year, year.start, year.end, coverage >= 3.999 ? total : fullYear);
      for (const r of rows) add(r.period, r.start, r.end, r.amount);
    }
  }
  return quotas;
}

/** USD → the person's currency at that day's rate, rounded to a thousand (¥100,000), never zero. */
function toLocal(world: DealWorld, usd: Decimal, currency: string, date: IsoDate): Decimal {
  const unit = currency === 'JPY' ? 100_000 : 1_000;
  const local = usd.dividedBy(world.fx.rateOn(currency, date));
  return Decimal.max(1, local.dividedBy(unit).toDecimalPlaces(0)).times(unit);
}
