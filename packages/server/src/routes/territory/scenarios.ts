// Territory scenarios over HTTP (DESIGN §5.1, §9): ops and admin change them; managers may read.
import { compareScenario } from '@attain/store/territory/scenario-compare.ts';
import {
  archiveScenario,
  createScenario,
  findScenario,
  listScenarios,
} from '@attain/store/territory/scenario-create.ts';
import { moveAccountInScenario } from '@attain/store/territory/scenario-edit.ts';
import { publishScenario } from '@attain/store/territory/scenario-publish.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';

const READERS = [...OPERATIONS, 'manager'] as const;

const Scenario = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['planning', 'published', 'archived']),
    basedOn: IsoDate,
    effectiveDate: IsoDate.nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('TerritoryScenario');
const Stats = z.object({ maxDeviation: z.number(), cv: z.number() });
const Side = z.object({
  accounts: z.string(),
  potential: Money,
  bookings: Money,
  pipeline: Money,
  workload: z.string(),
  owner: z.string().nullable(),
});
const Comparison = z
  .object({
    scenario: Scenario,
    asOf: IsoDate,
    territories: z.array(
      z.object({ territory: z.string(), name: z.string(), parent: z.string().nullable(), live: Side, scenario: Side }),
    ),
    moved: z.array(
      z.object({ account: z.string(), name: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
    ),
    owners: z.array(z.object({ territory: z.string(), live: z.string().nullable(), scenario: z.string().nullable() })),
    ownersAffected: z.array(z.string()),
    balance: z.record(z.string(), z.object({ live: Stats, scenario: Stats })),
  })
  .openapi('ScenarioComparison');

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const idParam = z.object({ id: z.string() });

const list = createRoute({
  method: 'get',
  path: '/api/territory/scenarios',
  summary: 'Territory scenarios (what-if models)',
  responses: { 200: json(z.object({ scenarios: z.array(Scenario) }), 'scenarios'), ...errorResponses },
});
const create = createRoute({
  method: 'post',
  path: '/api/territory/scenarios',
  summary: 'Copy the live model as of a date into a new scenario',
  request: body(z.object({ name: z.string().trim().min(1).max(200), asOf: IsoDate.optional() })),
  responses: { 201: json(Scenario, 'created'), ...errorResponses },
});
const compare = createRoute({
  method: 'get',
  path: '/api/territory/scenarios/{id}/compare',
  summary: 'The scenario beside the live model',
  request: { params: idParam, query: z.object({ asOf: IsoDate.optional() }) },
  responses: { 200: json(Comparison, 'comparison'), ...errorResponses },
});
const publish = createRoute({
  method: 'post',
  path: '/api/territory/scenarios/{id}/publish',
  summary: 'Publish on an effective date: every difference becomes an effective-dated change',
  request: { params: idParam, ...body(z.object({ effectiveDate: IsoDate })) },
  responses: {
    200: json(
      z.object({
        scenario: Scenario,
        effectiveDate: IsoDate,
        assignmentsChanged: z.number(),
        ownersChanged: z.number(),
        rulesReplaced: z.boolean(),
      }),
      'published',
    ),
    ...errorResponses,
  },
});
const archive = createRoute({
  method: 'post',
  path: '/api/territory/scenarios/{id}/archive',
  summary: 'Archive a scenario',
  request: { params: idParam },
  responses: { 200: json(Scenario, 'archived'), ...errorResponses },
});
const move = createRoute({
  method: 'post',
  path: '/api/territory/scenarios/{id}/moves',
  summary: 'Move an account to another territory inside the scenario',
  request: { params: idParam, ...body(z.object({ account: z.string().min(1), territory: z.string().min(1) })) },
  responses: {
    201: json(z.object({ account: z.string(), from: z.string().nullable(), to: z.string() }), 'moved'),
    ...errorResponses,
  },
});

type ScenarioOut = z.infer<typeof Scenario>;
const out = (s: { status: string }) => s as ScenarioOut;

export function registerScenarios(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    requireRole(viewerOf(c), READERS, 'read territory scenarios');
    const scenarios = await listScenarios(c.var.store.db);
    return c.json({ scenarios: scenarios.map(out) }, 200);
  });
  app.openapi(create, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'create territory scenarios');
    const { name, asOf } = c.req.valid('json');
    const created = await createScenario(c.var.store.db, { name, asOf: asOf ?? c.var.today, actor: viewer.email });
    return c.json(out(created), 201);
  });
  app.openapi(compare, async (c) => {
    requireRole(viewerOf(c), READERS, 'read territory scenarios');
    const { id } = c.req.valid('param');
    const { asOf } = c.req.valid('query');
    const scenario = await findScenario(c.var.store.db, id);
    const comparison = await compareScenario(c.var.store.db, scenario.id, { asOf, today: c.var.today });
    return c.json({ ...comparison, scenario: out(comparison.scenario) }, 200);
  });
  app.openapi(publish, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'publish territory scenarios');
    const { id } = c.req.valid('param');
    const { effectiveDate } = c.req.valid('json');
    const result = await publishScenario(c.var.store.db, { scenario: id, effectiveDate, actor: viewer.email });
    return c.json({ ...result, scenario: out(result.scenario) }, 200);
  });
  app.openapi(archive, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'archive territory scenarios');
    const archived = await archiveScenario(c.var.store.db, c.req.valid('param').id, viewer.email);
    return c.json(out(archived), 200);
  });
  app.openapi(move, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'change territory scenarios');
    const { account, territory } = c.req.valid('json');
    const moved = await moveAccountInScenario(c.var.store.db, {
      scenario: c.req.valid('param').id,
      account,
      territory,
      actor: viewer.email,
    });
    return c.json(moved, 201);
  });
}
