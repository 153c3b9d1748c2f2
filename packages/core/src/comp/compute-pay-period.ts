// One payee's result for one pay period of a compensation run (docs/compensation.md). Each plan
// assignment segment goes through the simulator (so `attain simulate` and the run give the same
// numbers), over its quota period to date. The period pays each component's change this period,
// plus, for every CLOSED earlier pay period, the difference between what that period earns now and
// what was posted for it (a prior-period adjustment), plus approved manual adjustments; the draw
// then turns earned into paid.
import type { CalendarInput } from '../calendar/calendar-schema.ts';
import type { Period } from '../calendar/period.ts';
import { periodOf, periodsBetween } from '../calendar/period-of.ts';
import { addDays, type IsoDate, maxDate, minDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import type { CountedCredit } from './apply-cancellations.ts';
import { applyDraw } from './apply-draw.ts';
import type { EarnContext } from './earn-context.ts';
import type { ComponentExplanation } from './explain.ts';
import type { Plan } from './plan-schema.ts';
import type { Credit, FxRate, Payee } from './scenario-schema.ts';
import { simulatePayee } from './simulate.ts';

/** One plan assignment, as far as it overlaps the run's quota period to date. */
export interface SegmentInput {
  readonly plan: Plan;
  readonly planVersion: number;
  /** The assignment's [from, to); to null = open-ended. */
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  /** Per quota period label, per measure: the quota for this segment (already prorated). */
  readonly quota: Readonly<Record<string, Readonly<Record<string, Decimal>>>>;
  /** Per quota period label: the target incentive for this segment (already prorated). */
  readonly targetIncentive: Readonly<Record<string, Decimal>>;
  /** The payee's credits dated in this segment, from its quota period's start to the run's end. */
  readonly credits: readonly Credit[];
  readonly mbo: Payee['mbo'];
}

export interface Posted {
  readonly planId: string;
  readonly component: string;
  /** The pay period the amount belongs to. */
  readonly period: string;
  readonly amount: Decimal;
}

export interface PayPeriodInput {
  readonly payeeId: string;
  /** The workspace's fiscal calendar; a plan's own calendar wins. */
  readonly calendar: CalendarInput;
  /** The run's pay period. */
  readonly period: Period;
  readonly segments: readonly SegmentInput[];
  readonly fx: readonly FxRate[];
  /** What closed runs paid, per plan, component and the pay period it belonged to. */
  readonly posted: readonly Posted[];
  /** Pay periods whose runs are closed (labels as the runs name them: a quarterly plan's quarter is the run of its last month). */
  readonly closedPeriods: readonly Period[];
  /** Approved manual adjustments for this payee and period, in the plan currency. */
  readonly adjustments: readonly { readonly id: string; readonly amount: Decimal }[];
  /** What the payee owed after the previous pay period (draws, negative earnings). */
  readonly openingDrawBalance: Decimal;
}

export interface PayPeriodLine {
  readonly kind: 'component' | 'prior_period' | 'manual';
  readonly planId?: string;
  readonly component?: string;
  readonly sourcePeriod?: string;
  readonly amount: Decimal;
  readonly adjustmentId?: string;
}

export interface SegmentExplanation {
  readonly planId: string;
  readonly version: number;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly quotaPeriod: string;
  readonly quota: Record<string, string>;
  readonly targetIncentive: string | null;
  readonly attainment: Record<string, string>;
  readonly components: Record<string, ComponentExplanation>;
}

export interface CreditEarning {
  readonly credit: string;
  readonly planId: string;
  readonly component: string;
  readonly amount: Decimal;
}

export interface PayPeriodResult {
  /** False when no assignment pays in this period (a quarterly plan in a month that ends no quarter). */
  readonly due: boolean;
  readonly currency: string;
  readonly lines: PayPeriodLine[];
  readonly earned: Decimal;
  readonly paid: Decimal;
  readonly drawBalance: Decimal;
  readonly plans: { planId: string; version: number; from: IsoDate; to: IsoDate | null }[];
  readonly explain: { segments: SegmentExplanation[] };
  readonly creditEarnings: CreditEarning[];
}

interface SegmentRun {
  readonly segment: SegmentInput;
  readonly amounts: Map<string, Map<string, Decimal>>;
  readonly explanation: SegmentExplanation;
  readonly drawIndex: number;
}

export function computePayPeriod(input: PayPeriodInput): PayPeriodResult {
  const { period } = input;
  const runs = input.segments.flatMap((segment) => {
    const run = runSegment(input, segment);
    return run ? [run] : [];
  });
  const currencies = new Set(runs.map((r) => r.segment.plan.currency));
  if (currencies.size > 1) {
    throw new AttainError(
      'PLAN_CURRENCY_CHANGE',
      `Payee ${input.payeeId} changes plan currency inside ${period.period} (${[...currencies].join(', ')}); pay the old plan's balance by a manual adjustment`,
      { payee: input.payeeId, period: period.period, currencies: [...currencies] },
    );
  }
  const current = runs.at(-1);
  const currency = current?.segment.plan.currency ?? input.segments.at(-1)?.plan.currency ?? 'USD';
  const lines: PayPeriodLine[] = [];
  for (const run of runs) {
    const planId = run.segment.plan.id;
    for (const component of run.segment.plan.components) {
      const amount = run.amounts.get(period.period)?.get(component.id) ?? ZERO;
      lines.push({ kind: 'component', planId, component: component.id, amount });
    }
  }
  lines.push(...priorPeriodLines(input, runs));
  for (const adjustment of input.adjustments) {
    lines.push({ kind: 'manual', amount: adjustment.amount, adjustmentId: adjustment.id });
  }
  const earned = lines.reduce((sum, l) => sum.plus(l.amount), ZERO);
  const servesPeriod = current && (current.segment.to === null || current.segment.to > period.start);
  const draw = applyDraw(
    earned,
    input.openingDrawBalance,
    servesPeriod ? current.segment.plan.draw : undefined,
    current?.drawIndex ?? 0,
  );
  return {
    due: runs.length > 0 || input.adjustments.length > 0,
    currency,
    lines: lines.map((l) => (l.amount.isZero() ? { ...l, amount: ZERO } : l)),
    earned: earned.isZero() ? ZERO : earned,
    paid: draw.paid.isZero() ? ZERO : draw.paid,
    drawBalance: draw.owed.isZero() ? ZERO : draw.owed,
    plans: runs.map((r) => ({
      planId: r.segment.plan.id,
      version: r.segment.planVersion,
      from: r.segment.from,
      to: r.segment.to,
    })),
    explain: { segments: runs.map((r) => r.explanation) },
    creditEarnings: runs.flatMap((r) => creditEarningsOf(r)),
  };
}

/** Closed pay periods re-priced: what they earn now minus what was posted for them. */
function priorPeriodLines(input: PayPeriodInput, runs: readonly SegmentRun[]): PayPeriodLine[] {
  if (runs.length === 0) return [];
  const closed = new Set(input.closedPeriods.map((p) => p.period));
  const now = new Map<string, Decimal>();
  const key = (planId: string, component: string, p: string) => `${planId}\u0000${component}\u0000${p}`;
  for (const run of runs) {
    for (const [p, components] of run.amounts) {
      if (p === input.period.period || !closed.has(p)) continue;
      for (const [component, amount] of components) {
        const k = key(run.segment.plan.id, component, p);
        now.set(k, (now.get(k) ?? ZERO).plus(amount));
      }
    }
  }
  const posted = new Map<string, Decimal>();
  for (const p of input.posted) {
    if (!closed.has(p.period) || p.period === input.period.period) continue;
    const k = key(p.planId, p.component, p.period);
    posted.set(k, (posted.get(k) ?? ZERO).plus(p.amount));
  }
  const periodsInRange = new Set(runs.flatMap((r) => [...r.amounts.keys()]).filter((p) => p !== input.period.period));
  const keys = new Set([...now.keys(), ...[...posted.keys()].filter((k) => periodsInRange.has(k.split('\u0000')[2]!))]);
  const lines: PayPeriodLine[] = [];
  for (const k of [...keys].sort()) {
    const diff = (now.get(k) ?? ZERO).minus(posted.get(k) ?? ZERO);
    if (diff.isZero()) continue;
    const [planId, component, sourcePeriod] = k.split('\u0000') as [string, string, string];
    lines.push({ kind: 'prior_period', planId, component, sourcePeriod, amount: diff });
  }
  return lines;
}

function runSegment(input: PayPeriodInput, segment: SegmentInput): SegmentRun | undefined {
  const { plan } = segment;
  const calendar = plan.calendar ?? input.calendar;
  const period = input.period;
  if (segment.from > period.end) return undefined;
  const payPeriod = periodOf(calendar, period.end, plan.payPeriod);
  if (payPeriod.end !== period.end) return undefined;
  const lastDay = segment.to === null ? period.end : minDate(period.end, addDays(segment.to, -1));
  const quotaPeriod = periodOf(calendar, lastDay, plan.quotaPeriod);
  if (quotaPeriod.end < periodOf(calendar, period.end, plan.quotaPeriod).start) return undefined;
  const firstPayPeriod = periodOf(calendar, segment.from, plan.payPeriod);
  const rangeFrom = maxDate(quotaPeriod.start, firstPayPeriod.start);
  const before =
    rangeFrom > firstPayPeriod.start
      ? periodsBetween(calendar, plan.payPeriod, firstPayPeriod.start, addDays(rangeFrom, -1))
      : [];
  const context = segmentContext(input.payeeId, segment, calendar);
  const needed = creditsNeeded(segment, calendar, quotaPeriod.start);
  const payee: Payee = {
    id: input.payeeId,
    quota: {},
    credits: needed,
    mbo: segment.mbo,
  };
  let countedAtEnd: readonly CountedCredit[] | undefined;
  const result = simulatePayee(
    { plan, fx: [...input.fx], range: { from: rangeFrom, to: period.end }, payees: [payee] },
    calendar,
    payee,
    0,
    true,
    {
      context,
      firstPeriodIndex: before.length,
      explainOnly: payPeriod.period,
      onCountedAtEnd: (end, counted) => {
        if (end === period.end) countedAtEnd = counted;
      },
    },
  );
  // The evaluated pay periods always end with the run's own (its end is payPeriod.end, checked above).
  if (!countedAtEnd) throw new Error(`the simulator did not evaluate ${payPeriod.period} for ${input.payeeId}`);
  // Keyed by the label of the run that pays each period: the run whose period ends when it ends.
  const ends = new Map(periodsBetween(calendar, plan.payPeriod, rangeFrom, period.end).map((p) => [p.period, p.end]));
  const runLabel = new Map(input.closedPeriods.map((p) => [p.end, p.period]));
  runLabel.set(period.end, period.period);
  const amounts = new Map<string, Map<string, Decimal>>();
  for (const p of result.periods) {
    const end = ends.get(p.period);
    const label = (end && runLabel.get(end)) ?? p.period;
    amounts.set(label, new Map(Object.entries(p.components).map(([c, a]) => [c, new Decimal(a)])));
  }
  const reported = result.periods.findIndex((p) => ends.get(p.period) === period.end);
  const quota = segment.quota[quotaPeriod.period] ?? {};
  const ti = segment.targetIncentive[quotaPeriod.period];
  return {
    segment,
    amounts,
    drawIndex: before.length + Math.max(0, reported),
    explanation: {
      planId: plan.id,
      version: segment.planVersion,
      from: segment.from,
      to: segment.to,
      quotaPeriod: quotaPeriod.period,
      quota: Object.fromEntries(Object.entries(quota).map(([m, q]) => [m, q.toFixed()])),
      targetIncentive: ti === undefined ? null : ti.toFixed(),
      attainment: attainmentOf(countedAtEnd, quotaPeriod, quota),
      components: result.periods[reported]?.explain ?? {},
    },
  };
}

/**
 * The credits of the quota period to date, plus whole earlier quota periods whose credits a
 * cancellation in it takes back (the take-back re-prices that period, DESIGN §6).
 */
function creditsNeeded(segment: SegmentInput, calendar: CalendarInput, quotaStart: IsoDate): Credit[] {
  const cancelled = new Set(
    segment.credits.filter((c) => c.cancels !== undefined && c.date >= quotaStart).map((c) => c.cancels),
  );
  let from = quotaStart;
  for (const c of segment.credits) {
    if (c.date < from && cancelled.has(c.id)) from = periodOf(calendar, c.date, segment.plan.quotaPeriod).start;
  }
  const needed = segment.credits.filter((c) => c.date >= from);
  // A cancellation before `from` of a credit before it re-priced a quota period this run does not
  // report; without that credit it is left out.
  const ids = new Set(needed.filter((c) => c.cancels === undefined).map((c) => c.id));
  return needed.filter((c) => c.cancels === undefined || ids.has(c.cancels) || c.date >= quotaStart);
}

/**
 * Running credit total of each measure over the quota period to date ÷ its quota, from the credits
 * as the simulator counted them at the run's period end (priced, cancellations applied).
 */
function attainmentOf(
  counted: readonly CountedCredit[],
  quotaPeriod: Period,
  quota: Readonly<Record<string, Decimal>>,
): Record<string, string> {
  const totals = new Map<string, Decimal>();
  for (const c of counted) {
    if (c.credit.date < quotaPeriod.start || c.credit.date > quotaPeriod.end) continue;
    totals.set(c.credit.measure, (totals.get(c.credit.measure) ?? ZERO).plus(c.amount));
  }
  const out: Record<string, string> = {};
  for (const [measure, q] of Object.entries(quota)) {
    if (q.isZero()) continue;
    out[measure] = (totals.get(measure) ?? ZERO).dividedBy(q).toDecimalPlaces(6).toFixed();
  }
  return out;
}

function segmentContext(payeeId: string, segment: SegmentInput, calendar: CalendarInput): EarnContext {
  const labels = new Map<IsoDate, string>();
  return {
    payeeId,
    quotaPeriodOf(date) {
      let label = labels.get(date);
      if (label === undefined) {
        label = periodOf(calendar, date, segment.plan.quotaPeriod).period;
        labels.set(date, label);
      }
      return label;
    },
    quota(measure, component, quotaPeriod) {
      const quota = segment.quota[quotaPeriod]?.[measure];
      if (quota === undefined || quota.isZero()) {
        throw new AttainError(
          'QUOTA_MISSING',
          `Payee ${payeeId} has no ${measure} quota for ${quotaPeriod}, needed by component ${component} of plan ${segment.plan.id}`,
          { payee: payeeId, measure, period: quotaPeriod, component, plan: segment.plan.id },
        );
      }
      return quota;
    },
    targetIncentive(component, quotaPeriod) {
      const ti = segment.targetIncentive[quotaPeriod];
      if (ti === undefined) {
        throw new AttainError(
          'TARGET_INCENTIVE_MISSING',
          `Payee ${payeeId} has no target incentive on plan ${segment.plan.id}, needed by component ${component}`,
          { payee: payeeId, component, plan: segment.plan.id, period: quotaPeriod },
        );
      }
      return ti;
    },
  };
}

function creditEarningsOf(run: SegmentRun): CreditEarning[] {
  const out: CreditEarning[] = [];
  for (const [component, explanation] of Object.entries(run.explanation.components)) {
    const credits = (explanation as { credits?: { credit: string; earned: string }[] }).credits;
    for (const c of credits ?? []) {
      const amount = new Decimal(c.earned);
      if (!amount.isZero()) out.push({ credit: c.credit, planId: run.segment.plan.id, component, amount });
    }
  }
  return out;
}
