// One login per role for the demo company. The password is the same public demo password for
// all five: this is a demo, never a production setup (documented in README and printed by demo).
import type { Kysely } from 'kysely';
import { createUser, type Role } from '../auth/user-repository.ts';
import type { Database } from '../schema.ts';

export const DEMO_PASSWORD = 'attain-demo';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  person: string | null;
}

/** Creates the five demo users; `people` names the person each of manager and rep (and optionally the others) is. */
export async function createDemoUsers(
  db: Kysely<Database>,
  people: Partial<Record<Role, string>>,
  hashPassword: (password: string) => Promise<string>,
): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  for (const role of ['admin', 'ops', 'finance', 'manager', 'rep'] as const) {
    const email = `${role}@attain.demo`;
    const user = await createUser(db, { email, role, passwordHash, personExternalId: people[role] }, 'attain demo');
    logins.push({ role, email, password: DEMO_PASSWORD, person: user.personName });
  }
  return logins;
}
