// The scenario format of DESIGN §6: a what-if file that exercises a plan without a database. This
// format is relied on from outside Attain — keep it stable. `planFile` is a path relative to the
// scenario file; reading it is I/O, so the CLI resolves it and hands the plan text in.
import { z } from 'zod';
import { isIsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { calendar, count, currencyCode, decimal, nonNegative, type Plan, validatePlan } from './plan-schema.ts';
import { invalid, problemsOf, readYaml } from './yaml-errors.ts';

const date = z.string().refine(isIsoDate, 'must be a date in YYYY-MM-DD form');
const text = z.union([z.string(), z.number()]).transform(String);

const creditSchema = z.strictObject({
  id: text.pipe(z.string().min(1)),
  date,
  measure: z.string().default('bookings'),
  amount: decimal,
  currency: currencyCode.optional(),
  type: z.string().optional(),
  product: z.string().optional(),
  productFamily: z.string().optional(),
  contractMonths: count.optional(),
  cancels: text.optional(),
});

const payeeSchema = z.strictObject({
  id: text.pipe(z.string().min(1)),
  quota: z.record(z.string(), nonNegative).default({}),
  targetIncentive: nonNegative.optional(),
  credits: z.array(creditSchema).default([]),
  mbo: z
    .record(
      z.string(),
      z.record(
        z.string(),
        decimal.refine((s) => s.gte(0) && s.lte(1), 'a score is 0–1'),
      ),
    )
    .default({}),
});

export const scenarioSchema = z
  .strictObject({
    plan: z.unknown().optional(),
    planFile: z.string().optional(),
    calendar: calendar.optional(),
    fx: z
      .array(
        z.strictObject({
          date,
          from: currencyCode,
          to: currencyCode,
          rate: decimal.refine((r) => r.gt(0), 'must be above 0'),
        }),
      )
      .default([]),
    range: z
      .strictObject({ from: date, to: date })
      .refine((r) => r.from <= r.to, 'range ends before it starts')
      .optional(),
    payees: z.array(payeeSchema).default([]),
  })
  .superRefine((scenario, ctx) => {
    if ((scenario.plan === undefined) === (scenario.planFile === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'give exactly one of plan or planFile' });
    }
    const payeeIds = new Set<string>();
    scenario.payees.forEach((payee, p) => {
      if (payeeIds.has(payee.id))
        ctx.addIssue({ code: 'custom', path: ['payees', p, 'id'], message: `duplicate payee "${payee.id}"` });
      payeeIds.add(payee.id);
      const creditIds = new Set<string>();
      payee.credits.forEach((credit, c) => {
        if (creditIds.has(credit.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['payees', p, 'credits', c, 'id'],
            message: `duplicate credit "${credit.id}"`,
          });
        }
        creditIds.add(credit.id);
      });
    });
  });

export type ScenarioInput = z.output<typeof scenarioSchema>;
export type Payee = ScenarioInput['payees'][number];
export type Credit = Payee['credits'][number];
export type FxRate = ScenarioInput['fx'][number];
export type Scenario = Omit<ScenarioInput, 'plan' | 'planFile'> & { plan: Plan };

/** Why a scenario is wrong, by payee and credit: SCENARIO_INVALID with the path (no line: found after parsing). */
export function scenarioProblem(
  path: (string | number)[],
  message: string,
  details: Record<string, unknown> = {},
): AttainError {
  return new AttainError('SCENARIO_INVALID', `Invalid scenario: ${path.join('.')}: ${message}`, {
    path: path.join('.'),
    ...details,
  });
}

/**
 * Parses a scenario document. `readPlanFile` returns the text of `planFile` (the CLI reads it
 * relative to the scenario); plan errors are PLAN_INVALID with the plan's own file and line.
 */
export function parseScenario(
  textOfScenario: string,
  source: string,
  readPlanFile?: (planFile: string) => { text: string; source: string },
): Scenario {
  const yaml = readYaml(textOfScenario, source, 'SCENARIO_INVALID');
  const result = scenarioSchema.safeParse(yaml.value, { reportInput: true });
  if (!result.success) throw invalid('SCENARIO_INVALID', source, problemsOf(result.error, yaml.lineOf));
  const { plan, planFile, ...rest } = result.data;
  if (plan !== undefined) return { ...rest, plan: validatePlan(plan, source, yaml.lineOf, ['plan']) };
  if (!readPlanFile) {
    throw new AttainError('SCENARIO_INVALID', `${source}: planFile "${planFile}" cannot be read here`, { planFile });
  }
  const file = readPlanFile(planFile!);
  const planYaml = readYaml(file.text, file.source, 'PLAN_INVALID');
  return { ...rest, plan: validatePlan(planYaml.value, file.source, planYaml.lineOf) };
}

/** A scenario given as a value (JSON, the estimator, tests). */
export function validateScenario(value: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(value, { reportInput: true });
  if (!result.success) throw invalid('SCENARIO_INVALID', source, problemsOf(result.error));
  const { plan, planFile: _planFile, ...rest } = result.data;
  if (plan === undefined) throw new AttainError('SCENARIO_INVALID', `${source}: plan is required`, { path: 'plan' });
  return { ...rest, plan: validatePlan(plan, source, undefined, ['plan']) };
}
