// GET /api/metrics/{metric}?by=…&period=…&asOf=…&where=field=value — the §8 JSON, restricted to
// what the caller may see.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Dimension, metricNamed, parseDimensions } from '@attain/core/metrics/catalog.ts';
import { queryMetric } from '@attain/store/metrics/query-metric.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/metrics/{metric}',
  summary: 'One metric of the catalog, grouped by dimensions (DESIGN §8)',
  request: {
    params: z.object({ metric: z.string() }),
    query: z.object({
      by: z.string().optional().openapi({ example: 'manager,quarter' }),
      period: z.string().optional().openapi({ example: '2026-Q1' }),
      asOf: z.string().optional().openapi({ example: '2026-03-31' }),
      where: z
        .union([z.string(), z.array(z.string())])
        .optional()
        .openapi({ example: 'industry=retail' }),
    }),
  },
  responses: {
    200: {
      description: 'the metric',
      content: {
        'application/json': {
          schema: z
            .object({
              metric: z.string(),
              by: z.array(z.string()),
              rows: z.array(z.record(z.string(), z.string().nullable())),
            })
            .openapi('MetricResult'),
        },
      },
    },
    ...errorResponses,
  },
});

export function parseWhere(where: string | string[] | undefined): Partial<Record<Dimension, string>> {
  const items = where === undefined ? [] : Array.isArray(where) ? where : [where];
  const out: Partial<Record<Dimension, string>> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    if (at <= 0) throw new AttainError('WHERE_INVALID', `"${item}" is not field=value`, { where: item });
    const [dim] = parseDimensions(item.slice(0, at));
    out[dim!] = item.slice(at + 1);
  }
  return out;
}

export function registerMetrics(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = viewerOf(c);
    const { metric } = c.req.valid('param');
    const query = c.req.valid('query');
    const where = c.req.queries('where') ?? query.where;
    const visibility = await visiblePeople(c.var.store.db, viewer, c.var.today);
    const result = await queryMetric(c.var.store.db, visibility, {
      metric: metricNamed(metric),
      by: parseDimensions(query.by),
      period: query.period,
      asOf: query.asOf === undefined ? undefined : assertIsoDate(query.asOf, 'asOf'),
      where: parseWhere(where),
      today: c.var.today,
    });
    return c.json(result, 200);
  });
}
