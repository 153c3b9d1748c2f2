// Manual adjustments over HTTP (docs/compensation.md §4 and "Who may do what"): ops and admin write
// them; someone other than the author approves — ops, admin or finance. Managers see their team's,
// reps their own; only approved adjustments reach a run.
import { approveAdjustment, createAdjustment, listAdjustments } from '@attain/store/comp/comp-adjustments.ts';
import { canSeePerson } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, Money } from '../schemas.ts';
import { PAYOUT_REVIEWERS } from './runs.ts';

export const AdjustmentSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    name: z.string(),
    period: z.string(),
    amount: Money,
    currency: z.string(),
    reason: z.string(),
    author: z.string(),
    createdAt: z.string(),
    approver: z.string().nullable(),
    approvedAt: z.string().nullable(),
    disputeId: z.string().nullable(),
  })
  .openapi('CompAdjustment');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/api/comp/adjustments',
  summary: 'Manual adjustments the caller may see, optionally of one period or payee',
  request: { query: z.object({ period: z.string().optional(), person: z.string().optional() }) },
  responses: {
    200: { description: 'adjustments', ...json(z.object({ rows: z.array(AdjustmentSchema) })) },
    ...errorResponses,
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/comp/adjustments',
  summary: 'Write a manual adjustment for a payee and open pay period (ops, admin)',
  request: {
    body: json(
      z.object({
        person: z.string().openapi({ description: "the payee's external id" }),
        period: z.string().openapi({ example: '2026-03' }),
        amount: Money,
        reason: z.string(),
      }),
    ),
  },
  responses: { 201: { description: 'the adjustment, not yet approved', ...json(AdjustmentSchema) }, ...errorResponses },
});

const approve = createRoute({
  method: 'post',
  path: '/api/comp/adjustments/{id}/approve',
  summary: 'Approve an adjustment someone else wrote (ops, admin, finance)',
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'the approved adjustment', ...json(AdjustmentSchema) }, ...errorResponses },
});

export function registerAdjustments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const viewer = viewerOf(c);
    const { period, person } = c.req.valid('query');
    let rows = await listAdjustments(c.var.store.db, period ? { period } : {});
    if (person) rows = rows.filter((a) => a.person === person);
    if (!PAYOUT_REVIEWERS.includes(viewer.role)) {
      const visible = new Map<string, boolean>();
      for (const external of new Set(rows.map((a) => a.person))) {
        visible.set(external, (await canSeePerson(c.var.store.db, viewer, external, c.var.today)) !== undefined);
      }
      rows = rows.filter((a) => visible.get(a.person));
    }
    return c.json({ rows }, 200);
  });

  app.openapi(create, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'write compensation adjustments');
    const body = c.req.valid('json');
    return c.json(await createAdjustment(c.var.store.db, { ...body, actor: viewer.email }), 201);
  });

  app.openapi(approve, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, PAYOUT_REVIEWERS, 'approve compensation adjustments');
    const { id } = c.req.valid('param');
    return c.json(await approveAdjustment(c.var.store.db, { id, actor: viewer.email }), 200);
  });
}
