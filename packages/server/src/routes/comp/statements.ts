// One payee's statement for one period, from the period's current compensation run
// (docs/comp-close-outputs.md). 404, the same as for a person who does not exist (DESIGN §11: no
// hint that it exists), when the caller may not see the person (§9), when the current run has no
// result for them, and when a rep or manager asks for a draft: payees see a statement once it is
// approved; finance, ops and admin review drafts before they approve them.
import type { Statement } from '@attain/core/comp/statement.ts';
import { AttainError } from '@attain/core/errors.ts';
import { getStatement } from '@attain/store/comp/statement.ts';
import { canSeePerson } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses, IsoDate, Money } from '../schemas.ts';

const Line = z.object({
  line: z.number().int(),
  kind: z.enum(['component', 'prior_period', 'manual']),
  planId: z.string().nullable(),
  component: z.string().nullable(),
  sourcePeriod: z.string().nullable(),
  amount: Money,
  reason: z.string().optional(),
  author: z.string().optional(),
  approver: z.string().nullable().optional(),
});

const StatementSchema = z
  .object({
    payee: z.object({ externalId: z.string(), name: z.string() }),
    period: z.string(),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    runId: z.string(),
    status: z.enum(['draft', 'approved', 'closed']),
    currency: z.string(),
    plans: z.array(
      z.object({ planId: z.string(), version: z.number(), validFrom: IsoDate, validTo: IsoDate.nullable() }),
    ),
    lines: z.array(Line),
    earned: Money,
    paid: Money,
    drawBalance: Money,
    attainment: z.record(z.string(), z.string()),
    segments: z.array(
      z.object({
        planId: z.string(),
        version: z.number(),
        from: IsoDate,
        to: IsoDate.nullable(),
        quotaPeriod: z.string(),
        quota: z.record(z.string(), z.string()),
        targetIncentive: z.string().nullable(),
        attainment: z.record(z.string(), z.string()),
      }),
    ),
    explain: z.array(
      z.object({
        planId: z.string(),
        component: z.string(),
        detail: z.record(z.string(), z.unknown()),
        transactions: z.array(z.object({ externalId: z.string(), amount: z.string() })),
      }),
    ),
  })
  .openapi('Statement');

const route = createRoute({
  method: 'get',
  path: '/api/comp/statements/{personExternalId}/{period}',
  summary: "A payee's statement for a pay period",
  request: { params: z.object({ personExternalId: z.string(), period: z.string() }) },
  responses: {
    200: { description: 'the statement', content: { 'application/json': { schema: StatementSchema } } },
    404: {
      description: 'no such statement visible to the caller',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});

export function registerStatements(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    const { personExternalId, period } = c.req.valid('param');
    const notFound = new AttainError('NOT_FOUND', `No statement for ${personExternalId} in ${period}`, {
      person: personExternalId,
      period,
    });
    const personId = await canSeePerson(c.var.store.db, viewer, personExternalId, c.var.today);
    if (!personId) throw notFound;
    const statement: Statement | undefined = await getStatement(c.var.store.db, personId, period);
    if (!statement) throw notFound;
    if (statement.status === 'draft' && (viewer.role === 'rep' || viewer.role === 'manager')) throw notFound;
    return c.json(statement, 200);
  });
}
