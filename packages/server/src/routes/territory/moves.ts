// Account move requests over HTTP (DESIGN §5.1, §9): any role but finance may request; approving
// and rejecting follow store/territory/move-requests.ts (ops and admin; a manager for moves touching
// their team; never the requester unless admin). A rep lists only the requests they made.
import { AttainError } from '@attain/core/errors.ts';
import { decideMove } from '@attain/store/territory/decide-move.ts';
import { createMoveRequest, listMoveRequests } from '@attain/store/territory/move-requests.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses, IsoDate, Money } from '../schemas.ts';

const Impact = z
  .object({
    currency: z.string(),
    asOf: IsoDate,
    openPipeline: Money,
    openOpportunities: z.number().int(),
    trailingBookings: Money,
    trailingFrom: IsoDate,
    trailingTo: IsoDate,
    quota: z.object({
      treatment: z.enum(['none', 'prorata', 'full']),
      period: z.string().nullable(),
      owner: z.string().nullable(),
      ownerQuota: Money.nullable(),
      territoryTrailingBookings: Money,
      share: z.string(),
      remainingDays: z.number().int().nullable(),
      periodDays: z.number().int().nullable(),
      moved: Money,
    }),
  })
  .openapi('MoveImpact');

const MoveRequest = z
  .object({
    id: z.string(),
    account: z.string(),
    accountName: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    effective: IsoDate,
    reason: z.string().nullable(),
    quota: z.enum(['none', 'prorata', 'full']),
    status: z.enum(['proposed', 'approved', 'rejected', 'applied']),
    impact: Impact.nullable(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('MoveRequest');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const createMove = createRoute({
  method: 'post',
  path: '/api/territory/moves',
  summary: 'Request an account move, with its impact preview',
  request: {
    body: json(
      z.object({
        account: z.string(),
        territory: z.string(),
        effective: IsoDate,
        reason: z.string().optional(),
        quota: z.enum(['none', 'prorata', 'full']).optional(),
      }),
    ),
  },
  responses: { 201: { description: 'the request', ...json(MoveRequest) }, ...errorResponses },
});

const listMoves = createRoute({
  method: 'get',
  path: '/api/territory/moves',
  summary: 'Move requests, optionally by status',
  request: { query: z.object({ status: z.enum(['proposed', 'approved', 'rejected', 'applied']).optional() }) },
  responses: { 200: { description: 'requests', ...json(z.object({ rows: z.array(MoveRequest) })) }, ...errorResponses },
});

const decide = createRoute({
  method: 'post',
  path: '/api/territory/moves/{id}/{decision}',
  summary: 'Approve or reject a proposed move (an approval due today or earlier is applied at once)',
  request: {
    params: z.object({ id: z.string(), decision: z.enum(['approve', 'reject']) }),
    body: { content: { 'application/json': { schema: z.object({ note: z.string().optional() }) } }, required: false },
  },
  responses: {
    200: { description: 'the decided request', ...json(MoveRequest) },
    404: { description: 'no such request', ...json(ErrorSchema) },
    ...errorResponses,
  },
});

export function registerMoves(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createMove, async (c) => {
    const viewer = viewerOf(c);
    if (viewer.role === 'finance') throw new AttainError('FORBIDDEN', 'Finance does not request account moves');
    const body = c.req.valid('json');
    const request = await c.var.store.db
      .transaction()
      .execute((trx) => createMoveRequest(trx, body, { actor: viewer.email, today: c.var.today }));
    return c.json(request, 201);
  });

  app.openapi(listMoves, async (c) => {
    const viewer = viewerOf(c);
    if (viewer.role === 'finance') throw new AttainError('FORBIDDEN', 'Finance does not see account moves');
    const rows = await listMoveRequests(c.var.store.db, c.req.valid('query'));
    return c.json({ rows: viewer.role === 'rep' ? rows.filter((r) => r.requestedBy === viewer.email) : rows }, 200);
  });

  app.openapi(decide, async (c) => {
    const viewer = viewerOf(c);
    const { id, decision } = c.req.valid('param');
    if (!/^\d+$/.test(id)) throw new AttainError('NOT_FOUND', `No move request ${id}`, { id });
    const body = (await c.req.json().catch(() => ({}))) as { note?: unknown };
    const request = await decideMove(c.var.store.db, id, decision, {
      decider: { actor: viewer.email, role: viewer.role, personId: viewer.personId },
      today: c.var.today,
      note: typeof body.note === 'string' ? body.note : undefined,
    });
    return c.json(request, 200);
  });
}
