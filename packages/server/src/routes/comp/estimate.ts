// "If I close this deal" (DESIGN §1: a rep's what-if estimate; docs/compensation.md "Plan editor and
// estimator"). The payee's plan in force on the deal's close date runs over the quota period holding
// it through core's simulate, once on the real credits and once with the hypothetical deals added:
// earnings per pay period and in total before and after, attainment before and after, and where
// each deal lands (its tier slices from explain). A deal may name an open opportunity the caller
// can see, which fills what it does not give. Who: a rep for themselves, a manager the team,
// finance, ops and admin anyone (§9); an invisible payee or opportunity is 404.
import { periodOf } from '@attain/core/calendar/period-of.ts';
import type { Credit } from '@attain/core/comp/scenario-schema.ts';
import { simulate } from '@attain/core/comp/simulate.ts';
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { payeeScenario, scenarioAttainment, withCredits } from '@attain/store/comp/payee-scenario.ts';
import { planVersionsOf, versionInForce } from '@attain/store/comp/plan-versions.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import { canSeePerson, visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';

const Deal = z.object({
  amount: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 25000 or 25000.50')
    .optional()
    .openapi({ example: '25000' }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .optional(),
  closeDate: IsoDate.optional(),
  type: z.string().optional(),
  product: z.string().optional(),
  opportunity: z.string().optional().openapi({ description: 'an open opportunity you may see; fills the rest' }),
});

const Landing = z.object({
  component: z.string(),
  earned: z.string(),
  tier: z.number().int().optional(),
  rate: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  atLeast: z.string().optional(),
});

const Estimate = z
  .object({
    person: z.object({ externalId: z.string(), name: z.string() }),
    plan: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
    currency: z.string(),
    quotaPeriod: z.object({ period: z.string(), start: IsoDate, end: IsoDate }),
    quota: z.record(z.string(), z.string()),
    targetIncentive: z.string().nullable(),
    deals: z.array(
      z.object({
        id: z.string(),
        opportunity: z.string().nullable(),
        name: z.string().nullable(),
        amount: Money,
        currency: z.string(),
        closeDate: IsoDate,
        type: z.string().nullable(),
        product: z.string().nullable(),
        lands: z.array(Landing),
      }),
    ),
    periods: z.array(z.object({ period: z.string(), before: Money, after: Money, difference: Money })),
    total: z.object({ before: Money, after: Money, difference: Money }),
    attainment: z.object({ before: z.record(z.string(), z.string()), after: z.record(z.string(), z.string()) }),
  })
  .openapi('CompEstimate');

const route = createRoute({
  method: 'post',
  path: '/api/comp/estimate',
  summary: 'What a payee would earn if these deals closed: before, after and the difference',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            person: z.string().optional().openapi({ description: "a payee's external id; default your own" }),
            deals: z.array(Deal).min(1).max(20),
          }),
        },
      },
    },
  },
  responses: {
    200: { description: 'the estimate', content: { 'application/json': { schema: Estimate } } },
    404: {
      description: 'no such payee or opportunity visible to you',
      content: {
        'application/json': { schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }) },
      },
    },
    ...errorResponses,
  },
});

interface FilledDeal {
  id: string;
  opportunity: string | null;
  name: string | null;
  amount: string;
  currency: string;
  closeDate: string;
  type: string | null;
  product: string | null;
  productFamily: string | null;
}

