// Runs the assignment (DESIGN §5.1) — operations' work: ops and admin only.
import { assignTerritories } from '@attain/store/territory/assign-territories.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate } from '../schemas.ts';

const Result = z
  .object({
    asOf: IsoDate,
    changes: z.array(z.object({ account: z.string(), from: z.string().nullable(), to: z.string(), rule: z.string() })),
    summary: z.object({ moved: z.number().int(), unchanged: z.number().int(), unassigned: z.number().int() }),
  })
  .openapi('AssignmentResult');

const route = createRoute({
  method: 'post',
  path: '/api/territory/assign',
  summary: 'Assign accounts to territories (named accounts, then rules); dryRun shows the changes only',
  request: {
    body: {
      content: {
        'application/json': { schema: z.object({ asOf: IsoDate.optional(), dryRun: z.boolean().optional() }) },
      },
    },
  },
  responses: {
    200: { description: 'the changes', content: { 'application/json': { schema: Result } } },
    ...errorResponses,
  },
});

export function registerAssign(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'run the territory assignment');
    const { asOf = c.var.today, dryRun = false } = c.req.valid('json');
    return c.json(
      await assignTerritories(c.var.store.db, { asOf, dryRun, today: c.var.today, actor: viewer.email }),
      200,
    );
  });
}
