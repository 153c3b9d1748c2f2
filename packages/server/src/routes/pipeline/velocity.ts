// GET /api/pipeline/velocity?period=&stages= — sales velocity and mean days per stage.
import { parseStageList } from '@attain/core/pipeline/stage-order.ts';
import { pipelineVelocity } from '@attain/store/pipeline/pipeline-velocity.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';
import { PeriodRange, pipelineVisibility, StagesParam } from './pipeline-access.ts';

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/velocity',
  summary: '(open deals × win rate × average won amount) ÷ average cycle days, and mean days per stage',
  request: {
    query: z.object({
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default: the current quarter' }),
      stages: StagesParam,
    }),
  },
  responses: {
    200: {
      description: 'the velocity',
      content: {
        'application/json': {
          schema: z
            .object({
              period: PeriodRange,
              asOf: IsoDate,
              currency: z.string(),
              openDeals: z.number().int(),
              winRate: z.string().nullable(),
              avgWonAmount: Money.nullable(),
              cycleDays: z.string().nullable(),
              velocityPerDay: Money.nullable(),
              stages: z.array(
                z.object({ stage: z.string(), exits: z.number().int(), meanDays: z.string().nullable() }),
              ),
            })
            .openapi('PipelineVelocity'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineVelocity(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const result = await pipelineVelocity(c.var.store.db, visibility, {
      period: query.period,
      today: c.var.today,
      stages: parseStageList(query.stages),
    });
    return c.json(result, 200);
  });
}
