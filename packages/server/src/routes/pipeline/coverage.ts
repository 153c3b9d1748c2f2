// GET /api/pipeline/coverage?asOf=&period=&by=owner|manager — open pipeline ÷ (quota − won).
import { pipelineCoverage } from '@attain/store/pipeline/pipeline-coverage.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';
import { optionalDate, PeriodRange, pipelineVisibility } from './pipeline-access.ts';

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/coverage',
  summary: 'Coverage against bookings quota for a quota period, by owner or manager',
  request: {
    query: z.object({
      asOf: IsoDate.optional(),
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default: the quarter holding asOf' }),
      by: z.enum(['owner', 'manager']).default('owner'),
    }),
  },
  responses: {
    200: {
      description: 'coverage',
      content: {
        'application/json': {
          schema: z
            .object({
              asOf: IsoDate,
              currency: z.string(),
              period: PeriodRange,
              by: z.enum(['owner', 'manager']),
              rows: z.array(
                z.object({
                  person: z.string(),
                  externalId: z.string(),
                  quota: Money,
                  won: Money,
                  gap: Money,
                  pipeline: Money,
                  coverage: z.string().nullable().openapi({ description: 'null when quota − won ≤ 0 (covered)' }),
                  covered: z.boolean(),
                }),
              ),
            })
            .openapi('PipelineCoverage'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineCoverage(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const result = await pipelineCoverage(c.var.store.db, visibility, {
      asOf: optionalDate(query.asOf, 'asOf') ?? c.var.today,
      period: query.period,
      by: query.by,
    });
    return c.json(result, 200);
  });
}
