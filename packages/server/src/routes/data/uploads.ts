// The web Data page's flow (issue 3): upload a file, preview it under a mapping (a full dry run:
// exact counts and every error), then import it — all or nothing, or skipping invalid rows.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_NAMES, type EntityName } from '@attain/core/data/entity-columns.ts';
import { type Mapping, validateMapping } from '@attain/core/data/mapping-schema.ts';
import { PRESET_NAMES, presetMapping } from '@attain/core/data/presets/presets.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { guessMapping, openImportFile } from '@attain/io/import/open-import-file.ts';
import { readTable } from '@attain/io/import/read-table.ts';
import { rejectedRowsWriter } from '@attain/io/import/write-rejected-rows.ts';
import { importRows } from '@attain/store/data/import-entity.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { findUpload, saveUpload } from '../../uploads/upload-folder.ts';
import { ErrorSchema, errorResponses } from '../schemas.ts';

const SAMPLE_ROWS = 10;
const PREVIEW_ROWS = 20;
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const Issue = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});
const Summary = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
});
const Plan = z.object({
  entity: z.enum(ENTITY_NAMES),
  mapping: z.record(z.string(), z.unknown()).optional(),
  preset: z.enum(PRESET_NAMES).optional(),
});

const upload = createRoute({
  method: 'post',
  path: '/api/data/uploads',
  summary: 'Upload a CSV or XLSX file to preview and import',
  request: { body: { content: { 'multipart/form-data': { schema: z.object({ file: z.any() }) } } } },
  responses: {
    201: {
      description: 'uploaded',
      content: {
        'application/json': {
          schema: z.object({
            uploadId: z.string(),
            fileName: z.string(),
            size: z.number(),
            headers: z.array(z.string()),
            sample: z.array(z.record(z.string(), z.string())),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

const preview = createRoute({
  method: 'post',
  path: '/api/data/uploads/{uploadId}/preview',
  summary: 'The first rows after mapping and a full dry run: counts and every error',
  request: {
    params: z.object({ uploadId: z.string() }),
    body: { content: { 'application/json': { schema: Plan } } },
  },
  responses: {
    200: {
      description: 'preview',
      content: {
        'application/json': {
          schema: z.object({
            mapping: z.record(z.string(), z.unknown()),
            columnSources: z.record(z.string(), z.string()),
            unknownColumns: z.array(z.string()),
            rows: z.array(z.object({ row: z.number(), values: z.record(z.string(), z.string().nullable()) })),
            summary: Summary,
            issues: z.array(Issue),
            issueCount: z.number(),
          }),
        },
      },
    },
    404: { description: 'no such upload', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

const runImport = createRoute({
  method: 'post',
  path: '/api/data/uploads/{uploadId}/import',
  summary: 'Import the uploaded file (one transaction)',
  request: {
    params: z.object({ uploadId: z.string() }),
    body: {
      content: {
        'application/json': {
          schema: Plan.extend({ asOf: z.string().optional(), skipInvalid: z.boolean().optional() }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'imported',
      content: {
        'application/json': {
          schema: z.object({
            summary: Summary,
            issues: z.array(Issue),
            issueCount: z.number(),
            rejectedUrl: z.string().nullable(),
          }),
        },
      },
    },
    404: { description: 'no such upload', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

const rejected = createRoute({
  method: 'get',
  path: '/api/data/uploads/{uploadId}/rejected.csv',
  summary: 'The rows the last --skip-invalid import of this upload left out, with the reason',
  request: { params: z.object({ uploadId: z.string() }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    404: { description: 'none', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

/**
 * How to read the file: the caller's mapping, or the preset (lenient about columns an export
 * lacks), or the guess from the headers. `shown` is the mapping in full for the mapping screen,
 * with a preset's columns cut to those the file has, so sending it back edited reads the same.
 */
function planOf(
  body: z.infer<typeof Plan>,
  headers: string[],
): { open: { mapping?: Mapping; preset?: (typeof PRESET_NAMES)[number] }; shown: Mapping } {
  const entity = body.entity as EntityName;
  if (body.mapping) {
    const mapping = validateMapping({ ...body.mapping, entity }, 'mapping');
    return { open: { mapping }, shown: mapping };
  }
  if (body.preset) {
    const preset = presetMapping(body.preset, entity);
    const columns = Object.fromEntries(
      Object.entries(preset.columns ?? {}).filter(([, file]) => headers.includes(file)),
    );
    return { open: { preset: body.preset }, shown: { ...preset, columns } };
  }
  const mapping = validateMapping({ entity, columns: guessMapping(headers, entity) }, 'guess');
  return { open: { mapping }, shown: mapping };
}

const summaryOf = (s: { rows: number; created: number; updated: number; unchanged: number; rejected: number }) => ({
  rows: s.rows,
  created: s.created,
  updated: s.updated,
  unchanged: s.unchanged,
  rejected: s.rejected,
});

export function registerUploads(app: OpenAPIHono<AppEnv>): void {
  app.openapi(upload, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'load data');
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File))
      throw new AttainError('REQUEST_INVALID', 'Send the file as the multipart field "file"');
    if (file.size > MAX_UPLOAD_BYTES) {
      throw new AttainError(
        'UPLOAD_TOO_LARGE',
        `Files over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are imported with the CLI`,
        {
          size: file.size,
        },
      );
    }
    const saved = saveUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    try {
      const table = await readTable(saved.file);
      const sample: Record<string, string>[] = [];
      for await (const record of table.records) {
        sample.push(record.record);
        if (sample.length >= SAMPLE_ROWS) break;
      }
      await table.close?.();
      return c.json(
        { uploadId: saved.id, fileName: saved.fileName, size: file.size, headers: table.headers, sample },
        201,
      );
    } catch (error) {
      rmSync(saved.dir, { recursive: true, force: true });
      throw error;
    }
  });

  app.openapi(preview, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'load data');
    const found = findUpload(c.req.valid('param').uploadId);
    const body = c.req.valid('json');
    const entity = body.entity as EntityName;
    const table = await readTable(found.file);
    await table.close?.();
    const plan = planOf(body, table.headers);
    const sampleSource = await openImportFile(found.file, { entity, ...plan.open });
    const rows: { row: number; values: Record<string, string | null> }[] = [];
    for await (const parsed of sampleSource.rows) {
      rows.push({ row: parsed.row, values: parsed.values });
      if (rows.length >= PREVIEW_ROWS) break;
    }
    const source = await openImportFile(found.file, { entity, ...plan.open });
    let summary: Awaited<ReturnType<typeof importRows>>;
    try {
      summary = await importRows(c.var.store.db, entity, source, {
        asOf: c.var.today,
        dryRun: true,
        skipInvalid: true,
        actor: viewer.email,
        fileName: found.fileName,
      });
    } catch (error) {
      throw error instanceof AttainError ? error : new AttainError('IMPORT_FAILED', String(error));
    }
    return c.json(
      {
        mapping: plan.shown as Record<string, unknown>,
        columnSources: source.columnSources,
        unknownColumns: source.unknownColumns,
        rows,
        summary: summaryOf(summary),
        issues: summary.issues,
        issueCount: summary.issueCount,
      },
      200,
    );
  });

  app.openapi(runImport, async (c) => {
    const viewer = viewerOf(c);
    requireRole(viewer, OPERATIONS, 'load data');
    const found = findUpload(c.req.valid('param').uploadId);
    const body = c.req.valid('json');
    const entity = body.entity as EntityName;
    const asOf = body.asOf ? assertIsoDate(body.asOf, 'asOf') : c.var.today;
    const table = await readTable(found.file);
    await table.close?.();
    const source = await openImportFile(found.file, { entity, ...planOf(body, table.headers).open });
    const rejectedFile = join(found.dir, 'rejected.csv');
    rmSync(rejectedFile, { force: true });
    const writer = body.skipInvalid ? rejectedRowsWriter(rejectedFile, entity) : undefined;
    let summary: Awaited<ReturnType<typeof importRows>>;
    try {
      summary = await importRows(c.var.store.db, entity, source, {
        asOf,
        skipInvalid: body.skipInvalid ?? false,
        actor: viewer.email,
        fileName: found.fileName,
        onRejected: writer ? (r) => writer.write(r) : undefined,
      });
    } finally {
      await writer?.close();
    }
    const rejectedUrl = summary.rejected > 0 ? `/api/data/uploads/${found.id}/rejected.csv` : null;
    return c.json(
      { summary: summaryOf(summary), issues: summary.issues, issueCount: summary.issueCount, rejectedUrl },
      200,
    );
  });

  app.openapi(rejected, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'load data');
    const found = findUpload(c.req.valid('param').uploadId);
    const file = join(found.dir, 'rejected.csv');
    if (!existsSync(file)) throw new AttainError('NOT_FOUND', 'This upload has no rejected rows');
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${found.fileName.replace(/\.\w+$/, '')}.rejected.csv"`);
    return c.body(readFileSync(file, 'utf8'), 200) as never;
  });
}
