// Forecast calls (issue 6, docs/forecast-calls.md):
//   GET  /api/forecast/calls?period=&week=&person=   a person's grid: their call and their team's, rolled up
//   POST /api/forecast/calls                         submit a call, or override a team's roll-up with a note
//   GET  /api/forecast/calls/history?person=&period= every submission
// Roles (DESIGN §9): a rep submits and sees their own; a manager their own, overrides for their
// subtree and sees it; ops and admin see all and submit on anyone's behalf (audited as themselves);
// finance reads everything and submits nothing. The store decides; the route only passes the viewer.
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { callHistory } from '@attain/store/forecast/call-history.ts';
import { submitCall } from '@attain/store/forecast/submit-call.ts';
import { headOfOrg, teamRollup } from '@attain/store/forecast/team-rollup.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money } from '../schemas.ts';

const Categories = { commit: Money, bestCase: Money, pipeline: Money };

const SubmittedCallSchema = z
  .object({
    id: z.string(),
    person: z.string(),
    personName: z.string(),
    period: z.string(),
    weekOf: IsoDate,
    scope: z.enum(['own', 'team']),
    ...Categories,
    currency: z.string(),
    override: z.boolean(),
    note: z.string().nullable(),
    submittedBy: z.string(),
    submittedAt: z.string().openapi({ example: '2026-08-05T09:30:00Z' }),
  })
  .openapi('ForecastCall');

const TeamCallRowSchema = z
  .object({
    person: z.string(),
    name: z.string(),
    manages: z.boolean(),
    source: z.enum(['own', 'override', 'rollup', 'none']),
    ...Categories,
    ownCall: SubmittedCallSchema.nullable(),
    override: SubmittedCallSchema.nullable(),
    rollup: z.object(Categories).nullable(),
    wonToDate: Money,
    reports: z.array(z.unknown()).openapi({ description: 'the direct reports, each a ForecastTeamRow' }),
  })
  .openapi('ForecastTeamRow');

const gridRoute = createRoute({
  method: 'get',
  path: '/api/forecast/calls',
  summary: "A person's forecast-call grid: their call and their team's roll-up as of a week",
  request: {
    query: z.object({
      period: z.string().optional().openapi({ example: '2026-Q3', description: 'default: the quarter holding today' }),
      week: IsoDate.optional().openapi({ description: 'any day of the week; default today' }),
      person: z.string().optional().openapi({ description: "default: the caller's person, else the head of the org" }),
    }),
  },
  responses: {
    200: {
      description: 'the grid',
      content: {
        'application/json': {
          schema: z
            .object({
              period: z.object({ period: z.string(), start: IsoDate, end: IsoDate }),
              weekOf: IsoDate,
              currency: z.string(),
              team: TeamCallRowSchema,
            })
            .openapi('ForecastCallGrid'),
        },
      },
    },
    ...errorResponses,
    404: { description: 'No such person, or not visible to the caller' },
  },
});

const submitRoute = createRoute({
  method: 'post',
  path: '/api/forecast/calls',
  summary: 'Submit a forecast call, or override a team roll-up with a note',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            person: z.string().optional().openapi({ description: "default: the caller's person" }),
            period: z.string().openapi({ example: '2026-Q3' }),
            ...Categories,
            currency: z.string().optional(),
            weekOf: IsoDate.optional(),
            override: z.boolean().optional(),
            note: z.string().max(2000).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'the call as stored', content: { 'application/json': { schema: SubmittedCallSchema } } },
    ...errorResponses,
    404: { description: 'No such person, or not visible to the caller' },
  },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/api/forecast/calls/history',
  summary: 'Every forecast call submitted, oldest first',
  request: {
    query: z.object({
      person: z.string().optional().openapi({ description: 'default: everyone the caller may see' }),
      period: z.string().optional(),
    }),
  },
  responses: {
    200: {
      description: 'the submissions',
      content: { 'application/json': { schema: z.object({ calls: z.array(SubmittedCallSchema) }) } },
    },
    ...errorResponses,
    404: { description: 'No such person, or not visible to the caller' },
  },
});

export function registerForecastCalls(app: OpenAPIHono<AppEnv>): void {
  app.openapi(gridRoute, async (c) => {
    const viewer = viewerOf(c);
    const db = c.var.store.db;
    const query = c.req.valid('query');
    const week = assertIsoDate(query.week ?? c.var.today, 'week');
    const period = query.period ?? periodOf((await readSettings(db)).fiscalCalendar, c.var.today, 'quarter').period;
    const person = query.person ?? viewer.personExternalId ?? (await headOfOrg(db, week));
    const visibility = await visiblePeople(db, viewer, c.var.today);
    const grid = await teamRollup(db, visibility, { person, period, week });
    return c.json(grid, 200);
  });

  app.openapi(submitRoute, async (c) => {
    const viewer = viewerOf(c);
    const body = c.req.valid('json');
    const person = body.person ?? viewer.personExternalId;
    if (person === null) {
      throw new AttainError('FORECAST_INVALID', 'Say whose call this is: your user has no person', { field: 'person' });
    }
    const call = await submitCall(
      c.var.store.db,
      { viewer, actor: viewer.email, today: c.var.today },
      { ...body, person },
    );
    return c.json(call, 201);
  });

  app.openapi(historyRoute, async (c) => {
    const viewer = viewerOf(c);
    const query = c.req.valid('query');
    const visibility = await visiblePeople(c.var.store.db, viewer, c.var.today);
    const calls = await callHistory(c.var.store.db, visibility, query);
    return c.json({ calls }, 200);
  });
}
