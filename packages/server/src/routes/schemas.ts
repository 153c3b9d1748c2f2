// Shapes shared by several routes, for the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
  })
  .openapi('Error');

export const Money = z.string().openapi({ example: '18000.00', description: 'a decimal string' });
export const IsoDate = z.string().openapi({ example: '2026-03-31', description: 'YYYY-MM-DD' });
export const Role = z.enum(['admin', 'ops', 'finance', 'manager', 'rep']);

export const errorResponses = {
  400: { description: 'Bad input', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'No session', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Not allowed or CSRF token missing', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
