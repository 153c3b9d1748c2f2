// Proration (issue 5, docs/proration.md): a payee who joins, leaves, takes unpaid leave or changes
// plan inside a quota period gets each plan assignment's quota and target incentive scaled by the
// days it covers. Days are calendar days of period ∩ assignment ∩ employment, minus leave days.
// Figures stay at full precision; the rounded ones use the cumulative rule of DESIGN §3 (round the
// running total in date order, take differences), so the segments add up exactly to the rounded total.

import { type Effective, overlaps } from '../dates/effective.ts';
import { assertIsoDate, fromDayNumber, type IsoDate, toDayNumber } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { Decimal, type DecimalInput, ZERO } from '../money/decimal.ts';
import { money, roundMoney } from '../money/money.ts';

/** Inclusive on both ends, like a quota period from the calendar. */
export interface DateSpan {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** One effective-dated plan assignment, [validFrom, validTo); its own full-period figures win. */
export interface ProrationAssignment extends Effective {
  readonly plan: string;
  readonly quota?: Readonly<Record<string, DecimalInput>>;
  readonly targetIncentive?: DecimalInput;
}

export interface Employment {
  readonly hireDate?: IsoDate;
  /** Last day worked, inclusive. */
  readonly termDate?: IsoDate;
}

/** Unpaid leave, inclusive on both ends. */
export interface Leave {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface ProrationInput {
  readonly period: DateSpan;
  /** Plan currency: quotas and target incentive are money in it and round to its minor unit. */
  readonly currency: string;
  /** Full-period quota per measure, used by assignments without their own. */
  readonly quota?: Readonly<Record<string, DecimalInput>>;
  /** Full-period target incentive, used by assignments without their own. */
  readonly targetIncentive?: DecimalInput;
  readonly assignments: readonly ProrationAssignment[];
  readonly employment?: Employment;
  readonly leaves?: readonly Leave[];
}

export interface ProratedSegment {
  readonly plan: string;
  /** First and last day (inclusive) of period ∩ assignment ∩ employment; leave inside still counts here. */
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** Calendar days from start to end, minus leave days. */
  readonly days: number;
  readonly periodDays: number;
  /** days ÷ periodDays, full precision. */
  readonly share: Decimal;
  /** Per measure, rounded to the minor unit by the cumulative rule. */
  readonly quota: Record<string, Decimal>;
  readonly targetIncentive?: Decimal;
  /** The same figures before rounding: full-period figure × days ÷ periodDays. */
  readonly exactQuota: Record<string, Decimal>;
  readonly exactTargetIncentive?: Decimal;
}

interface DayRange {
  first: number;
  last: number;
}

export function prorate(input: ProrationInput): ProratedSegment[] {
  const period = dayRange(input.period.start, input.period.end, 'period');
  const periodDays = period.last - period.first + 1;
  const employed = employmentRange(input.employment);
  const leaveDays = mergedLeave(input.leaves ?? []);
  const assignments = checkedAssignments(input.assignments);
  const defaultQuota = figures(input.quota ?? {}, 'quota');
  const defaultTarget = optionalFigure(input.targetIncentive, 'targetIncentive');

  const segments: Unrounded[] = [];
  for (const a of assignments) {
    const first = Math.max(period.first, toDayNumber(a.validFrom), employed.first);
    const last = Math.min(period.last, a.validTo === null ? period.last : toDayNumber(a.validTo) - 1, employed.last);
    if (first > last) continue;
    const days = last - first + 1 - leaveDays.reduce((n, l) => n + overlapDays(l, { first, last }), 0);
    const fullQuota = { ...defaultQuota, ...figures(a.quota ?? {}, `assignment ${a.plan} quota`) };
    const fullTarget = optionalFigure(a.targetIncentive, `assignment ${a.plan} targetIncentive`) ?? defaultTarget;
    segments.push({ plan: a.plan, first, last, days, fullQuota, fullTarget });
  }
  return roundCumulatively(segments, periodDays, input.currency);
}

interface Unrounded {
  plan: string;
  first: number;
  last: number;
  days: number;
  fullQuota: Record<string, Decimal>;
  fullTarget: Decimal | undefined;
}

/** full × days ÷ periodDays; multiplying first keeps whole-period figures exact. */
function prorated(full: Decimal, days: number, periodDays: number): Decimal {
  return full.times(days).dividedBy(periodDays);
}

/**
 * DESIGN §3 rounding across segments in date order, per figure: each rounded figure is the rounded
 * running total minus the rounded running total before it. The running total is kept as the exact
 * numerator Σ full × days and divided once, so a total that is exactly a half cent is not lost to
 * the digits each division drops (54,387.425 must round to .43, not .42499… to .42).
 */
function roundCumulatively(segments: Unrounded[], periodDays: number, currency: string): ProratedSegment[] {
  const running = new Map<string, { numerator: Decimal; rounded: Decimal }>();
  const next = (key: string, full: Decimal, days: number): Decimal => {
    const before = running.get(key) ?? { numerator: ZERO, rounded: ZERO };
    const numerator = before.numerator.plus(full.times(days));
    const rounded = roundMoney(money(numerator.dividedBy(periodDays), currency)).amount;
    running.set(key, { numerator, rounded });
    const part = rounded.minus(before.rounded);
    return part.isZero() ? ZERO : part;
  };
  return segments.map(({ plan, first, last, days, fullQuota, fullTarget }) => {
    const quota: Record<string, Decimal> = {};
    const exactQuota: Record<string, Decimal> = {};
    for (const [measure, full] of Object.entries(fullQuota)) {
      exactQuota[measure] = prorated(full, days, periodDays);
      quota[measure] = next(`quota:${measure}`, full, days);
    }
    return {
      plan,
      start: fromDayNumber(first),
      end: fromDayNumber(last),
      days,
      periodDays,
      share: new Decimal(days).dividedBy(periodDays),
      quota,
      exactQuota,
      ...(fullTarget === undefined
        ? {}
        : {
            targetIncentive: next('targetIncentive', fullTarget, days),
            exactTargetIncentive: prorated(fullTarget, days, periodDays),
          }),
    };
  });
}

function dayRange(from: IsoDate, to: IsoDate, field: string): DayRange {
  const first = toDayNumber(assertIsoDate(from, `${field} start`));
  const last = toDayNumber(assertIsoDate(to, `${field} end`));
  if (first > last) {
    throw new AttainError('PRORATION_INVALID', `${field} ends (${to}) before it starts (${from})`, {
      field,
      from,
      to,
    });
  }
  return { first, last };
}

function employmentRange(employment: Employment | undefined): DayRange {
  const first = employment?.hireDate === undefined ? -Infinity : toDayNumber(employment.hireDate);
  const last = employment?.termDate === undefined ? Infinity : toDayNumber(employment.termDate);
  if (first > last) {
    throw new AttainError(
      'PRORATION_INVALID',
      `termDate ${employment?.termDate} is before hireDate ${employment?.hireDate}`,
      { field: 'employment', hireDate: employment?.hireDate, termDate: employment?.termDate },
    );
  }
  return { first, last };
}

/** Leave ranges merged, so a day on two overlapping leaves is removed once. */
function mergedLeave(leaves: readonly Leave[]): DayRange[] {
  const ranges = leaves.map((l, i) => dayRange(l.from, l.to, `leave ${i}`)).sort((a, b) => a.first - b.first);
  const merged: DayRange[] = [];
  for (const r of ranges) {
    const prev = merged.at(-1);
    if (prev && r.first <= prev.last + 1) prev.last = Math.max(prev.last, r.last);
    else merged.push({ ...r });
  }
  return merged;
}

function overlapDays(a: DayRange, b: DayRange): number {
  return Math.max(0, Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1);
}

/** Sorted by validFrom; a day under two assignments is PLAN_ASSIGNMENT_OVERLAP. */
function checkedAssignments(assignments: readonly ProrationAssignment[]): ProrationAssignment[] {
  for (const a of assignments) {
    assertIsoDate(a.validFrom, `assignment ${a.plan} validFrom`);
    if (a.validTo !== null && assertIsoDate(a.validTo, `assignment ${a.plan} validTo`) <= a.validFrom) {
      throw new AttainError(
        'PRORATION_INVALID',
        `Assignment of plan ${a.plan} ends (${a.validTo}) on or before it starts (${a.validFrom})`,
        { plan: a.plan, validFrom: a.validFrom, validTo: a.validTo },
      );
    }
  }
  const sorted = [...assignments].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (overlaps(a, b)) {
      throw new AttainError(
        'PLAN_ASSIGNMENT_OVERLAP',
        `Plan assignments ${a.plan} [${a.validFrom}, ${a.validTo ?? '∞'}) and ${b.plan} [${b.validFrom}, ${b.validTo ?? '∞'}) overlap`,
        {
          plans: [a.plan, b.plan],
          first: { validFrom: a.validFrom, validTo: a.validTo },
          second: { validFrom: b.validFrom, validTo: b.validTo },
        },
      );
    }
  }
  return sorted;
}

function figures(values: Readonly<Record<string, DecimalInput>>, field: string): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const [measure, value] of Object.entries(values)) out[measure] = figure(value, `${field}.${measure}`);
  return out;
}

function optionalFigure(value: DecimalInput | undefined, field: string): Decimal | undefined {
  return value === undefined ? undefined : figure(value, field);
}

function figure(value: DecimalInput, field: string): Decimal {
  let parsed: Decimal | undefined;
  try {
    parsed = new Decimal(value);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !parsed.isFinite() || parsed.isNegative()) {
    throw new AttainError('PRORATION_INVALID', `${field} "${String(value)}" is not a non-negative amount`, {
      field,
      value: String(value),
    });
  }
  return parsed;
}
