// Route tests on a hand-built fixture: one user per role (the manager and the rep linked to the
// fixture's people), each logged in; returns each role's session cookie.
import { createUser, type Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import type { createApp } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import { loginAs } from './login-as.ts';
import { LOGINS, PASSWORD } from './small-company.ts';

export const ROLES = ['admin', 'ops', 'finance', 'manager', 'rep'] as const;

export async function roleCookies(
  store: Store,
  app: ReturnType<typeof createApp>,
  people: { manager: string; rep: string },
): Promise<Record<Role, string>> {
  const hash = await hashPassword(PASSWORD);
  const person: Partial<Record<Role, string>> = people;
  for (const role of ROLES) {
    await createUser(
      store.db,
      { email: LOGINS[role], role, passwordHash: hash, personExternalId: person[role] },
      'test',
    );
  }
  const sessions = await loginAs(app, ROLES);
  return Object.fromEntries(ROLES.map((r) => [r, sessions[r].cookie])) as Record<Role, string>;
}
