import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.ts';
import { viewerOf } from '../auth/session-middleware.ts';
import { errorResponses } from './schemas.ts';
import { SessionSchema } from './session.ts';

const route = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The current user, role and person',
  responses: {
    200: {
      description: 'the session',
      content: {
        'application/json': {
          schema: SessionSchema.extend({
            person: z.object({ externalId: z.string(), name: z.string() }).nullable(),
          }).openapi('Me'),
        },
      },
    },
    401: errorResponses[401],
  },
});

export function registerMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    const v = viewerOf(c);
    const person = v.personExternalId ? { externalId: v.personExternalId, name: v.personName ?? '' } : null;
    return c.json(
      {
        user: { id: v.userId, email: v.email },
        role: v.role,
        personId: v.personExternalId,
        person,
        csrfToken: v.csrfToken,
      },
      200,
    );
  });
}
