import { AttainError } from '@attain/core/errors.ts';
import { listOpportunities } from '@attain/store/opportunities/list-opportunities.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { viewerOf } from '../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money, Paging } from './schemas.ts';

const Opportunity = z
  .object({
    externalId: z.string(),
    name: z.string().nullable(),
    account: z.string().nullable(),
    owner: z.string().nullable(),
    stage: z.string().nullable(),
    status: z.string(),
    amount: Money.nullable(),
    currency: z.string(),
    closeDate: IsoDate.nullable(),
    forecastCategory: z.string().nullable(),
  })
  .openapi('Opportunity');

const route = createRoute({
  method: 'get',
  path: '/api/opportunities',
  summary: "Opportunities the caller may see: a rep's own, a manager's team's, everything for ops and admin",
  request: { query: Paging.extend({ status: z.enum(['open', 'won', 'lost']).optional() }) },
  responses: {
    200: {
      description: 'opportunities',
      content: { 'application/json': { schema: z.object({ rows: z.array(Opportunity), total: z.number().int() }) } },
    },
    ...errorResponses,
  },
});

export function registerOpportunities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    if (viewer.role === 'finance') {
      throw new AttainError('FORBIDDEN', 'Finance sees payouts and statements, not the deal pipeline');
    }
    const { limit, offset, status } = c.req.valid('query');
    const visibility = await visiblePeople(c.var.store.db, viewer, c.var.today);
    return c.json(await listOpportunities(c.var.store.db, visibility, { status, limit, offset }), 200);
  });
}
