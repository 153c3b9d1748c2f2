// Serves the built web app (packages/web/dist) with a fallback to index.html for client routes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

export function serveWeb(app: OpenAPIHono<AppEnv>, webDist: string): void {
  const index = join(webDist, 'index.html');
  app.use('/assets/*', serveStatic({ root: webDist }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    const file = join(webDist, c.req.path);
    if (c.req.path !== '/' && existsSync(file) && !file.endsWith('/')) return serveStatic({ root: webDist })(c, next);
    if (!existsSync(index)) {
      return c.text('The web app is not built yet: run `npm run build:web` (attain demo and attain serve do it).', 503);
    }
    return c.html(readFileSync(index, 'utf8'));
  });
}
