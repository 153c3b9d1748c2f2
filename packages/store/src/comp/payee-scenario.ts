// A §6 scenario for one real payee and one quota period: what the plan editor's preview and the
// estimator run through core's simulate. The payee's quota for that quota period, the target
// incentive of the plan assignment (both prorated like a compensation run, payee-segments.ts, when
// the assignment or employment covers only part of it), the credits the last crediting left dated
// in it (in their transaction currency, with the FX rows that convert them), and the MBO scores.
// The plan is given: a text being edited, or the version the payee is on.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { Period } from '@attain/core/calendar/period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { creditsAsOf, resolveCancellations } from '@attain/core/comp/apply-cancellations.ts';
import { convertFx } from '@attain/core/comp/convert-fx.ts';
import { type AssignmentInput, payeeSegments } from '@attain/core/comp/payee-segments.ts';
import type { Plan } from '@attain/core/comp/plan-schema.ts';
import type { Credit, Scenario } from '@attain/core/comp/scenario-schema.ts';
import { AttainError } from '@attain/core/errors.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { fxRowsFor, loadPayeeInputs } from './load-run-inputs.ts';

export interface PayeeScenarioOptions {
  personId: string;
  plan: Plan;
  /** A quota period label of the plan's quotaPeriod grain (FY2026, 2026-Q3, …); default the one holding `today`. */
  quotaPeriod?: string | undefined;
  today: string;
  /** Hypothetical credits the caller will add (the estimator's deals): their FX rows are included too. */
  extraCredits?: readonly Credit[];
}

export interface PayeeScenario {
  /** One payee (the person's external id), range = the quota period, explain-ready. */
  scenario: Scenario;
  quotaPeriod: Period;
  /** Per measure, the quota the scenario uses (prorated), as decimal strings. */
  quota: Record<string, string>;
  targetIncentive: string | null;
  /** False when no plan assignment of the person reaches into the quota period (full quota, no target incentive). */
  assigned: boolean;
}

export async function payeeScenario(db: Kysely<Database>, options: PayeeScenarioOptions): Promise<PayeeScenario> {
  const { plan } = options;
  const settings = await readSettings(db);
  const calendar = plan.calendar ?? settings.fiscalCalendar;
  const quotaPeriod = quotaPeriodOf(calendar, plan, options.quotaPeriod, options.today);
  const window = { lookbackFrom: quotaPeriod.start, start: quotaPeriod.start, end: quotaPeriod.end };
  const inputs = (await loadPayeeInputs(db, [options.personId], { ...window, period: quotaPeriod.period })).get(
    options.personId,
  );
  if (!inputs) {
    throw new AttainError('PERSON_NOT_FOUND', `There is no person with id ${options.personId}`, {
      person: options.personId,
    });
  }

  // The assignments reaching into the quota period; the plan under preview stands in for whatever
  // plan they name, or only for its own assignments when the payee is on a plan with its id.
  const overlapping = inputs.assignments.filter(
    (a) => a.validFrom <= quotaPeriod.end && (a.validTo === null || a.validTo > quotaPeriod.start),
  );
  const own = overlapping.filter((a) => a.planId === plan.id);
  const chosen: AssignmentInput[] = own.length > 0 ? own : overlapping;
  const assigned = chosen.length > 0;
  const assignments: AssignmentInput[] = assigned
    ? overlapping.map((a) => ({
        planId: a.planId,
        validFrom: a.validFrom,
        validTo: a.validTo,
        targetIncentive: a.targetIncentive,
      }))
    : [{ planId: plan.id, validFrom: quotaPeriod.start, validTo: null, targetIncentive: undefined }];
  const segments = payeeSegments({
    payeeId: inputs.externalId,
    calendar,
    period: quotaPeriod,
    lookbackFrom: quotaPeriod.start,
    assignments,
    plans: new Map(assignments.map((a) => [a.planId, { plan, version: 0 }])),
    quotas: inputs.quotas,
    employment: {
      ...(inputs.hireDate ? { hireDate: inputs.hireDate } : {}),
      ...(inputs.termDate ? { termDate: inputs.termDate } : {}),
    },
    credits: inputs.credits.map(({ transactionId: _, ...credit }) => credit),
    mbo: inputs.mbo,
  }).filter((s) => !assigned || chosen.some((a) => a.validFrom === s.from && a.planId === planIdOf(s, assignments)));

  const quota: Record<string, Decimal> = {};
  let targetIncentive: Decimal | undefined;
  const credits: Credit[] = [];
  const mbo: Record<string, Record<string, Decimal>> = {};
  for (const s of segments) {
    for (const [measure, amount] of Object.entries(s.quota[quotaPeriod.period] ?? {})) {
      quota[measure] = (quota[measure] ?? ZERO).plus(amount);
    }
    const ti = s.targetIncentive[quotaPeriod.period];
    if (ti !== undefined) targetIncentive = (targetIncentive ?? ZERO).plus(ti);
    credits.push(...s.credits);
    for (const [label, scores] of Object.entries(s.mbo)) mbo[label] = { ...mbo[label], ...scores };
  }
  // A take-back of a credit from before the quota period has nothing here to take back from.
  const ids = new Set(credits.map((c) => c.id));
  const counted = credits.filter((c) => c.cancels === undefined || ids.has(c.cancels));

  const needs = [...counted, ...(options.extraCredits ?? [])]
    .filter((c) => c.currency !== undefined && c.currency !== plan.currency)
    .map((c) => ({ from: c.currency!, to: plan.currency, date: c.date }));
  const fx = await fxRowsFor(db, needs);
  const scenario: Scenario = {
    plan,
    // simulate resolves any calendar input (resolveCalendar); the workspace's may leave defaults out
    calendar: calendar as Scenario['calendar'],
    fx,
    range: { from: quotaPeriod.start, to: quotaPeriod.end },
    payees: [
      {
        id: inputs.externalId,
        quota,
        ...(targetIncentive === undefined ? {} : { targetIncentive }),
        credits: counted,
        mbo,
      },
    ],
  };
  return {
    scenario,
    quotaPeriod: { period: quotaPeriod.period, start: quotaPeriod.start, end: quotaPeriod.end },
    quota: Object.fromEntries(Object.entries(quota).map(([m, q]) => [m, q.toFixed()])),
    targetIncentive: targetIncentive === undefined ? null : targetIncentive.toFixed(),
    assigned,
  };
}

