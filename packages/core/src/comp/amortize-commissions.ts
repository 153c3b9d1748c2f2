// ASC 340-40 (docs/asc-340-40.md): commissions paid to obtain a contract whose benefit period is
// longer than twelve months are capitalised and amortised straight-line by calendar month over
// that period, starting in the month incurred; everything else is expensed when incurred (the
// practical expedient). Only per-credit earnings of rate-table and per-credit-bonus components
// are costs of obtaining one contract; bonuses on attainment, MBOs, guarantees, draws and
// adjustments are not attributable to a contract. Months are rounded on the cumulative, so each
// line's months add up exactly to its cost. Pure: the costs and the period are passed in.
import type { Period } from '../calendar/period.ts';
import { daysInMonth, fromParts, type IsoDate } from '../dates/iso-date.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import { allocateMoney, formatAmount, money, roundMoney } from '../money/money.ts';

/** Component kinds whose per-credit earnings are incremental costs of obtaining that contract. */
export const CONTRACT_COST_KINDS: ReadonlySet<string> = new Set(['rate-table', 'per-credit-bonus']);

/** The practical expedient: a benefit period of this many months or fewer is expensed. */
export const EXPEDIENT_MONTHS = 12;

export interface CommissionCost {
  payee: string;
  /** The contract the cost was paid on; absent for costs attributable to no contract. */
  transaction?: string;
  /** The component kind, or 'other' for draws, adjustments and what no transaction explains. */
  kind: string;
  /** The run's period end. */
  incurred: IsoDate;
  /** Full precision, in `currency` (the plan currency). */
  amount: Decimal;
  currency: string;
  contractMonths?: number | null;
  /** A configured benefit period (e.g. expected customer life) replacing the contract term. */
  benefitMonths?: number;
}

export interface ScheduleLine {
  payee: string;
  transaction: string;
  currency: string;
  incurred: IsoDate;
  cost: string;
  months: number;
  /** First and last calendar month of the amortisation, YYYY-MM. */
  start: string;
  end: string;
  /** Reduced by later negative costs on the same contract (clawbacks, re-pricing). */
  writtenDown: string;
  amortisedThisPeriod: string;
  amortisedToDate: string;
  remaining: string;
}

export interface AmortizationTotals {
  currency: string;
  openingBalance: string;
  /** New contract costs capitalised in the period. */
  capitalised: string;
  /** Capitalised costs taken off the asset by negative costs on the same contracts. */
  writtenDown: string;
  amortisation: string;
  expensedAsIncurred: string;
  totalExpense: string;
  closingBalance: string;
}

export interface AmortizationReport {
  period: string;
  start: IsoDate;
  end: IsoDate;
  totals: AmortizationTotals[];
  lines: ScheduleLine[];
}

/** Monthly amounts of a cost over `months` months: round the cumulative, take differences. */
export function amortizeCost(cost: Decimal, currency: string, months: number): Decimal[] {
  if (months <= 0) return [];
  return allocateMoney(money(cost, currency), Array(months).fill(1)).map((m) => m.amount);
}

/** The benefit period a cost is amortised over, or undefined when it is expensed as incurred. */
export function benefitPeriodOf(cost: CommissionCost): number | undefined {
  if (cost.transaction === undefined || !CONTRACT_COST_KINDS.has(cost.kind)) return undefined;
  const months = cost.benefitMonths ?? cost.contractMonths ?? undefined;
  return months !== undefined && months > EXPEDIENT_MONTHS ? months : undefined;
}

interface Line {
  payee: string;
  transaction: string;
  currency: string;
  incurred: IsoDate;
  cost: Decimal;
  months: number;
  start: number;
  /** Amount per month from `start`; rewritten from the month of a write-down on. */
  schedule: Decimal[];
  writeDowns: { date: IsoDate; amount: Decimal }[];
}

