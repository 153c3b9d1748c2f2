// GET /api/pipeline/funnel?period=&basis=created|closed&stages= — stage-to-stage conversion.
import { parseStageList } from '@attain/core/pipeline/stage-order.ts';
import { pipelineFunnel } from '@attain/store/pipeline/pipeline-funnel.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses } from '../schemas.ts';
import { PeriodRange, pipelineVisibility, StagesParam } from './pipeline-access.ts';

const Ratio = z
  .string()
  .nullable()
  .openapi({ example: '0.4000', description: '4 decimals; null on a zero denominator' });

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/funnel',
  summary: 'Stage-to-stage conversion of the deals created (or closed) in a period',
  request: {
    query: z.object({
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default: the current quarter' }),
      basis: z.enum(['created', 'closed']).default('created'),
      stages: StagesParam,
    }),
  },
  responses: {
    200: {
      description: 'the funnel',
      content: {
        'application/json': {
          schema: z
            .object({
              basis: z.enum(['created', 'closed']),
              period: PeriodRange,
              stages: z.array(
                z.object({
                  stage: z.string(),
                  nextStage: z.string(),
                  reached: z.number().int(),
                  reachedNext: z.number().int(),
                  won: z.number().int(),
                  conversion: Ratio,
                  winRate: Ratio,
                }),
              ),
              deals: z.object({
                total: z.number().int(),
                open: z.number().int(),
                won: z.number().int(),
                lost: z.number().int(),
                winRate: Ratio,
              }),
            })
            .openapi('PipelineFunnel'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineFunnel(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const result = await pipelineFunnel(c.var.store.db, visibility, {
      basis: query.basis,
      period: query.period,
      today: c.var.today,
      stages: parseStageList(query.stages),
    });
    return c.json(result, 200);
  });
}
