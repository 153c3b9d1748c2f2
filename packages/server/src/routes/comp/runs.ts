// Compensation runs over HTTP (docs/compensation.md, "Who may do what"): ops and admin run a
// period; ops, admin and finance approve and close it and review every run, its holds and what it
// changed. Managers see the approved and closed results of their team, reps their own; a draft is
// not theirs to see, and a period they may not see is 404 with no hint that it exists.
import { AttainError } from '@attain/core/errors.ts';
import type { Role } from '@attain/store/auth/user-repository.ts';
import { approveCompRun } from '@attain/store/comp/approve-comp-run.ts';
import { closeCompPeriod } from '@attain/store/comp/close-comp-period.ts';
import { currentRun, isApproved } from '@attain/store/comp/current-run.ts';
import { runComp } from '@attain/store/comp/run-comp.ts';
import { holdsOf, listRuns, runDiff, runResults } from '@attain/store/comp/run-diff.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses, IsoDate, Money } from '../schemas.ts';

/** Who reviews payouts before they are paid (DESIGN §1: finance approves payouts). */
export const PAYOUT_REVIEWERS: readonly Role[] = ['admin', 'ops', 'finance'];

/** The payees the caller may see: undefined for everyone (admin, ops, finance). */
export async function payeeScope(c: Context<AppEnv>): Promise<{ personIds?: string[] }> {
  const visibility = await visiblePeople(c.var.store.db, viewerOf(c), c.var.today);
  return visibility.kind === 'all' ? {} : { personIds: visibility.personIds };
}

const Totals = z.array(z.object({ currency: z.string(), earned: Money, paid: Money }));

const RunSummary = z
  .object({
    id: z.string(),
    period: z.string(),
    start: IsoDate,
    end: IsoDate,
    mode: z.enum(['full', 'incremental']),
    status: z.enum(['draft', 'approved', 'closed', 'superseded']),
    runBy: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    payees: z.number().int(),
    recomputed: z.number().int(),
    held: z.number().int(),
    totals: Totals,
  })
  .openapi('CompRunSummary');

