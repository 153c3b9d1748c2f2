// GET /api/comp/statements/{person}/{period} over the small company with hand-made runs
// (store comp-close.test-helper.ts): Raj has March (approved) and April (draft) results, Rosa March,
// Lee is held in March. Who sees what follows DESIGN §9; drafts only for finance, ops and admin.
import type { Role } from '@attain/store/auth/user-repository.ts';
import { seedClose } from '@attain/store/comp/comp-close.test-helper.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs, type TestSession } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let sessions: Record<Role, TestSession>;
const ROLES: Role[] = ['admin', 'ops', 'finance', 'manager', 'rep'];

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  await seedClose(store.db, { ana: '3', ben: '4', cal: '5' }); // Raj, Rosa, Lee
  app = createApp({ store, today: () => TODAY });
  sessions = await loginAs(app, ROLES);
});
afterAll(async () => {
  await store.close();
});

async function get(role: Role | undefined, path: string) {
  const res = await app.request(path, { headers: role ? { cookie: sessions[role].cookie } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('statement visibility (DESIGN §9, §11)', () => {
  // 200 or 404 for admin, ops, finance, manager (Mia: Raj and Rosa), rep (Raj)
  const matrix: [string, string, number[]][] = [
    ['P-RAJ', '2026-03', [200, 200, 200, 200, 200]],
    ['P-ROSA', '2026-03', [200, 200, 200, 200, 404]],
    ['P-LEE', '2026-03', [404, 404, 404, 404, 404]], // held: no result
    ['P-RAJ', '2026-04', [200, 200, 200, 404, 404]], // draft: not for payees and their managers
    ['P-RAJ', '2026-02', [404, 404, 404, 404, 404]], // no result in February's run
    ['P-VERA', '2026-03', [404, 404, 404, 404, 404]],
    ['P-NOBODY', '2026-03', [404, 404, 404, 404, 404]],
  ];
  test.each(matrix)('%s %s', async (person, period, statuses) => {
    for (const [i, role] of ROLES.entries()) {
      const res = await get(role, `/api/comp/statements/${person}/${period}`);
      expect([role, res.status]).toEqual([role, statuses[i]]);
      if (res.status === 404) {
        expect(res.body).toEqual({
          error: {
            code: 'NOT_FOUND',
            message: `No statement for ${person} in ${period}`,
            details: { person, period },
          },
        });
      }
    }
  });

  test('no session is 401', async () => {
    expect((await get(undefined, '/api/comp/statements/P-RAJ/2026-03')).status).toBe(401);
  });
});

test("the rep's own approved statement", async () => {
  const { body } = await get('rep', '/api/comp/statements/P-RAJ/2026-03');
  expect(body).toMatchObject({
    payee: { externalId: 'P-RAJ', name: 'Raj' },
    period: '2026-03',
    status: 'approved',
    currency: 'USD',
    earned: '7600.00',
    paid: '7600.00',
    drawBalance: '0.00',
    attainment: { bookings: '0.35' },
  });
  expect((body.lines as { kind: string }[]).map((l) => l.kind)).toEqual([
    'component',
    'component',
    'component',
    'prior_period',
    'manual',
  ]);
  expect((body.explain as { component: string; transactions: unknown[] }[])[0]).toMatchObject({
    component: 'commission',
    transactions: [
      { externalId: 'T-100', amount: '-200' },
      { externalId: 'T-200', amount: '499.996' },
      { externalId: 'T-300', amount: '1000.004' },
    ],
  });
});
