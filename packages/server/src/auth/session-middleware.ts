// Reads the session cookie into c.var.viewer, and guards routes: a session is needed for every
// route but health and login, and every state-changing request must carry the CSRF token.
import { AttainError } from '@attain/core/errors.ts';
import { findActiveSession } from '@attain/store/auth/session-repository.ts';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, SessionViewer } from '../app-env.ts';

export const SESSION_COOKIE = 'attain_session';

export const loadViewer: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('viewer', undefined);
  if (token) {
    const session = await findActiveSession(c.var.store.db, token);
    if (session) {
      c.set('viewer', {
        userId: session.user.id,
        email: session.user.email,
        role: session.user.role,
        personId: session.user.personId,
        personExternalId: session.user.personExternalId,
        personName: session.user.personName,
        csrfToken: session.csrfToken,
        tokenHash: session.tokenHash,
      });
    }
  }
  await next();
};

const OPEN_ROUTES = new Set(['GET /api/health', 'POST /api/session', 'GET /api/openapi.json']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const guardApi: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (OPEN_ROUTES.has(`${c.req.method} ${c.req.path}`)) return next();
  const viewer = c.var.viewer;
  if (!viewer) throw new AttainError('AUTH_REQUIRED', 'Log in first: this route needs a session');
  if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== viewer.csrfToken) {
    throw new AttainError('CSRF_INVALID', 'The x-csrf-token header is missing or does not match this session');
  }
  return next();
};

export function viewerOf(c: Context<AppEnv>): SessionViewer {
  const viewer = c.var.viewer;
  if (!viewer) throw new AttainError('AUTH_REQUIRED', 'Log in first: this route needs a session');
  return viewer;
}
