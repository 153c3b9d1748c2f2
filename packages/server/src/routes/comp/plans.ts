// Compensation plans over HTTP (DESIGN §6, docs/compensation.md "Plan editor and estimator"): the
// list and each plan's versions, validation as the editor types (problems with path and line, 200
// either way), saving a new version (operations only), and a preview that runs a plan text on one
// real payee's quota period through core's simulate. Who reads plans: admin, ops, finance and
// managers every plan; a rep only the plans they are assigned. A preview needs the payee visible
// (§9): a rep on themselves, a manager the team; anyone else is 404, no hint that they exist.
import { type Plan, validatePlan } from '@attain/core/comp/plan-schema.ts';
import { simulate } from '@attain/core/comp/simulate.ts';
import { readYaml } from '@attain/core/comp/yaml-errors.ts';
import { addDays } from '@attain/core/dates/iso-date.ts';
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import { payeeScenario, scenarioAttainment } from '@attain/store/comp/payee-scenario.ts';
import { listPlans, planVersionsOf, savePlanVersion } from '@attain/store/comp/plan-versions.ts';
import type { Store } from '@attain/store/open-store.ts';
import { canSeePerson, visibleCondition, visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv, SessionViewer } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate } from '../schemas.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const notFound = json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'not found');

/** Plan texts are small documents; a megabyte is far past any real plan. */
const PlanText = z.string().max(1_000_000);

const PlanListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    version: z.number().int(),
    validFrom: IsoDate,
    versions: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('PlanListItem');

const PlanVersion = z
  .object({
    version: z.number().int(),
    name: z.string(),
    currency: z.string(),
    validFrom: IsoDate,
    source: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('PlanVersion');

const PlanSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    payPeriod: z.string(),
    quotaPeriod: z.string(),
    components: z.array(z.object({ id: z.string(), kind: z.string() })),
  })
  .openapi('PlanSummary');

const Problem = z.object({ path: z.string(), line: z.number().int().nullable(), message: z.string() });

const list = createRoute({
  method: 'get',
  path: '/api/plans',
  summary: 'Compensation plans with their latest version',
  responses: { 200: json(z.object({ plans: z.array(PlanListItem) }), 'plans'), ...errorResponses },
});
const show = createRoute({
  method: 'get',
  path: '/api/plans/{id}',
  summary: "A plan's versions, oldest first, with their source text",
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: json(
      z.object({
        id: z.string(),
        versions: z.array(PlanVersion),
        assignees: z.array(z.object({ externalId: z.string(), name: z.string() })).openapi({
          description:
            'people you may see on the plan in the last year: still on it first, longest on it first (at most 500)',
        }),
      }),
      'the plan',
    ),
    404: notFound,
    ...errorResponses,
  },
});
const validate = createRoute({
  method: 'post',
  path: '/api/plans/validate',
  summary: 'Validate a plan text: the plan summary, or every problem with its path and line',
  request: body(z.object({ text: PlanText })),
  responses: {
    200: json(
      z.union([
        z.object({ valid: z.literal(true), plan: PlanSummary }),
        z.object({ valid: z.literal(false), problems: z.array(Problem) }),
      ]),
      'the verdict',
    ),
    ...errorResponses,
  },
});
const save = createRoute({
  method: 'post',
  path: '/api/plans',
  summary: "Save a plan text as its plan's next version (admin and ops)",
  request: body(z.object({ text: PlanText, validFrom: IsoDate.optional() })),
  responses: {
    201: json(
      z.object({ created: z.boolean(), id: z.string(), version: z.number().int(), validFrom: IsoDate }),
      'saved',
    ),
    200: json(
      z.object({ created: z.boolean(), id: z.string(), version: z.number().int(), validFrom: IsoDate }),
      'the same text as the latest version: nothing saved',
    ),
    ...errorResponses,
  },
});
const preview = createRoute({
  method: 'post',
  path: '/api/plans/preview',
  summary: "Run a plan text on one payee's real credits, quota and target incentive for a quota period",
  request: body(
    z.object({
      text: PlanText,
      person: z.string().min(1).openapi({ description: "the payee's external id" }),
      period: z
        .string()
        .optional()
        .openapi({ description: 'a quota period label (FY2026, 2026-Q3); default the current one' }),
    }),
  ),
  responses: {
    200: json(
      z.object({
        person: z.object({ externalId: z.string(), name: z.string() }),
        quotaPeriod: z.object({ period: z.string(), start: IsoDate, end: IsoDate }),
        quota: z.record(z.string(), z.string()),
        targetIncentive: z.string().nullable(),
        assigned: z.boolean(),
        credits: z.number().int(),
        attainment: z.record(z.string(), z.string()),
        result: z
          .record(z.string(), z.unknown())
          .openapi({ description: 'the simulate JSON of the payee, with explain' }),
      }),
      'the preview',
    ),
    404: notFound,
    ...errorResponses,
  },
});

