// Who is logged in: asked of /api/me on start, set by the login form, cleared on logout or any 401.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { LoginAnswer, Me } from '../api/types.ts';

export type SessionState = { state: 'checking' } | { state: 'out'; problem?: string } | { state: 'in'; me: Me };

export function useSession() {
  const [session, setSession] = useState<SessionState>({ state: 'checking' });

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setSession({ state: 'out' });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOutLocally);
    api<Me>('/api/me', { expectUnauthorized: true }).then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setSession({ state: 'in', me });
      },
      (error: unknown) => {
        const problem = error instanceof ApiError && error.status !== 401 ? error.message : undefined;
        setSession(problem ? { state: 'out', problem } : { state: 'out' });
      },
    );
  }, [signOutLocally]);

  const logIn = useCallback(async (email: string, password: string) => {
    const answer = await api<LoginAnswer>('/api/session', {
      method: 'POST',
      body: { email, password },
      expectUnauthorized: true,
    });
    setCsrfToken(answer.csrfToken);
    // /api/me adds the person's name; the login answer alone is enough if that call fails.
    const me = await api<Me>('/api/me').catch(() => ({ ...answer, person: null }));
    setCsrfToken(me.csrfToken || answer.csrfToken);
    setSession({ state: 'in', me });
  }, []);

  const logOut = useCallback(async () => {
    // Out locally whatever the server says: a dead session or a lost connection ends the same way.
    await api<{ ok: true }>('/api/session', { method: 'DELETE', expectUnauthorized: true }).catch(() => undefined);
    signOutLocally();
  }, [signOutLocally]);

  return { session, logIn, logOut };
}