export function amortizeCommissions(costs: readonly CommissionCost[], period: Period): AmortizationReport {
  const known = costs.filter((c) => c.incurred <= period.end);
  const lines: Line[] = [];
  const excess: { date: IsoDate; currency: string; amount: Decimal }[] = [];

  // Net the costs of one contract, payee and date first: a run posts one cost per component.
  const netted = new Map<string, CommissionCost & { months: number }>();
  for (const cost of known) {
    const months = benefitPeriodOf(cost);
    if (months === undefined) continue;
    const key = JSON.stringify([cost.payee, cost.transaction, cost.currency, cost.incurred]);
    const seen = netted.get(key);
    netted.set(key, seen ? { ...seen, amount: seen.amount.plus(cost.amount) } : { ...cost, months });
  }
  const byDate = [...netted.values()].sort((a, b) => (a.incurred < b.incurred ? -1 : a.incurred > b.incurred ? 1 : 0));
  for (const cost of byDate) {
    const amount = roundMoney(money(cost.amount, cost.currency)).amount;
    if (amount.isZero()) continue;
    const transaction = cost.transaction!;
    if (amount.isPositive()) {
      const start = monthIndex(cost.incurred);
      lines.push({
        payee: cost.payee,
        transaction,
        currency: cost.currency,
        incurred: cost.incurred,
        cost: amount,
        months: cost.months,
        start,
        schedule: amortizeCost(amount, cost.currency, cost.months),
        writeDowns: [],
      });
      continue;
    }
    // A negative cost first takes the contract's unamortised asset down (newest line first); what
    // is left over reduces this month's expense.
    let left = amount.neg();
    const month = monthIndex(cost.incurred);
    const same = lines.filter(
      (l) => l.payee === cost.payee && l.transaction === transaction && l.currency === cost.currency,
    );
    for (const line of same.reverse()) {
      if (left.isZero()) break;
      const done = line.schedule.slice(0, Math.max(0, month - line.start)).reduce((a, b) => a.plus(b), ZERO);
      const unamortised = line.cost.minus(sum(line.writeDowns.map((w) => w.amount))).minus(done);
      const take = Decimal.min(left, unamortised);
      if (take.lte(0)) continue;
      left = left.minus(take);
      line.writeDowns.push({ date: cost.incurred, amount: take });
      const from = Math.max(0, month - line.start);
      const rest = unamortised.minus(take);
      const remainingMonths = line.months - from;
      line.schedule = [
        ...line.schedule.slice(0, from),
        ...(rest.isZero() ? Array(remainingMonths).fill(ZERO) : amortizeCost(rest, line.currency, remainingMonths)),
      ];
    }
    if (!left.isZero()) excess.push({ date: cost.incurred, currency: cost.currency, amount: left.neg() });
  }

  const inPeriod = (date: IsoDate) => period.start <= date && date <= period.end;
  const totals = new Map<
    string,
    { opening: Decimal; capitalised: Decimal; writtenDown: Decimal; amortisation: Decimal; incurred: Decimal }
  >();
  const totalOf = (currency: string) => {
    let t = totals.get(currency);
    if (!t) {
      t = { opening: ZERO, capitalised: ZERO, writtenDown: ZERO, amortisation: ZERO, incurred: ZERO };
      totals.set(currency, t);
    }
    return t;
  };
  for (const cost of known) {
    if (inPeriod(cost.incurred)) {
      const t = totalOf(cost.currency);
      t.incurred = t.incurred.plus(cost.amount);
    }
  }

  const reported: ScheduleLine[] = [];
  for (const line of lines) {
    const t = totalOf(line.currency);
    let before = ZERO;
    let during = ZERO;
    line.schedule.forEach((amount, k) => {
      const last = lastDayOfMonth(line.start + k);
      if (last < period.start) before = before.plus(amount);
      else if (last <= period.end) during = during.plus(amount);
    });
    const downBefore = sum(line.writeDowns.filter((w) => w.date < period.start).map((w) => w.amount));
    const downDuring = sum(line.writeDowns.filter((w) => inPeriod(w.date)).map((w) => w.amount));
    const capitalisedBefore = line.incurred < period.start;
    const opening = capitalisedBefore ? line.cost.minus(downBefore).minus(before) : ZERO;
    if (capitalisedBefore) t.opening = t.opening.plus(opening);
    else t.capitalised = t.capitalised.plus(line.cost);
    t.writtenDown = t.writtenDown.plus(downDuring);
    t.amortisation = t.amortisation.plus(during);
    const writtenDown = downBefore.plus(downDuring);
    const remaining = line.cost.minus(writtenDown).minus(before).minus(during);
    if (opening.isZero() && remaining.isZero() && during.isZero() && downDuring.isZero() && capitalisedBefore) continue;
    const show = (x: Decimal) => formatAmount(money(x, line.currency));
    reported.push({
      payee: line.payee,
      transaction: line.transaction,
      currency: line.currency,
      incurred: line.incurred,
      cost: show(line.cost),
      months: line.months,
      start: monthLabel(line.start),
      end: monthLabel(line.start + line.months - 1),
      writtenDown: show(writtenDown),
      amortisedThisPeriod: show(during),
      amortisedToDate: show(before.plus(during)),
      remaining: show(remaining),
    });
  }

  return {
    period: period.period,
    start: period.start,
    end: period.end,
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, t]) => {
        const show = (x: Decimal) => formatAmount(money(x, currency));
        // What the period incurred that did not go onto the asset is expense now, including the
        // rounding between full-precision credit earnings and the paid (rounded) amounts.
        const incurred = roundMoney(money(t.incurred, currency)).amount;
        const expensed = incurred.minus(t.capitalised).plus(t.writtenDown);
        const closing = t.opening.plus(t.capitalised).minus(t.writtenDown).minus(t.amortisation);
        return {
          currency,
          openingBalance: show(t.opening),
          capitalised: show(t.capitalised),
          writtenDown: show(t.writtenDown),
          amortisation: show(t.amortisation),
          expensedAsIncurred: show(expensed),
          totalExpense: show(expensed.plus(t.amortisation)),
          closingBalance: show(closing),
        };
      }),
    lines: reported.sort(
      (a, b) =>
        compare(a.currency, b.currency) ||
        compare(a.payee, b.payee) ||
        compare(a.transaction, b.transaction) ||
        compare(a.incurred, b.incurred),
    ),
  };
}

function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function lastDayOfMonth(index: number): IsoDate {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromParts(year, month, daysInMonth(year, month));
}
