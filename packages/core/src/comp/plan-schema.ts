// The plan language of DESIGN §6 as zod schemas, with §6's defaults. This format is relied on from
// outside Attain — keep it stable. An unknown field anywhere is PLAN_INVALID with its path (and its
// line when the plan came from YAML); tiers are contiguous from 0, half-open [from, to).
import { z } from 'zod';
import { calendarSchema } from '../calendar/calendar-schema.ts';
import { isCurrencyCode } from '../money/currency.ts';
import { Decimal } from '../money/decimal.ts';
import { invalid, problemsOf, readYaml, type YamlSource } from './yaml-errors.ts';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A decimal written as a YAML/JSON number or a numeric string; never a JS float inside. */
export const decimal = z
  .union([z.number(), z.string().regex(NUMBER, 'must be a number')], { error: 'must be a number' })
  .transform((v) => new Decimal(typeof v === 'number' ? String(v) : v));
export const nonNegative = decimal.refine((d) => !d.isNegative(), 'must not be negative');
/** A whole count (periods, days, months) written as a number or its text. */
export const count = z
  .union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number')], { error: 'must be a whole number' })
  .transform(Number)
  .pipe(z.number().int().min(0));
export const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
export const currencyCode = z.string().refine(isCurrencyCode, 'must be an ISO 4217 code such as USD');
const grain = z.enum(['month', 'quarter', 'half', 'year']);
const id = z.string().min(1);

/** Numbers inside a calendar arrive as text from YAML; the calendar schema wants numbers. */
export const calendar = z.preprocess(
  (v) =>
    typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x]),
        )
      : v,
  calendarSchema,
);

export const whenSchema = z.strictObject({
  type: z.string().optional(),
  product: z.string().optional(),
  productFamily: z.string().optional(),
  amountAtLeast: decimal.optional(),
});

const tierSchema = z.strictObject({
  from: nonNegative.optional(),
  to: nonNegative.optional(),
  rate: decimal.optional(),
  amount: decimal.optional(),
});

const rateTable = z
  .strictObject({
    id,
    kind: z.literal('rate-table'),
    measure: z.string().default('bookings'),
    input: z.enum(['attainment', 'amount']).default('amount'),
    scope: z.enum(['cumulative', 'transaction']).default('cumulative'),
    method: z.enum(['marginal', 'retroactive', 'interpolated']).default('marginal'),
    rateBase: z.enum(['credit', 'target']).default('credit'),
    when: whenSchema.optional(),
    tiers: z.array(tierSchema).min(1),
    cap: decimal.optional(),
  })
  .superRefine((table, ctx) => {
    const interpolated = table.method === 'interpolated';
    table.tiers.forEach((tier, i) => {
      const at = (field: string) => ['tiers', i, field];
      const expectedFrom = i === 0 ? new Decimal(0) : table.tiers[i - 1]!.to;
      if (tier.from !== undefined && expectedFrom !== undefined && !tier.from.eq(expectedFrom)) {
        const message = i === 0 ? 'the first tier starts at 0' : `tiers are contiguous: expected ${expectedFrom}`;
        ctx.addIssue({ code: 'custom', path: at('from'), message });
      }
      const last = i === table.tiers.length - 1;
      if (tier.to === undefined && (!last || interpolated)) {
        const message = interpolated ? 'interpolated tiers need `to`' : 'only the last tier may be open-ended';
        ctx.addIssue({ code: 'custom', path: ['tiers', i], message });
      }
      const from = tier.from ?? expectedFrom;
      if (tier.to !== undefined && from !== undefined && !tier.to.gt(from)) {
        ctx.addIssue({ code: 'custom', path: at('to'), message: `must be above from (${from})` });
      }
      if (interpolated ? tier.amount === undefined : tier.rate === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i], message: `needs \`${interpolated ? 'amount' : 'rate'}\`` });
      }
      if (interpolated ? tier.rate !== undefined : tier.amount !== undefined) {
        const message = interpolated
          ? 'interpolated tiers have `amount`, not `rate`'
          : 'use `rate` (amount is for interpolated tiers)';
        ctx.addIssue({ code: 'custom', path: at(interpolated ? 'rate' : 'amount'), message });
      }
    });
  })
  .transform((table) => {
    let previous = new Decimal(0);
    const tiers = table.tiers.map((tier) => {
      const from = tier.from ?? previous;
      previous = tier.to ?? previous;
      return { from, to: tier.to, value: (tier.rate ?? tier.amount)! };
    });
    return { ...table, tiers };
  });

const perCreditBonus = z.strictObject({
  id,
  kind: z.literal('per-credit-bonus'),
  measure: z.string().default('bookings'),
  when: whenSchema.optional(),
  amount: decimal,
});

const attainmentBonus = z.strictObject({
  id,
  kind: z.literal('attainment-bonus'),
  measure: z.string().default('bookings'),
  steps: z.array(z.strictObject({ atLeast: decimal, amount: decimal })).min(1),
});

const mbo = z.strictObject({ id, kind: z.literal('mbo'), weight: nonNegative });
const guarantee = z.strictObject({ id, kind: z.literal('guarantee'), amount: nonNegative, periods: count.optional() });

const component = z.discriminatedUnion('kind', [rateTable, perCreditBonus, attainmentBonus, mbo, guarantee], {
  error: 'kind must be rate-table, per-credit-bonus, attainment-bonus, mbo or guarantee',
});

export const planSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    currency: currencyCode,
    calendar: calendar.optional(),
    payPeriod: grain.default('month'),
    quotaPeriod: grain.default('year'),
    components: z.array(component).min(1),
    draw: z
      .strictObject({ amount: nonNegative, recoverable: flag.default(true), periods: count.optional() })
      .optional(),
    clawback: z
      .strictObject({ windowDays: count.optional(), percent: decimal.optional(), proRata: flag.default(false) })
      .refine((c) => !(c.proRata && c.percent !== undefined), 'use either percent or proRata, not both')
      .transform((c) => ({ windowDays: c.windowDays, proRata: c.proRata, percent: c.percent ?? new Decimal(1) }))
      .optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.components.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['components', i, 'id'], message: `duplicate id "${c.id}"` });
      seen.add(c.id);
    });
  });

export type Plan = z.output<typeof planSchema>;
export type PlanComponent = Plan['components'][number];
export type RateTable = Extract<PlanComponent, { kind: 'rate-table' }>;
export type PerCreditBonus = Extract<PlanComponent, { kind: 'per-credit-bonus' }>;
export type AttainmentBonus = Extract<PlanComponent, { kind: 'attainment-bonus' }>;
export type Mbo = Extract<PlanComponent, { kind: 'mbo' }>;
export type Guarantee = Extract<PlanComponent, { kind: 'guarantee' }>;
export type Tier = RateTable['tiers'][number];
export type When = z.output<typeof whenSchema>;
export type Draw = NonNullable<Plan['draw']>;
export type Clawback = NonNullable<Plan['clawback']>;

/** Validates a plan given as a value; `prefix` and `lineOf` place errors inside a larger YAML file. */
export function validatePlan(
  value: unknown,
  source = 'plan',
  lineOf?: YamlSource['lineOf'],
  prefix: string[] = [],
): Plan {
  const result = planSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw invalid('PLAN_INVALID', source, problemsOf(result.error, lineOf, prefix));
}

/** Parses a plan YAML (or JSON) document; errors name the path and the line. */
export function parsePlan(text: string, source: string): Plan {
  const yaml = readYaml(text, source, 'PLAN_INVALID');
  return validatePlan(yaml.value, source, yaml.lineOf);
}
