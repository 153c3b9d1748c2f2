// One record with its recent audit history — where a data-quality finding or an import row leads.
import { ENTITY_COLUMNS, type EntityName, isEntityName } from '@attain/core/data/entity-columns.ts';
import { AttainError } from '@attain/core/errors.ts';
import { ENTITY_TABLES, REFERENCE_TABLES } from '@attain/store/data/entity-tables.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/data/records/{entity}/{externalId}',
  summary: 'A record as stored, with its recent audit history',
  request: { params: z.object({ entity: z.string(), externalId: z.string() }) },
  responses: {
    200: {
      description: 'the record',
      content: {
        'application/json': {
          schema: z.object({
            entity: z.string(),
            externalId: z.string(),
            values: z.record(z.string(), z.unknown()),
            audit: z.array(
              z.object({
                at: z.string(),
                actor: z.string(),
                action: z.string(),
                before: z.unknown(),
                after: z.unknown(),
              }),
            ),
          }),
        },
      },
    },
    404: { description: 'no such record', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

export function registerRecords(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'look up records');
    const { entity, externalId } = c.req.valid('param');
    const spec = isEntityName(entity) ? ENTITY_TABLES[entity] : undefined;
    const notFound = new AttainError('NOT_FOUND', `No ${entity} with externalId "${externalId}"`, {
      entity,
      externalId,
    });
    if (!spec) throw notFound;
    const db = c.var.store.db;
    // Canonical column names, references as the referenced row's externalId; the driver's strings
    // keep NUMERIC and DATE exact (to_jsonb would turn amounts into numbers).
    const columns = spec.columns.map((col) => sql`t.${sql.ref(col.column)} as ${sql.ref(col.canonical)}`);
    const references = spec.references.map((ref, i) => {
      const target = ENTITY_COLUMNS[entity as EntityName].find((col) => col.name === ref.canonical)?.references;
      const alias = `ref_${i}`;
      return {
        select: sql`${sql.ref(`${alias}.external_id`)} as ${sql.ref(ref.canonical)}`,
        join: sql`left join ${sql.table(REFERENCE_TABLES[target!].table)} as ${sql.raw(alias)} on ${sql.ref(`${alias}.id`)} = t.${sql.ref(ref.column)}`,
      };
    });
    const { rows } = await sql<Record<string, string | null>>`
      select t.external_id as "externalId", ${sql.join([...columns, ...references.map((r) => r.select)])}
      from ${sql.table(spec.table)} t ${sql.join(
        references.map((r) => r.join),
        sql` `,
      )}
      where t.external_id = ${externalId}`.execute(db);
    const values = rows[0];
    if (!values) throw notFound;
    const audit = await db
      .selectFrom('audit_log')
      .select(['at', 'actor', 'action', 'before', 'after'])
      .where('entity', '=', entity)
      .where('entity_id', '=', externalId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    return c.json({ entity, externalId, values, audit }, 200);
  });
}
