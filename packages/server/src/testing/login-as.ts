// Logs the small company's users in for route tests: each role's session cookie and CSRF token.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { createApp } from '../app.ts';
import { LOGINS, PASSWORD } from './small-company.ts';

export interface TestSession {
  cookie: string;
  csrf: string;
}

export async function loginAs<R extends Role>(
  app: ReturnType<typeof createApp>,
  roles: readonly R[],
): Promise<Record<R, TestSession>> {
  const sessions = {} as Record<R, TestSession>;
  for (const role of roles) {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: LOGINS[role], password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login as ${role} failed with ${res.status}`);
    const body = (await res.json()) as { csrfToken: string };
    sessions[role] = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
  }
  return sessions;
}
