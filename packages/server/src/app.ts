// The HTTP API (DESIGN §11): thin routes over store and core, one OpenAPI document, errors as JSON.
import { AttainError } from '@attain/core/errors.ts';
import type { Store } from '@attain/store/open-store.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.ts';
import { loginRateLimit } from './auth/login-rate-limit.ts';
import { guardApi, loadViewer } from './auth/session-middleware.ts';
import { errorBody, handleError, notFound } from './error-response.ts';
import { registerAdjustments } from './routes/comp/adjustments.ts';
import { registerDisputes } from './routes/comp/disputes.ts';
import { registerEstimate } from './routes/comp/estimate.ts';
import { registerPlans } from './routes/comp/plans.ts';
import { registerRuns } from './routes/comp/runs.ts';
import { registerStatements } from './routes/comp/statements.ts';
import { registerDashboard } from './routes/dashboard.ts';
import { registerEntities } from './routes/data/entities.ts';
import { registerMappings } from './routes/data/mappings.ts';
import { registerRecords } from './routes/data/records.ts';
import { MAX_UPLOAD_BYTES, registerUploads } from './routes/data/uploads.ts';
import { registerForecastCalls } from './routes/forecast/calls.ts';
import { registerForecastModels } from './routes/forecast/models.ts';
import { registerHealth } from './routes/health.ts';
import { registerMe } from './routes/me.ts';
import { registerMetrics } from './routes/metrics/metric.ts';
import { registerOpportunities } from './routes/opportunities.ts';
import { registerPeople } from './routes/people.ts';
import { registerPipeline } from './routes/pipeline/pipeline.ts';
import { registerQuality } from './routes/quality/quality.ts';
import { registerSession } from './routes/session.ts';
import { registerTerritory } from './routes/territory/territory.ts';
import { serveWeb } from './serve-web.ts';

export interface AppOptions {
  store: Store;
  /** Today's date (YYYY-MM-DD); defaults to the UTC date at each request. */
  today?: () => string;
  webDist?: string;
  loginLimit?: { maxFailures: number; windowMs: number };
}

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const error = new AttainError('REQUEST_INVALID', `Invalid request: ${issues[0]?.path} ${issues[0]?.message}`, {
          issues,
        });
        return c.json(errorBody(error), 400);
      }
    },
  });
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));

  app.onError(handleError);
  app.use('*', secureHeaders());
  app.use('/api/*', async (c, next) => {
    c.set('store', options.store);
    c.set('today', today());
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 1024 * 1024,
      onError: (c) => c.json(errorBody(new AttainError('UPLOAD_TOO_LARGE', 'The request is too large')), 413),
    }),
  );
  app.use('/api/*', loadViewer);
  app.use('/api/*', guardApi);

  registerHealth(app);
  registerSession(app, loginRateLimit(options.loginLimit ?? { maxFailures: 5, windowMs: 15 * 60_000 }));
  registerMe(app);
  registerPeople(app);
  registerOpportunities(app);
  registerDashboard(app);
  registerStatements(app);
  registerRuns(app);
  registerAdjustments(app);
  registerDisputes(app);
  registerMetrics(app);
  registerPipeline(app);
  registerForecastCalls(app);
  registerForecastModels(app);
  registerEntities(app);
  registerUploads(app);
  registerMappings(app);
  registerRecords(app);
  registerQuality(app);
  registerTerritory(app);
  registerPlans(app);
  registerEstimate(app);

  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'Attain API', version: '0.1.0', description: 'Sales operations: see DESIGN §11' },
  });
  app.all('/api/*', (c) => notFound(c));
  if (options.webDist) serveWeb(app, options.webDist);
  app.notFound((c) => notFound(c));
  return app;
}
