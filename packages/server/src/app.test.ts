// The API end to end on a real database: login, CSRF, rate limit, and the role visibility matrix
// (DESIGN §9, §11) over the hand-worked small company in testing/small-company.ts.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app.ts';
import { LOGINS, PASSWORD, seedSmallCompany, TODAY } from './testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  app = createApp({ store, today: () => TODAY, loginLimit: { maxFailures: 3, windowMs: 60_000 } });
});
afterAll(async () => {
  await store.close();
});

interface Session {
  cookie: string;
  csrf: string;
  body: Record<string, unknown>;
}

async function login(role: Role): Promise<Session> {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: LOGINS[role], password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/attain_session=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  const body = (await res.json()) as Record<string, unknown>;
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrfToken as string, body };
}

async function get(session: Session | undefined, path: string) {
  const res = await app.request(path, { headers: session ? { cookie: session.cookie } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { rows?: unknown[] } };
}

describe('sessions', () => {
  test('health answers without a session; other routes need one', async () => {
    expect(await get(undefined, '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    const people = await get(undefined, '/api/people');
    expect(people.status).toBe(401);
    expect(people.body).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
  });

  test('login answers user, role, person and CSRF token; /api/me repeats them', async () => {
    const s = await login('rep');
    expect(s.body).toMatchObject({ user: { email: 'raj@example.com' }, role: 'rep', personId: 'P-RAJ' });
    expect(s.csrf).toMatch(/^[\w-]{20,}$/);
    const me = await get(s, '/api/me');
    expect(me.body).toMatchObject({ role: 'rep', personId: 'P-RAJ', person: { name: 'Raj' }, csrfToken: s.csrf });
  });

  test('logout needs the CSRF token and kills the session server-side', async () => {
    const s = await login('ops');
    const without = await app.request('/api/session', { method: 'DELETE', headers: { cookie: s.cookie } });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({ error: { code: 'CSRF_INVALID' } });
    const out = await app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.status).toBe(200);
    expect((await get(s, '/api/me')).status).toBe(401);
  });

  test('a wrong password is 401; after 3 failures even the right one is 429', async () => {
    const guarded = createApp({ store, today: () => TODAY, loginLimit: { maxFailures: 3, windowMs: 60_000 } });
    const attempt = (password: string) =>
      guarded.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: LOGINS.finance, password }),
      });
    for (let i = 0; i < 3; i++) {
      const res = await attempt('wrong');
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        error: { code: 'AUTH_INVALID', message: 'Email or password is wrong' },
      });
    }
    const limited = await attempt(PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('an unknown email gets the same answer as a wrong password', async () => {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'x' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'AUTH_INVALID' } });
  });

  test('a malformed login body is a coded 400', async () => {
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'REQUEST_INVALID' } });
  });

  test('logins and logouts are in the audit log', async () => {
    const rows = await store.db.selectFrom('audit_log').select(['action', 'actor']).execute();
    expect(rows).toContainEqual({ action: 'login', actor: 'ops@example.com' });
    expect(rows).toContainEqual({ action: 'logout', actor: 'ops@example.com' });
    expect(rows).toContainEqual({ action: 'login_failed', actor: 'finance@example.com' });
    expect(rows.filter((r) => r.action === 'create')).toHaveLength(5);
  });
});

describe('what each role sees (DESIGN §9)', () => {
  // people: admin/ops/finance all 6; Mia her subtree as of today (Mia, Raj, Rosa — Lee joins her on 07-01); Raj himself.
  // opportunities: all 5; Mia's team O-1, O-2, O-4; Raj O-1, O-4; finance none (403).
  const matrix: [Role, string[] | 403, string[]][] = [
    ['admin', ['O-1', 'O-2', 'O-3', 'O-4', 'O-5'], ['Fin', 'Lee', 'Mia', 'Raj', 'Rosa', 'Vera']],
    ['ops', ['O-1', 'O-2', 'O-3', 'O-4', 'O-5'], ['Fin', 'Lee', 'Mia', 'Raj', 'Rosa', 'Vera']],
    ['finance', 403, ['Fin', 'Lee', 'Mia', 'Raj', 'Rosa', 'Vera']],
    ['manager', ['O-1', 'O-2', 'O-4'], ['Mia', 'Raj', 'Rosa']],
    ['rep', ['O-1', 'O-4'], ['Raj']],
  ];

  test.each(matrix)('%s', async (role, opportunities, people) => {
    const s = await login(role);
    const p = await get(s, '/api/people');
    expect((p.body.rows as { name: string }[]).map((r) => r.name)).toEqual(people);
    expect(p.body.total).toBe(people.length);
    const o = await get(s, '/api/opportunities');
    if (opportunities === 403) {
      expect(o.status).toBe(403);
      expect(o.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    } else {
      expect((o.body.rows as { externalId: string }[]).map((r) => r.externalId).sort()).toEqual(opportunities);
    }
  });

  test("a statement of someone the caller may not see is a 404 just like one that doesn't exist", async () => {
    const rep = await login('rep');
    const hidden = await get(rep, '/api/comp/statements/P-ROSA/2026-02');
    const missing = await get(rep, '/api/comp/statements/P-NOBODY/2026-02');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(Object.keys(hidden.body.error as object)).toEqual(Object.keys(missing.body.error as object));
  });

  test('the dashboard is limited to the caller, with hand-worked figures', async () => {
    const admin = (await get(await login('admin'), '/api/dashboard')).body;
    // open: 1,000 + 2,000 EUR × 1.10 + 500 = 3,700; won 1 lost 1 → 0.5000; booked 3,000 in 2026-Q1
    expect(admin).toMatchObject({
      currency: 'USD',
      asOf: TODAY,
      fiscalYear: 'FY2026',
      scope: { kind: 'all' },
      kpis: { bookingsYtd: '3000.00', openPipeline: '3700.00', winRate: '0.5000', openDeals: 3 },
      topAccounts: [{ account: 'Northwind', externalId: 'A-1', amount: '3000.00' }],
    });
    expect(admin.pipelineByStage).toEqual([
      { stage: 'Proposal', count: 2, amount: '1500.00' },
      { stage: 'Negotiation', count: 1, amount: '2200.00' },
    ]);
    const quarters = admin.bookingsByQuarter as { period: string; amount: string }[];
    expect(quarters[0]).toEqual({ period: '2024-Q1', amount: '0.00' });
    expect(quarters.at(-1)).toEqual({ period: '2026-Q2', amount: '0.00' });
    expect(quarters.find((q) => q.period === '2026-Q1')).toEqual({ period: '2026-Q1', amount: '3000.00' });

    const mia = (await get(await login('manager'), '/api/dashboard')).body;
    expect(mia).toMatchObject({
      scope: { kind: 'team', person: 'Mia' },
      kpis: { bookingsYtd: '3000.00', openPipeline: '3200.00', winRate: '1.0000', openDeals: 2 },
    });
    const raj = (await get(await login('rep'), '/api/dashboard')).body;
    expect(raj).toMatchObject({
      scope: { kind: 'own', person: 'Raj' },
      kpis: { bookingsYtd: '3000.00', openPipeline: '1000.00', winRate: '1.0000', openDeals: 1 },
    });
  });
});

describe('the API document and errors', () => {
  test('/api/openapi.json describes the fixed routes', async () => {
    const res = await app.request('/api/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/health', '/api/session', '/api/me', '/api/people', '/api/opportunities']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths).toHaveProperty(['/api/comp/statements/{personExternalId}/{period}']);
  });

  test('an unknown route is a JSON 404', async () => {
    const s = await login('admin');
    const res = await get(s, '/api/nothing-here');
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });
});
