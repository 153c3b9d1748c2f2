// A payee's plan assignments turned into the segments a pay period is computed over
// (docs/compensation.md): each assignment with its plan version, its quota and target incentive
// for every quota period prorated by days (prorate.ts), its credits and MBO scores.
import type { CalendarInput } from '../calendar/calendar-schema.ts';
import { parsePeriod } from '../calendar/parse-period.ts';
import type { Period } from '../calendar/period.ts';
import { periodsBetween } from '../calendar/period-of.ts';
import { addDays, type IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import type { Decimal } from '../money/decimal.ts';
import type { SegmentInput } from './compute-pay-period.ts';
import type { Plan } from './plan-schema.ts';
import { prorate } from './prorate.ts';
import type { Credit } from './scenario-schema.ts';

export interface AssignmentInput {
  readonly planId: string;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  /** Full quota period figure; proration scales it by days. */
  readonly targetIncentive: Decimal | undefined;
}

export interface QuotaInput {
  readonly measure: string;
  /** The quota period label, in the calendar's labels (FY2026, 2026-Q1, …). */
  readonly period: string;
  readonly amount: Decimal;
  readonly currency: string;
}

export interface PayeeSegmentsInput {
  readonly payeeId: string;
  readonly calendar: CalendarInput;
  /** The run's pay period; credits and scores after its end are not given. */
  readonly period: Period;
  /** The earliest date the run looks at (quota period starts before it are not prorated). */
  readonly lookbackFrom: IsoDate;
  readonly assignments: readonly AssignmentInput[];
  /** The plan version in force for each plan id (the version in force at the end of the pay period). */
  readonly plans: ReadonlyMap<string, { plan: Plan; version: number }>;
  readonly quotas: readonly QuotaInput[];
  readonly employment: { hireDate?: IsoDate; termDate?: IsoDate };
  readonly credits: readonly Credit[];
  readonly mbo: Readonly<Record<string, Readonly<Record<string, Decimal>>>>;
}

export function payeeSegments(input: PayeeSegmentsInput): SegmentInput[] {
  const assignments = [...input.assignments].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const planOf = (a: AssignmentInput) => {
    const found = input.plans.get(a.planId);
    if (!found) {
      throw new AttainError(
        'PLAN_NOT_FOUND',
        `Payee ${input.payeeId} is assigned plan ${a.planId} from ${a.validFrom}, but no version of it is in force`,
        { payee: input.payeeId, plan: a.planId, validFrom: a.validFrom },
      );
    }
    return found;
  };
  const segments = assignments.map((a) => ({
    assignment: a,
    ...planOf(a),
    quota: {} as Record<string, Record<string, Decimal>>,
    targetIncentive: {} as Record<string, Decimal>,
    credits: [] as Credit[],
  }));

  // Quota and target incentive per quota period, prorated across the assignments it spans.
  const quotaPeriods = new Map<string, { period: Period; plan: Plan }>();
  for (const s of segments) {
    const calendar = s.plan.calendar ?? input.calendar;
    const to = s.assignment.validTo === null ? input.period.end : addDays(s.assignment.validTo, -1);
    const from = s.assignment.validFrom > input.lookbackFrom ? s.assignment.validFrom : input.lookbackFrom;
    if (from > to || from > input.period.end) continue;
    for (const p of periodsBetween(calendar, s.plan.quotaPeriod, from, to < input.period.end ? to : input.period.end)) {
      quotaPeriods.set(`${s.plan.quotaPeriod}|${p.period}`, { period: p, plan: s.plan });
    }
  }
  for (const { period, plan } of quotaPeriods.values()) {
    const full: Record<string, Decimal> = {};
    for (const q of input.quotas) {
      if (q.period !== period.period) continue;
      if (q.currency !== plan.currency) {
        throw new AttainError(
          'QUOTA_CURRENCY_MISMATCH',
          `Payee ${input.payeeId}'s ${q.measure} quota for ${q.period} is in ${q.currency}, plan ${plan.id} pays in ${plan.currency}`,
          { payee: input.payeeId, measure: q.measure, period: q.period, currency: q.currency, plan: plan.id },
        );
      }
      full[q.measure] = q.amount;
    }
    const prorated = prorate({
      period,
      currency: plan.currency,
      quota: full,
      assignments: segments.map((s) => ({
        plan: s.assignment.planId,
        validFrom: s.assignment.validFrom,
        validTo: s.assignment.validTo,
        ...(s.assignment.targetIncentive === undefined ? {} : { targetIncentive: s.assignment.targetIncentive }),
      })),
      employment: {
        ...(input.employment.hireDate ? { hireDate: input.employment.hireDate } : {}),
        ...(input.employment.termDate ? { termDate: input.employment.termDate } : {}),
      },
    });
    for (const part of prorated) {
      const s = segments.find((x) => covers(x.assignment, part.start));
      if (!s) continue;
      s.quota[period.period] = part.quota;
      if (part.targetIncentive !== undefined) s.targetIncentive[period.period] = part.targetIncentive;
    }
  }

  // Credits by date; a cancellation goes with the credit it cancels, so the plan that paid takes it back.
  const segmentOfCredit = new Map<string, (typeof segments)[number]>();
  for (const c of input.credits) {
    if (c.cancels !== undefined) continue;
    const s = segments.find((x) => covers(x.assignment, c.date));
    if (s) {
      s.credits.push(c);
      segmentOfCredit.set(c.id, s);
    }
  }
  // A credit dated outside every assignment earned nothing under a plan, so its cancellation takes
  // nothing back either.
  const unplanned = new Set(
    input.credits.filter((c) => c.cancels === undefined && !segmentOfCredit.has(c.id)).map((c) => c.id),
  );
  for (const c of input.credits) {
    if (c.cancels === undefined || unplanned.has(c.cancels)) continue;
    const s = segmentOfCredit.get(c.cancels) ?? segments.find((x) => covers(x.assignment, c.date));
    s?.credits.push(c);
  }

  return segments.map((s) => ({
    plan: s.plan,
    planVersion: s.version,
    from: s.assignment.validFrom,
    to: s.assignment.validTo,
    quota: s.quota,
    targetIncentive: s.targetIncentive,
    credits: s.credits,
    mbo: scoresFor(s.plan, s.assignment, input),
  }));
}

function covers(a: AssignmentInput, date: IsoDate): boolean {
  return a.validFrom <= date && (a.validTo === null || date < a.validTo);
}

/** The scores of this plan's mbo components for its pay periods within the assignment and the run. */
function scoresFor(
  plan: Plan,
  assignment: AssignmentInput,
  input: PayeeSegmentsInput,
): Record<string, Record<string, Decimal>> {
  const mboIds = new Set(plan.components.filter((c) => c.kind === 'mbo').map((c) => c.id));
  if (mboIds.size === 0) return {};
  const calendar = plan.calendar ?? input.calendar;
  const out: Record<string, Record<string, Decimal>> = {};
  for (const [label, scores] of Object.entries(input.mbo)) {
    let period: ReturnType<typeof parsePeriod>;
    try {
      period = parsePeriod(calendar, label);
    } catch {
      continue;
    }
    if (period.grain !== plan.payPeriod || period.end > input.period.end || period.start < input.lookbackFrom) continue;
    if (!covers(assignment, period.start)) continue;
    const mine = Object.entries(scores).filter(([id]) => mboIds.has(id));
    if (mine.length > 0) out[label] = Object.fromEntries(mine);
  }
  return out;
}
