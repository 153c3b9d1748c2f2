import { ENTITY_COLUMNS, ENTITY_NAMES } from '@attain/core/data/entity-columns.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses } from '../schemas.ts';

export const ENTITY_LABELS: Record<string, string> = {
  orgUnits: 'Org units',
  people: 'People',
  products: 'Products',
  accounts: 'Accounts',
  territories: 'Territories',
  opportunities: 'Opportunities',
  opportunitySplits: 'Opportunity splits',
  transactions: 'Transactions',
  quotas: 'Quotas',
  fxRates: 'FX rates',
  planAssignments: 'Plan assignments',
  mboScores: 'MBO scores',
};

const Column = z.object({
  name: z.string(),
  kind: z.string(),
  required: z.boolean(),
  values: z.array(z.string()).optional(),
  references: z.string().optional(),
});

const route = createRoute({
  method: 'get',
  path: '/api/data/entities',
  summary: 'The importable entities and their canonical columns (DESIGN §4)',
  responses: {
    200: {
      description: 'entities',
      content: {
        'application/json': {
          schema: z.object({
            entities: z.array(z.object({ name: z.string(), label: z.string(), columns: z.array(Column) })),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerEntities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, (c) => {
    viewerOf(c);
    const entities = ENTITY_NAMES.map((name) => ({
      name,
      label: ENTITY_LABELS[name] ?? name,
      columns: ENTITY_COLUMNS[name].map((col) => ({
        name: col.name,
        kind: col.kind,
        required: col.required ?? false,
        ...(col.values ? { values: [...col.values] } : {}),
        ...(col.references ? { references: col.references } : {}),
      })),
    }));
    return c.json({ entities }, 200);
  });
}
