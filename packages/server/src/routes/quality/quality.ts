// The Data-quality page's API: every rule with its count, and one rule's findings (issue 3).

import { AttainError } from '@attain/core/errors.ts';
import { isRuleName, QUALITY_RULES } from '@attain/core/quality/rule-catalog.ts';
import { runChecks } from '@attain/store/quality/run-checks.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { OPERATIONS, requireRole } from '../../auth/require-role.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate } from '../schemas.ts';

const Rule = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  entity: z.string(),
  description: z.string(),
  count: z.number().int(),
});
const Issue = z.object({
  rule: z.string(),
  severity: z.string(),
  entity: z.string(),
  id: z.string(),
  message: z.string(),
});

const summary = createRoute({
  method: 'get',
  path: '/api/quality',
  summary: 'Every data-quality rule with how many records it flags today',
  responses: {
    200: {
      description: 'rules',
      content: { 'application/json': { schema: z.object({ asOf: IsoDate, rules: z.array(Rule) }) } },
    },
    ...errorResponses,
  },
});

const issues = createRoute({
  method: 'get',
  path: '/api/quality/issues',
  summary: 'The records one rule flags',
  request: { query: z.object({ rule: z.string() }) },
  responses: {
    200: { description: 'issues', content: { 'application/json': { schema: z.object({ issues: z.array(Issue) }) } } },
    ...errorResponses,
  },
});

export function registerQuality(app: OpenAPIHono<AppEnv>): void {
  app.openapi(summary, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'see data-quality findings');
    const report = await runChecks(c.var.store.db, { today: c.var.today });
    const rules = QUALITY_RULES.map((r) => ({
      rule: r.name,
      severity: r.severity,
      entity: r.entity,
      description: r.description,
      count: report.summary[r.name] ?? 0,
    }));
    return c.json({ asOf: c.var.today, rules }, 200);
  });

  app.openapi(issues, async (c) => {
    requireRole(viewerOf(c), OPERATIONS, 'see data-quality findings');
    const { rule } = c.req.valid('query');
    if (!isRuleName(rule)) {
      throw new AttainError('RULE_UNKNOWN', `No data-quality rule "${rule}"`, {
        rule,
        rules: QUALITY_RULES.map((r) => r.name),
      });
    }
    const report = await runChecks(c.var.store.db, { today: c.var.today, rules: [rule] });
    return c.json({ issues: report.issues }, 200);
  });
}
