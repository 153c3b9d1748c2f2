// A running Attain for end-to-end tests: the web app built, a small demo company loaded into a
// fresh database (in-memory PGlite, or a new database on DATABASE_URL's server), one login per role.
import { buildWebIfNeeded, WEB_DIST } from '@attain/cli/build-web.ts';
import { hashPassword } from '@attain/server/auth/password.ts';
import { startServer } from '@attain/server/start-server.ts';
import type { Role } from '@attain/store/auth/user-repository.ts';
import { createDemoUsers } from '@attain/store/demo/demo-users.ts';
import { loadDemoCompany } from '@attain/store/demo/load-demo-company.ts';
import { openTestStore } from '@attain/store/test-store.ts';

export const DEMO_TODAY = '2026-11-24';

export interface DemoServer {
  url: string;
  logins: Record<Role, { email: string; password: string }>;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  buildWebIfNeeded();
  const store = await openTestStore();
  try {
    const loaded = await loadDemoCompany(store.db, { size: 'small', seed: 7, today: DEMO_TODAY });
    const created = await createDemoUsers(store.db, loaded.loginPeople, hashPassword);
    const server = await startServer({ store, port: 0, webDist: WEB_DIST, today: () => DEMO_TODAY });
    const logins = Object.fromEntries(created.map((l) => [l.role, { email: l.email, password: l.password }]));
    return {
      url: server.url,
      logins: logins as DemoServer['logins'],
      close: async () => {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
