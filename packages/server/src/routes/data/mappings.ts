// Named mappings saved from the Data page; the same name replaces the earlier one (audited).
import { ENTITY_NAMES } from '@attain/core/data/entity-columns.ts';
import { validateMapping } from '@attain/core/data/mapping-schema.ts';
import { writeAudit } from '@attain/store/audit/write-audit.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses } from '../schemas.ts';

const SavedMapping = z.object({
  id: z.string(),
  name: z.string(),
  entity: z.string(),
  mapping: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
});

const list = createRoute({
  method: 'get',
  path: '/api/data/mappings',
  summary: 'Saved mappings, optionally of one entity',
  request: { query: z.object({ entity: z.enum(ENTITY_NAMES).optional() }) },
  responses: {
    200: {
      description: 'mappings',
      content: { 'application/json': { schema: z.object({ mappings: z.array(SavedMapping) }) } },
    },
    ...errorResponses,
  },
});

const save = createRoute({
  method: 'post',
  path: '/api/data/mappings',
  summary: 'Save a named mapping (the same name replaces it)',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(200),
            entity: z.enum(ENTITY_NAMES),
            mapping: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'saved',
      content: { 'application/json': { schema: z.object({ id: z.string(), name: z.string() }) } },
    },
    ...errorResponses,
  },
});

export function registerMappings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'load data');
    const { entity } = c.req.valid('query');
    let query = c.var.store.db
      .selectFrom('import_mappings')
      .select(['id', 'name', 'entity', 'mapping', 'updated_at as updatedAt'])
      .orderBy('name');
    if (entity) query = query.where('entity', '=', entity);
    const rows = await query.execute();
    return c.json({ mappings: rows.map((r) => ({ ...r, mapping: r.mapping as Record<string, unknown> })) }, 200);
  });

  app.openapi(save, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'save mappings');
    const { name, entity, mapping } = c.req.valid('json');
    const valid = validateMapping({ ...mapping, entity }, name);
    const db = c.var.store.db;
    const saved = await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('import_mappings')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
        .executeTakeFirst();
      const json = JSON.stringify(valid);
      const row = existing
        ? await trx
            .updateTable('import_mappings')
            .set({ entity, mapping: json, updated_at: sql<string>`now()` as unknown as string })
            .where('id', '=', existing.id)
            .returning(['id', 'name'])
            .executeTakeFirstOrThrow()
        : await trx
            .insertInto('import_mappings')
            .values({ name, entity, mapping: json, created_by: viewer.email })
            .returning(['id', 'name'])
            .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actor: viewer.email,
        action: existing ? 'update' : 'create',
        entity: 'importMapping',
        entityId: name,
        before: existing?.mapping,
        after: valid,
      });
      return row;
    });
    return c.json(saved, 201);
  });
}