export function registerPlans(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const viewer = viewerOf(c);
    const readable = await readablePlans(c.var.store, viewer);
    const plans = (await listPlans(c.var.store.db)).filter((p) => readable === 'all' || readable.has(p.planId));
    return c.json(
      {
        plans: plans.map((p) => ({
          id: p.planId,
          name: p.name,
          currency: p.currency,
          version: p.version,
          validFrom: p.validFrom,
          versions: p.versions,
          createdAt: String(p.createdAt),
          createdBy: p.createdBy,
        })),
      },
      200,
    );
  });

  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    const readable = await readablePlans(c.var.store, viewerOf(c));
    const versions = readable === 'all' || readable.has(id) ? await planVersionsOf(c.var.store.db, id) : [];
    if (versions.length === 0) throw new AttainError('NOT_FOUND', `No plan "${id}"`, { plan: id });
    const visibility = await visiblePeople(c.var.store.db, viewerOf(c), c.var.today);
    const assignees = await c.var.store.db
      .selectFrom('plan_assignments as a')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['p.external_id', 'p.name'])
      .select((eb) => eb.fn.max(sql<string>`coalesce(a.valid_to, '9999-12-31'::date)`).as('until'))
      .select((eb) => eb.fn.min('a.valid_from').as('since'))
      .where('a.plan_id', '=', id)
      .where('a.valid_from', '<=', c.var.today)
      .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', addDays(c.var.today, -365))]))
      .where(visibleCondition(visibility, 'a.person_id'))
      .groupBy(['p.external_id', 'p.name'])
      .orderBy('until', 'desc')
      .orderBy('since')
      .orderBy('p.name')
      .limit(500)
      .execute();
    return c.json(
      {
        id,
        assignees: assignees.map((a) => ({ externalId: a.external_id, name: a.name })),
        versions: versions.map((v) => ({
          version: v.version,
          name: v.name,
          currency: v.currency,
          validFrom: v.validFrom,
          source: v.source,
          createdAt: String(v.createdAt),
          createdBy: v.createdBy,
        })),
      },
      200,
    );
  });

  app.openapi(validate, async (c) => {
    const { text } = c.req.valid('json');
    try {
      return c.json({ valid: true as const, plan: summaryOf(parsePlanText(text)) }, 200);
    } catch (error) {
      if (!isAttainError(error) || error.code !== 'PLAN_INVALID') throw error;
      return c.json({ valid: false as const, problems: problemsOf(error) }, 200);
    }
  });

  app.openapi(save, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'save compensation plans');
    const { text, validFrom } = c.req.valid('json');
    const saved = await savePlanVersion(c.var.store.db, {
      source: 'the plan editor',
      text,
      ...(validFrom === undefined ? {} : { validFrom }),
      actor: viewer.email,
    });
    const answer = { created: saved.created, id: saved.planId, version: saved.version, validFrom: saved.validFrom };
    return saved.created ? c.json(answer, 201) : c.json(answer, 200);
  });

  app.openapi(preview, async (c) => {
    const viewer = viewerOf(c);
    const { text, person, period } = c.req.valid('json');
    const personId = await canSeePerson(c.var.store.db, viewer, person, c.var.today);
    if (!personId) throw new AttainError('NOT_FOUND', `No person ${person}`, { person });
    const plan = parsePlanText(text);
    const built = await payeeScenario(c.var.store.db, { personId, plan, quotaPeriod: period, today: c.var.today });
    const result = simulate(built.scenario, { explain: true }).payees[0]!;
    const name = await c.var.store.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return c.json(
      {
        person: { externalId: person, name: name.name },
        quotaPeriod: built.quotaPeriod,
        quota: built.quota,
        targetIncentive: built.targetIncentive,
        assigned: built.assigned,
        credits: built.scenario.payees[0]?.credits.length ?? 0,
        attainment: scenarioAttainment(built.scenario, built.quotaPeriod),
        result: result as unknown as Record<string, unknown>,
      },
      200,
    );
  });
}

/** A plan text as the editor sends it, validated like `attain comp plan load` (PLAN_INVALID with lines). */
export function parsePlanText(text: string): Plan {
  const yaml = readYaml(text, 'the plan', 'PLAN_INVALID');
  return validatePlan(yaml.value, 'the plan', yaml.lineOf);
}

function problemsOf(error: AttainError) {
  const problems = (error.details.problems as { path: string; line?: number; message: string }[] | undefined) ?? [];
  if (problems.length === 0) return [{ path: '', line: null, message: error.message }];
  return problems.map((p) => ({ path: p.path, line: p.line ?? null, message: p.message }));
}

function summaryOf(plan: Plan) {
  return {
    id: plan.id,
    name: plan.name ?? plan.id,
    currency: plan.currency,
    payPeriod: plan.payPeriod,
    quotaPeriod: plan.quotaPeriod,
    components: plan.components.map((c) => ({ id: c.id, kind: c.kind })),
  };
}

/** Every plan for admin, ops, finance and managers; a rep the plans they have been assigned. */
async function readablePlans(store: Store, viewer: SessionViewer): Promise<'all' | Set<string>> {
  if (viewer.role !== 'rep') return 'all';
  if (viewer.personId === null) return new Set();
  const rows = await store.db
    .selectFrom('plan_assignments')
    .select('plan_id')
    .distinct()
    .where('person_id', '=', viewer.personId)
    .execute();
  return new Set(rows.map((r) => r.plan_id));
}
