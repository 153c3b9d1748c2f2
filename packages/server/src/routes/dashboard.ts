import { dashboardFigures } from '@attain/store/dashboard/dashboard-figures.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { viewerOf } from '../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money } from './schemas.ts';

const Dashboard = z
  .object({
    currency: z.string(),
    asOf: IsoDate,
    fiscalYear: z.string().openapi({ example: 'FY2026' }),
    scope: z.object({ kind: z.enum(['all', 'team', 'own']), person: z.string().nullable() }),
    kpis: z.object({
      bookingsYtd: Money,
      openPipeline: Money,
      winRate: z.string().nullable(),
      openDeals: z.number().int(),
    }),
    bookingsByQuarter: z.array(z.object({ period: z.string(), amount: Money })),
    pipelineByStage: z.array(z.object({ stage: z.string(), count: z.number().int(), amount: Money })),
    topAccounts: z.array(z.object({ account: z.string(), externalId: z.string(), amount: Money })),
  })
  .openapi('Dashboard');

const route = createRoute({
  method: 'get',
  path: '/api/dashboard',
  summary: 'Home dashboard figures within what the caller may see',
  responses: {
    200: { description: 'figures', content: { 'application/json': { schema: Dashboard } } },
    ...errorResponses,
  },
});

export function registerDashboard(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    const visibility = await visiblePeople(c.var.store.db, viewer, c.var.today);
    const figures = await dashboardFigures(c.var.store.db, visibility, c.var.today);
    return c.json({ ...figures, scope: { kind: visibility.kind, person: viewer.personName } }, 200);
  });
}