/** The scenario with more credits for its one payee (the estimator's hypothetical deals). */
export function withCredits(scenario: Scenario, extra: readonly Credit[]): Scenario {
  const [payee] = scenario.payees;
  if (!payee) return scenario;
  return { ...scenario, payees: [{ ...payee, credits: [...payee.credits, ...extra] }] };
}

/**
 * Attainment per measure with a quota: the quota period's credits (cancellations applied, in plan
 * currency) ÷ the quota, to 6 decimals, as the statement shows it (compute-pay-period.ts).
 */
export function scenarioAttainment(scenario: Scenario, quotaPeriod: Period): Record<string, string> {
  const [payee] = scenario.payees;
  if (!payee) return {};
  const { plan } = scenario;
  const priced = payee.credits.map((c) => {
    const currency = c.currency ?? plan.currency;
    return {
      ...c,
      currency,
      written: c.amount,
      amount: convertFx(c.amount, scenario.fx, currency, plan.currency, c.date),
    };
  });
  const resolved = resolveCancellations(priced, plan.clawback, ['payees', 0, 'credits']);
  const counted = creditsAsOf(resolved.credits, resolved.cancellations, quotaPeriod.end).filter(
    (c) => c.credit.date >= quotaPeriod.start && c.credit.date <= quotaPeriod.end,
  );
  const out: Record<string, string> = {};
  for (const [measure, q] of Object.entries(payee.quota)) {
    if (new Decimal(q).isZero()) continue;
    const total = counted.filter((c) => c.credit.measure === measure).reduce((s, c) => s.plus(c.amount), ZERO);
    out[measure] = total.dividedBy(q).toDecimalPlaces(6).toFixed();
  }
  return out;
}

function quotaPeriodOf(
  calendar: Parameters<typeof periodOf>[0],
  plan: Plan,
  label: string | undefined,
  today: string,
): Period {
  if (label === undefined) return periodOf(calendar, today, plan.quotaPeriod);
  const period = parsePeriod(calendar, label);
  if (period.grain !== plan.quotaPeriod) {
    throw new AttainError(
      'PERIOD_INVALID',
      `${label} is not a quota period of plan ${plan.id}: its quotaPeriod is ${plan.quotaPeriod}`,
      { period: label, quotaPeriod: plan.quotaPeriod },
    );
  }
  return period;
}

/** payeeSegments gives the preview plan for every segment; its assignment is the one starting at `from`. */
function planIdOf(segment: { from: string }, assignments: readonly AssignmentInput[]): string | undefined {
  return assignments.find((a) => a.validFrom === segment.from)?.planId;
}
