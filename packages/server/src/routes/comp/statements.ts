// One payee's statement for one period. A caller who may not see the person gets the same 404 as
// for a person who does not exist (DESIGN §11: no hint that it exists).
import { AttainError } from '@attain/core/errors.ts';
import { canSeePerson } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/comp/statements/{personExternalId}/{period}',
  summary: "A payee's statement for a pay period",
  request: { params: z.object({ personExternalId: z.string(), period: z.string() }) },
  responses: {
    200: { description: 'the statement', content: { 'application/json': { schema: z.object({}).passthrough() } } },
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
    if (viewer.role === 'ops' || viewer.role === 'admin' || viewer.role === 'finance' || viewer.personId) {
      const personId = await canSeePerson(c.var.store.db, viewer, personExternalId, c.var.today);
      if (!personId) throw notFound;
    }
    // Statements come from closed compensation runs, which no period has yet.
    throw notFound;
  });
}
