// GET /api/pipeline/asof?asOf=&by=&period=&stages= — open pipeline as of a date (docs/pipeline.md).
import { parseStageList } from '@attain/core/pipeline/stage-order.ts';
import { parsePipelineDimensions, pipelineAsOf } from '@attain/store/pipeline/pipeline-as-of.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';
import { optionalDate, PeriodRange, pipelineVisibility, StagesParam } from './pipeline-access.ts';

const Figure = z.object({ count: z.number().int(), amount: Money, weighted: Money });

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/asof',
  summary: 'Open pipeline as of a date, by stage, forecast category, owner or manager',
  request: {
    query: z.object({
      asOf: IsoDate.optional(),
      by: z.string().optional().openapi({ example: 'stage,forecast_category' }),
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'only deals closing in it' }),
      stages: StagesParam,
    }),
  },
  responses: {
    200: {
      description: 'open pipeline',
      content: {
        'application/json': {
          schema: z
            .object({
              asOf: IsoDate,
              currency: z.string(),
              period: PeriodRange.nullable(),
              by: z.array(z.string()),
              rows: z
                .array(z.record(z.string(), z.union([z.string(), z.number()])))
                .openapi({ description: 'the dimensions asked for, then count, amount, weighted' }),
              total: Figure,
            })
            .openapi('PipelineAsOf'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineAsOf(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const result = await pipelineAsOf(c.var.store.db, visibility, {
      asOf: optionalDate(query.asOf, 'asOf') ?? c.var.today,
      by: parsePipelineDimensions(query.by ?? 'stage'),
      period: query.period,
      stages: parseStageList(query.stages),
    });
    return c.json(result, 200);
  });
}
