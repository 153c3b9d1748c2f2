// Login and logout (DESIGN §11): an HttpOnly SameSite cookie holds the session token; the answer
// carries the CSRF token every state-changing request must send back.
import { randomBytes } from 'node:crypto';
import { AttainError } from '@attain/core/errors.ts';
import { writeAudit } from '@attain/store/audit/write-audit.ts';
import { endSession, startSession } from '@attain/store/auth/session-repository.ts';
import { findUserByEmail } from '@attain/store/auth/user-repository.ts';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import type { LoginRateLimit } from '../auth/login-rate-limit.ts';
import { verifyDecoy, verifyPassword } from '../auth/password.ts';
import { SESSION_COOKIE, viewerOf } from '../auth/session-middleware.ts';
import { ErrorSchema, errorResponses, Role } from './schemas.ts';

const SESSION_HOURS = 12;

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string() }),
    role: Role,
    personId: z.string().nullable().openapi({ description: "the person's external id" }),
    csrfToken: z.string(),
  })
  .openapi('Session');

const login = createRoute({
  method: 'post',
  path: '/api/session',
  summary: 'Log in',
  request: {
    body: {
      content: { 'application/json': { schema: z.object({ email: z.string().min(1), password: z.string().min(1) }) } },
    },
  },
  responses: {
    200: { description: 'logged in', content: { 'application/json': { schema: SessionSchema } } },
    400: errorResponses[400],
    401: { description: 'bad credentials', content: { 'application/json': { schema: ErrorSchema } } },
    429: { description: 'too many failed logins', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const logout = createRoute({
  method: 'delete',
  path: '/api/session',
  summary: 'Log out: the session is ended server-side',
  responses: {
    200: { description: 'logged out', content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } } },
    401: errorResponses[401],
    403: errorResponses[403],
  },
});

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served over a socket (in-process requests)
  }
}

export function registerSession(app: OpenAPIHono<AppEnv>, limit: LoginRateLimit): void {
  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const address = clientAddress(c);
    const keys = [`email:${email.trim().toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
    const now = Date.now();
    const state = limit.check(keys, now);
    if (state.limited) {
      c.header('Retry-After', String(state.retryAfterSeconds));
      throw new AttainError('AUTH_RATE_LIMITED', `Too many failed logins; try again in ${state.retryAfterSeconds} s`, {
        retryAfterSeconds: state.retryAfterSeconds,
      });
    }
    const db = c.var.store.db;
    const user = await findUserByEmail(db, email);
    let ok = false;
    if (user) ok = await verifyPassword(user.passwordHash, password);
    else await verifyDecoy(password);
    if (!user || !ok) {
      limit.fail(keys, now);
      await writeAudit(db, { actor: email.trim(), action: 'login_failed', entity: 'session' });
      throw new AttainError('AUTH_INVALID', 'Email or password is wrong');
    }
    limit.succeed(keys);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await startSession(db, { token, csrfToken, userId: user.id, email: user.email, hours: SESSION_HOURS });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return c.json(
      { user: { id: user.id, email: user.email }, role: user.role, personId: user.personExternalId, csrfToken },
      200,
    );
  });

  app.openapi(logout, async (c) => {
    const viewer = viewerOf(c);
    await endSession(c.var.store.db, viewer.tokenHash, viewer.email);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  });
}
