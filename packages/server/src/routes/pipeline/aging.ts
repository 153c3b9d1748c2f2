// GET /api/pipeline/aging?asOf=&period=&stages= — open deals by stage and age bucket.
import { AGE_BUCKETS } from '@attain/core/pipeline/aging-buckets.ts';
import { parseStageList } from '@attain/core/pipeline/stage-order.ts';
import { pipelineAging } from '@attain/store/pipeline/pipeline-aging.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';
import { optionalDate, PeriodRange, pipelineVisibility, StagesParam } from './pipeline-access.ts';

const Bucket = z.enum(AGE_BUCKETS.map((b) => b.bucket) as [string, ...string[]]);
const AgingStage = z
  .object({
    stage: z.string(),
    count: z.number().int(),
    amount: Money,
    avgAgeDays: z.string().nullable(),
    avgDaysInStage: z.string().nullable(),
    buckets: z.array(z.object({ bucket: Bucket, count: z.number().int(), amount: Money })),
  })
  .openapi('PipelineAgingStage');

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/aging',
  summary: 'Open deals as of a date by stage, aged since created, with days in the current stage',
  request: {
    query: z.object({
      asOf: IsoDate.optional(),
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'only deals closing in it' }),
      stages: StagesParam,
    }),
  },
  responses: {
    200: {
      description: 'aging',
      content: {
        'application/json': {
          schema: z
            .object({
              asOf: IsoDate,
              currency: z.string(),
              period: PeriodRange.nullable(),
              stages: z.array(AgingStage),
              total: AgingStage,
            })
            .openapi('PipelineAging'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineAging(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const result = await pipelineAging(c.var.store.db, visibility, {
      asOf: optionalDate(query.asOf, 'asOf') ?? c.var.today,
      period: query.period,
      stages: parseStageList(query.stages),
    });
    return c.json(result, 200);
  });
}
