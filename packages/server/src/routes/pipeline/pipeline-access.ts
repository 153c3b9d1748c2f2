// Who may see pipeline history (DESIGN §9, docs/security.md): like /api/opportunities — ops and
// admin everything, a manager the org subtree as of today, a rep their own deals; finance sees
// payouts, not the deal pipeline (403).
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Visibility, visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';

export async function pipelineVisibility(c: Context<AppEnv>): Promise<Visibility> {
  const viewer = viewerOf(c);
  if (viewer.role === 'finance') {
    throw new AttainError('FORBIDDEN', 'Finance sees payouts and statements, not the deal pipeline');
  }
  return visiblePeople(c.var.store.db, viewer, c.var.today);
}

export const optionalDate = (value: string | undefined, name: string) =>
  value === undefined ? undefined : assertIsoDate(value, name);

export const PeriodRange = z
  .object({ period: z.string(), start: z.string(), end: z.string() })
  .openapi('PipelinePeriod', { example: { period: '2026-Q3', start: '2026-07-01', end: '2026-09-30' } });

export const StagesParam = z
  .string()
  .optional()
  .openapi({ description: 'the stage order, comma-separated (default: by typical probability)' });