const Hold = z
  .object({
    person: z.string(),
    name: z.string(),
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('CompHold');

const RunResult = z
  .object({
    runId: z.string(),
    period: z.string(),
    start: IsoDate,
    end: IsoDate,
    mode: z.enum(['full', 'incremental']),
    status: z.literal('draft'),
    payees: z.number().int(),
    recomputed: z.number().int(),
    unchanged: z.number().int(),
    held: z.number().int(),
    holds: z.array(z.object({ person: z.string(), code: z.string(), message: z.string() })),
    totals: Totals,
    crediting: z.object({
      transactions: z.number().int(),
      credits: z.number().int(),
      exceptions: z.number().int(),
      uncredited: z.number().int(),
    }),
    supersedes: z.string().nullable(),
  })
  .openapi('CompRunResult');

const Decision = z
  .object({ runId: z.string(), period: z.string(), status: z.enum(['approved', 'closed']), by: z.string() })
  .openapi('CompRunDecision');

const PayeeResult = z.object({
  person: z.string(),
  name: z.string(),
  currency: z.string(),
  earned: Money,
  paid: Money,
  drawBalance: Money,
  status: z.enum(['draft', 'approved', 'closed']),
});

const Amounts = z.object({ earned: Money, paid: Money }).nullable();
const RunDiff = z
  .object({
    period: z.string(),
    current: RunSummary,
    previous: RunSummary.nullable(),
    payees: z.array(
      z.object({
        person: z.string(),
        name: z.string(),
        currency: z.string(),
        change: z.enum(['new', 'removed', 'changed', 'unchanged']),
        before: Amounts,
        after: Amounts,
        earned: Money,
        paid: Money,
        hold: z.string().nullable(),
      }),
    ),
    totals: z.array(z.object({ currency: z.string(), before: Money, after: Money, change: Money })),
  })
  .openapi('CompRunDiff');

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const PeriodParam = z.object({ period: z.string().openapi({ example: '2026-03' }) });
const notFoundResponse = { 404: { description: 'no such run visible to the caller', ...json(ErrorSchema) } };

const list = createRoute({
  method: 'get',
  path: '/api/comp/runs',
  summary: 'Compensation runs, newest first (managers and reps: approved and closed runs, their payees only)',
  request: { query: z.object({ period: z.string().optional() }) },
  responses: { 200: { description: 'runs', ...json(z.object({ rows: z.array(RunSummary) })) }, ...errorResponses },
});

const run = createRoute({
  method: 'post',
  path: '/api/comp/runs',
  summary: 'Run a pay period: a draft run that supersedes the current one (ops, admin)',
  request: {
    body: json(
      z.object({
        period: z.string().openapi({ example: '2026-03' }),
        full: z.boolean().optional().openapi({ description: 'recompute every payee, not only changed ones' }),
      }),
    ),
  },
  responses: { 201: { description: 'the draft run', ...json(RunResult) }, ...errorResponses },
});

const decide = (action: 'approve' | 'close') =>
  createRoute({
    method: 'post',
    path: `/api/comp/runs/{period}/${action}`,
    summary:
      action === 'approve'
        ? "Approve the period's current draft run (ops, admin, finance)"
        : 'Close the period: its approved run is locked (ops, admin, finance)',
    request: { params: PeriodParam },
    responses: { 200: { description: 'the decision', ...json(Decision) }, ...errorResponses },
  });

const results = createRoute({
  method: 'get',
  path: '/api/comp/runs/{period}/results',
  summary: "The current run's result per payee, and its holds, as far as the caller may see",
  request: { params: PeriodParam },
  responses: {
    200: {
      description: 'results',
      ...json(z.object({ run: RunSummary, rows: z.array(PayeeResult), holds: z.array(Hold) })),
    },
    ...notFoundResponse,
    ...errorResponses,
  },
});

const diff = createRoute({
  method: 'get',
  path: '/api/comp/runs/{period}/diff',
  summary: 'What the current run changed against the run it superseded (ops, admin, finance)',
  request: { params: PeriodParam },
  responses: { 200: { description: 'the difference', ...json(RunDiff) }, ...notFoundResponse, ...errorResponses },
});

export function registerRuns(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const viewer = viewerOf(c);
    const { period } = c.req.valid('query');
    const filter = PAYOUT_REVIEWERS.includes(viewer.role)
      ? {}
      : { ...(await payeeScope(c)), statuses: ['approved', 'closed'] as const };
    return c.json({ rows: await listRuns(c.var.store.db, { ...filter, ...(period ? { period } : {}) }) }, 200);
  });

  app.openapi(run, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'run compensation');
    const body = c.req.valid('json');
    const result = await runComp(c.var.store.db, {
      period: body.period,
      mode: body.full ? 'full' : 'incremental',
      actor: viewer.email,
    });
    return c.json(result, 201);
  });

  app.openapi(decide('approve'), async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, PAYOUT_REVIEWERS, 'approve a compensation run');
    const { period } = c.req.valid('param');
    return c.json(await approveCompRun(c.var.store.db, { period, actor: viewer.email }), 200);
  });

  app.openapi(decide('close'), async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, PAYOUT_REVIEWERS, 'close a pay period');
    const { period } = c.req.valid('param');
    return c.json(await closeCompPeriod(c.var.store.db, { period, actor: viewer.email }), 200);
  });

  app.openapi(results, async (c) => {
    const viewer = viewerOf(c);
    const { period } = c.req.valid('param');
    const current = await currentRun(c.var.store.db, period);
    const reviewer = PAYOUT_REVIEWERS.includes(viewer.role);
    if (!current || (!reviewer && !isApproved(current))) throw noRun(period);
    const scope = await payeeScope(c);
    const [summary] = await listRuns(c.var.store.db, { ...scope, ids: [current.id] });
    const rows = await runResults(c.var.store.db, current.id, scope);
    const holds = await holdsOf(c.var.store.db, current.id, scope);
    return c.json({ run: summary!, rows: rows.map((r) => ({ ...r, status: current.status })), holds }, 200);
  });

  app.openapi(diff, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, PAYOUT_REVIEWERS, 'compare compensation runs');
    const { period } = c.req.valid('param');
    if (!(await currentRun(c.var.store.db, period))) throw noRun(period);
    return c.json(await runDiff(c.var.store.db, period), 200);
  });
}

function noRun(period: string) {
  return new AttainError('NOT_FOUND', `No compensation run for ${period}`, { period });
}
