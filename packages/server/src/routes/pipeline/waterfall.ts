// GET /api/pipeline/waterfall?from=&to=&period=&deals= — the pipeline waterfall (docs/pipeline.md).
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { WATERFALL_STEPS } from '@attain/core/pipeline/waterfall-rules.ts';
import { pipelineWaterfall } from '@attain/store/pipeline/pipeline-waterfall.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';
import { optionalDate, PeriodRange, pipelineVisibility } from './pipeline-access.ts';

const Step = z.enum(WATERFALL_STEPS);

const route = createRoute({
  method: 'get',
  path: '/api/pipeline/waterfall',
  summary: 'start + created + pulled in + increased − decreased − pushed out − lost − won = end',
  request: {
    query: z.object({
      from: IsoDate.optional().openapi({ description: 'default: start of the fiscal quarter holding `to`' }),
      to: IsoDate.optional().openapi({ description: 'default today' }),
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default: the quarter holding `to`' }),
      deals: z.enum(['true', 'false']).optional().openapi({ description: 'also list each deal with its movements' }),
    }),
  },
  responses: {
    200: {
      description: 'the waterfall',
      content: {
        'application/json': {
          schema: z
            .object({
              from: IsoDate,
              to: IsoDate,
              period: PeriodRange,
              currency: z.string(),
              steps: z.array(z.object({ step: Step, amount: Money, count: z.number().int() })),
              deals: z
                .array(
                  z.object({
                    externalId: z.string(),
                    name: z.string().nullable(),
                    owner: z.string().nullable(),
                    steps: z.array(Step),
                    fromAmount: Money.nullable(),
                    toAmount: Money,
                    fromCloseDate: IsoDate.nullable(),
                    toCloseDate: IsoDate.nullable(),
                    fromStatus: z.string().nullable(),
                    toStatus: z.string(),
                  }),
                )
                .optional(),
            })
            .openapi('PipelineWaterfall'),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerPipelineWaterfall(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const visibility = await pipelineVisibility(c);
    const query = c.req.valid('query');
    const to = optionalDate(query.to, 'to') ?? c.var.today;
    const { fiscalCalendar } = await readSettings(c.var.store.db);
    const from = optionalDate(query.from, 'from') ?? periodOf(fiscalCalendar, to, 'quarter').start;
    const result = await pipelineWaterfall(c.var.store.db, visibility, {
      from,
      to,
      period: query.period,
      deals: query.deals === 'true',
    });
    return c.json(result, 200);
  });
}