export function registerEstimate(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    const db = c.var.store.db;
    const { person: asked, deals } = c.req.valid('json');
    const person = asked ?? viewer.personExternalId;
    if (!person) {
      throw new AttainError('PERSON_REQUIRED', 'Your login has no person: name the payee to estimate for', {});
    }
    const personId = await canSeePerson(db, viewer, person, c.var.today);
    if (!personId) throw new AttainError('NOT_FOUND', `No person ${person}`, { person });

    const visibility = await visiblePeople(db, viewer, c.var.today);
    const filled: FilledDeal[] = [];
    for (const [i, deal] of deals.entries()) {
      let from: Omit<FilledDeal, 'id'> | undefined;
      if (deal.opportunity !== undefined) {
        const { rows } = await sql<{
          external_id: string;
          name: string | null;
          owner_id: string | null;
          amount: string | null;
          currency: string;
          close_date: string | null;
          type: string | null;
          product: string | null;
          family: string | null;
        }>`
          select o.external_id, o.name, o.owner_id, o.amount, o.currency, o.close_date, o.type, p.name as product, p.family
            from opportunities o left join products p on p.id = o.product_id
           where o.external_id = ${deal.opportunity} and o.status = 'open'`.execute(db);
        const o = rows[0];
        const visible =
          o && (visibility.kind === 'all' || (o.owner_id !== null && visibility.personIds.includes(o.owner_id)));
        if (!o || !visible) {
          throw new AttainError('NOT_FOUND', `No open opportunity ${deal.opportunity}`, {
            opportunity: deal.opportunity,
          });
        }
        from = {
          opportunity: o.external_id,
          name: o.name,
          amount: o.amount ?? '',
          currency: o.currency.trim(),
          closeDate: o.close_date ?? '',
          type: o.type,
          product: o.product,
          productFamily: o.family,
        };
      }
      const product = deal.product ?? from?.product ?? null;
      const amount = deal.amount ?? from?.amount ?? '';
      const closeDate = deal.closeDate ?? from?.closeDate ?? '';
      if (amount === '' || closeDate === '') {
        throw new AttainError('REQUEST_INVALID', `Deal ${i + 1} needs an amount and a close date`, {
          issues: [{ path: `deals.${i}`, message: 'needs amount and closeDate, or an opportunity that has them' }],
        });
      }
      filled.push({
        id: `what-if-${i + 1}`,
        opportunity: from?.opportunity ?? null,
        name: from?.name ?? null,
        amount,
        currency: deal.currency ?? from?.currency ?? '',
        closeDate,
        type: deal.type ?? from?.type ?? null,
        product,
        productFamily: deal.product === undefined ? (from?.productFamily ?? null) : await familyOf(c, deal.product),
      });
    }

    // The plan the payee is on when the first deal closes, its version in force that day.
    const first = filled[0]!;
    const assignment = await db
      .selectFrom('plan_assignments')
      .select(['plan_id'])
      .where('person_id', '=', personId)
      .where('valid_from', '<=', first.closeDate)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', first.closeDate)]))
      .executeTakeFirst();
    if (!assignment) {
      throw new AttainError('PLAN_NOT_ASSIGNED', `${person} is on no compensation plan on ${first.closeDate}`, {
        person,
        date: first.closeDate,
      });
    }
    const stored = versionInForce(await planVersionsOf(db, assignment.plan_id), first.closeDate);
    if (!stored) {
      throw new AttainError(
        'PLAN_NOT_FOUND',
        `No version of plan ${assignment.plan_id} is in force on ${first.closeDate}`,
        {
          plan: assignment.plan_id,
          date: first.closeDate,
        },
      );
    }
    const plan = stored.plan;
    const calendar = plan.calendar ?? (await readSettings(db)).fiscalCalendar;
    const quotaPeriod = periodOf(calendar, first.closeDate, plan.quotaPeriod);
    for (const deal of filled) {
      if (deal.closeDate < quotaPeriod.start || deal.closeDate > quotaPeriod.end) {
        throw new AttainError(
          'ESTIMATE_INVALID',
          `Deal ${deal.id} closes ${deal.closeDate}, outside ${quotaPeriod.period}: estimate one quota period at a time`,
          { deal: deal.id, closeDate: deal.closeDate, quotaPeriod: quotaPeriod.period },
        );
      }
    }
    const measure = plan.components.find((k) => k.kind === 'rate-table')?.measure ?? 'bookings';
    const credits: Credit[] = filled.map((d) => ({
      id: d.id,
      date: d.closeDate,
      measure,
      amount: new Decimal(d.amount),
      currency: d.currency === '' ? plan.currency : d.currency,
      ...(d.type === null ? {} : { type: d.type }),
      ...(d.product === null ? {} : { product: d.product }),
      ...(d.productFamily === null ? {} : { productFamily: d.productFamily }),
    }));

    const built = await payeeScenario(db, {
      personId,
      plan,
      quotaPeriod: quotaPeriod.period,
      today: c.var.today,
      extraCredits: credits,
    });
    const withDeals = withCredits(built.scenario, credits);
    const before = simulate(built.scenario).payees[0]!;
    const after = simulate(withDeals, { explain: true }).payees[0]!;
    const earnedBefore = new Map(before.periods.map((p) => [p.period, p.earned]));
    const minus = (a: string, b: string) => new Decimal(a).minus(b).toFixed(2);
    const name = await db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirstOrThrow();

    return c.json(
      {
        person: { externalId: person, name: name.name },
        plan: { id: plan.id, version: stored.version, name: plan.name ?? plan.id },
        currency: plan.currency,
        quotaPeriod: built.quotaPeriod,
        quota: built.quota,
        targetIncentive: built.targetIncentive,
        deals: filled.map((d) => ({
          id: d.id,
          opportunity: d.opportunity,
          name: d.name,
          amount: d.amount,
          currency: d.currency === '' ? plan.currency : d.currency,
          closeDate: d.closeDate,
          type: d.type,
          product: d.product,
          lands: landingsOf(after.periods, d.id),
        })),
        periods: after.periods.map((p) => {
          const was = earnedBefore.get(p.period) ?? '0.00';
          return { period: p.period, before: was, after: p.earned, difference: minus(p.earned, was) };
        }),
        total: {
          before: before.total.earned,
          after: after.total.earned,
          difference: minus(after.total.earned, before.total.earned),
        },
        attainment: {
          before: scenarioAttainment(built.scenario, built.quotaPeriod),
          after: scenarioAttainment(withDeals, built.quotaPeriod),
        },
      },
      200,
    );
  });
}

type ExplainedPeriod = { explain?: Record<string, Record<string, unknown>> };
type ExplainedCredit = {
  credit: string;
  earned: string;
  from?: string;
  to?: string;
  slices?: { tier: number; rate: string }[];
};

/** Where one deal lands, from the explain of the period it closes in: the tier it ends in, bonuses, steps. */
function landingsOf(periods: readonly ExplainedPeriod[], id: string): z.infer<typeof Landing>[] {
  const out: z.infer<typeof Landing>[] = [];
  for (const period of periods) {
    for (const [component, explanation] of Object.entries(period.explain ?? {})) {
      const credits = (explanation.credits as ExplainedCredit[] | undefined) ?? [];
      for (const credit of credits.filter((x) => x.credit === id)) {
        const last = credit.slices?.at(-1);
        out.push({
          component,
          earned: credit.earned,
          ...(last ? { tier: last.tier, rate: last.rate } : {}),
          ...(credit.from === undefined ? {} : { from: credit.from }),
          ...(credit.to === undefined ? {} : { to: credit.to }),
        });
      }
      const reached = (explanation.reached as { credit: string; atLeast: string }[] | undefined) ?? [];
      for (const step of reached.filter((r) => r.credit === id)) {
        out.push({ component, earned: '', atLeast: step.atLeast });
      }
    }
  }
  return out;
}

async function familyOf(c: { var: AppEnv['Variables'] }, product: string): Promise<string | null> {
  const row = await c.var.store.db
    .selectFrom('products')
    .select('family')
    .where('name', '=', product)
    .executeTakeFirst();
  return row?.family ?? null;
}
