// Disputes over HTTP (docs/compensation.md, "Who may do what"): a payee disputes a line of their own
// approved or closed statement; ops and admin answer with a note or an adjustment; the payee who
// raised it, ops or admin resolve it. Everyone sees the disputes of the payees they may see (§9);
// one they may not see is 404, like a statement.
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import {
  answerDispute,
  DISPUTE_STATUSES,
  type Dispute,
  disputeHistory,
  findDispute,
  listDisputes,
  raiseDispute,
  resolveDispute,
} from '@attain/store/comp/comp-disputes.ts';
import { currentRun, isApproved } from '@attain/store/comp/current-run.ts';
import { canSeePerson } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses, Money } from '../schemas.ts';
import { AdjustmentSchema } from './adjustments.ts';
import { payeeScope } from './runs.ts';

const Status = z.enum(DISPUTE_STATUSES as [Dispute['status'], ...Dispute['status'][]]);

const DisputeSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    name: z.string(),
    period: z.string(),
    line: z.string(),
    status: Status,
    raisedBy: z.string(),
    raisedAt: z.string(),
    updatedAt: z.string(),
    messages: z.number().int(),
  })
  .openapi('CompDispute');

const Thread = z
  .object({
    dispute: DisputeSchema,
    messages: z.array(
      z.object({
        id: z.string(),
        author: z.string(),
        at: z.string(),
        note: z.string(),
        adjustment: AdjustmentSchema.nullable(),
      }),
    ),
  })
  .openapi('CompDisputeThread');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const IdParam = z.object({ id: z.string() });
const notFoundResponse = { 404: { description: 'no such dispute visible to the caller', ...json(ErrorSchema) } };

const list = createRoute({
  method: 'get',
  path: '/api/comp/disputes',
  summary: 'Disputes of the payees the caller may see, newest first',
  request: { query: z.object({ period: z.string().optional(), status: Status.optional() }) },
  responses: {
    200: { description: 'disputes', ...json(z.object({ rows: z.array(DisputeSchema) })) },
    ...errorResponses,
  },
});

const raise = createRoute({
  method: 'post',
  path: '/api/comp/disputes',
  summary: 'Dispute a line of your own approved or closed statement',
  request: {
    body: json(
      z.object({
        person: z.string().optional().openapi({ description: 'the payee: you (the default)' }),
        period: z.string().openapi({ example: '2026-03' }),
        line: z.string().openapi({ description: 'the component id or line label in question' }),
        note: z.string(),
      }),
    ),
  },
  responses: { 201: { description: 'the new dispute', ...json(Thread) }, ...notFoundResponse, ...errorResponses },
});

const get = createRoute({
  method: 'get',
  path: '/api/comp/disputes/{id}',
  summary: 'A dispute with its history, oldest message first',
  request: { params: IdParam },
  responses: { 200: { description: 'the thread', ...json(Thread) }, ...notFoundResponse, ...errorResponses },
});

const answer = createRoute({
  method: 'post',
  path: '/api/comp/disputes/{id}/answer',
  summary: 'Answer with a note, and optionally an adjustment to approve (ops, admin)',
  request: {
    params: IdParam,
    body: json(
      z.object({
        note: z.string(),
        adjustment: z
          .object({
            amount: Money,
            reason: z.string(),
            period: z.string().optional().openapi({ description: "an open period; default the dispute's" }),
          })
          .optional(),
      }),
    ),
  },
  responses: { 200: { description: 'the thread', ...json(Thread) }, ...notFoundResponse, ...errorResponses },
});

const resolve = createRoute({
  method: 'post',
  path: '/api/comp/disputes/{id}/resolve',
  summary:
    'Resolve a dispute (the payee who raised it, ops, admin); an optional JSON body { "note" } closes the thread',
  request: { params: IdParam },
  responses: { 200: { description: 'the thread', ...json(Thread) }, ...notFoundResponse, ...errorResponses },
});

export function registerDisputes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const query = c.req.valid('query');
    const rows = await listDisputes(c.var.store.db, { ...(await payeeScope(c)), ...query });
    return c.json({ rows: rows.map(publicDispute) }, 200);
  });

  app.openapi(raise, async (c) => {
    const viewer = viewerOf(c);
    const body = c.req.valid('json');
    const person = body.person ?? viewer.personExternalId ?? '';
    const notFound = new AttainError('NOT_FOUND', `No statement for ${person} in ${body.period}`, {
      person,
      period: body.period,
    });
    const personId = person ? await canSeePerson(c.var.store.db, viewer, person, c.var.today) : undefined;
    if (!personId) throw notFound;
    if (personId !== viewer.personId) {
      throw new AttainError('FORBIDDEN', 'Only the payee disputes a statement: ask them to raise it', {
        person,
        role: viewer.role,
      });
    }
    const run = await currentRun(c.var.store.db, body.period);
    if (!run || !isApproved(run)) throw notFound;
    const dispute = await raiseDispute(c.var.store.db, { ...body, person, actor: viewer.email });
    return c.json(await threadOf(c, dispute), 201);
  });

  app.openapi(get, async (c) => {
    const dispute = await visibleDispute(c, c.req.valid('param').id);
    return c.json(await threadOf(c, dispute), 200);
  });

  app.openapi(answer, async (c) => {
    const viewer = viewerOf(c);
    const dispute = await visibleDispute(c, c.req.valid('param').id);
    requireRole(viewer, OPERATIONS, 'answer disputes');
    const body = c.req.valid('json');
    const answered = await answerDispute(c.var.store.db, { id: dispute.id, ...body, actor: viewer.email });
    return c.json(await threadOf(c, answered.dispute), 200);
  });

  app.openapi(resolve, async (c) => {
    const viewer = viewerOf(c);
    const dispute = await visibleDispute(c, c.req.valid('param').id);
    if (!OPERATIONS.includes(viewer.role) && dispute.raisedBy !== viewer.email) {
      throw new AttainError('FORBIDDEN', 'Only the payee who raised a dispute, ops or admin resolve it', {
        role: viewer.role,
      });
    }
    const body = (await c.req.json().catch(() => ({}))) as { note?: unknown };
    const resolved = await resolveDispute(c.var.store.db, {
      id: dispute.id,
      actor: viewer.email,
      ...(typeof body.note === 'string' ? { note: body.note } : {}),
    });
    return c.json(await threadOf(c, resolved), 200);
  });
}

/** The dispute when the caller may see its payee; else 404 as if it did not exist. */
async function visibleDispute(c: Context<AppEnv>, id: string): Promise<Dispute> {
  const notFound = new AttainError('NOT_FOUND', `No dispute ${id}`, { id });
  let dispute: Dispute;
  try {
    dispute = await findDispute(c.var.store.db, id);
  } catch (error) {
    if (isAttainError(error) && error.code === 'DISPUTE_NOT_FOUND') throw notFound;
    throw error;
  }
  const scope = await payeeScope(c);
  if (scope.personIds && !scope.personIds.includes(dispute.personId)) throw notFound;
  return dispute;
}

async function threadOf(c: Context<AppEnv>, dispute: Dispute) {
  return { dispute: publicDispute(dispute), messages: await disputeHistory(c.var.store.db, dispute.id) };
}

function publicDispute({ personId: _internal, ...dispute }: Dispute) {
  return dispute;
}
