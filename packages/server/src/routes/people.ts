import { listPeople } from '@attain/store/people/list-people.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { viewerOf } from '../auth/session-middleware.ts';
import { errorResponses, IsoDate, Paging } from './schemas.ts';

const Person = z
  .object({
    externalId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    jobRole: z.string().nullable(),
    manager: z.string().nullable(),
    managerExternalId: z.string().nullable(),
    orgUnit: z.string().nullable(),
    hireDate: IsoDate.nullable(),
    termDate: IsoDate.nullable(),
    currency: z.string(),
  })
  .openapi('Person');

const route = createRoute({
  method: 'get',
  path: '/api/people',
  summary: 'People as of a date (default today), only those the caller may see',
  request: { query: Paging.extend({ asOf: IsoDate.optional() }) },
  responses: {
    200: {
      description: 'people',
      content: { 'application/json': { schema: z.object({ rows: z.array(Person), total: z.number().int() }) } },
    },
    ...errorResponses,
  },
});

export function registerPeople(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    const { limit, offset, asOf } = c.req.valid('query');
    const date = asOf ?? c.var.today;
    const visibility = await visiblePeople(c.var.store.db, viewer, c.var.today);
    return c.json(await listPeople(c.var.store.db, visibility, date, { limit, offset }), 200);
  });
}
