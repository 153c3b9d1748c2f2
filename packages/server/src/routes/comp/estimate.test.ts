// POST /api/comp/estimate over the small company with plans.test-helper.ts's seed, worked by hand:
//   ae pays 10 % of quota per unit of attainment up to 0.05, 20 % above. Raj: quota 100,000,
//   attainment 0.03 from T-1 (3,000 in February). Rosa: quota 50,000, no credits.
//   Raj closes O-1 (1,000 on 2026-07-20): 0.03 → 0.04, all in tier 1: July +100.
//   Raj closes 5,000 on 2026-07-01: 0.03 → 0.08: 0.02 × 10 % + 0.03 × 20 % = 0.008 × 100,000 = 800, tier 2.
//   Rosa closes O-2 (2,000 EUR at 1.10 = 2,200 on 2026-08-01): 0 → 0.044, 220 in August.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs, type TestSession } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';
import { seedPlans } from './plans.test-helper.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
let sessions: Record<Role, TestSession>;
const ROLES: Role[] = ['admin', 'ops', 'finance', 'manager', 'rep'];

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  await seedPlans(store);
  app = createApp({ store, today: () => TODAY });
  sessions = await loginAs(app, ROLES);
});
afterAll(async () => {
  await store?.close();
});

async function estimate(role: Role, body: unknown) {
  const res = await app.request('/api/comp/estimate', {
    method: 'POST',
    headers: { cookie: sessions[role].cookie, 'x-csrf-token': sessions[role].csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/comp/estimate', () => {
  test("a rep's own open deal: earnings with and without, attainment, the tier it lands in", async () => {
    const { status, body } = await estimate('rep', { deals: [{ opportunity: 'O-1' }] });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      person: { externalId: 'P-RAJ', name: 'Raj' },
      plan: { id: 'ae', version: 1, name: 'Account Executive' },
      currency: 'USD',
      quotaPeriod: { period: 'FY2026', start: '2026-01-01', end: '2026-12-31' },
      quota: { bookings: '100000' },
      total: { before: '300.00', after: '400.00', difference: '100.00' },
      attainment: { before: { bookings: '0.03' }, after: { bookings: '0.04' } },
      deals: [
        {
          id: 'what-if-1',
          opportunity: 'O-1',
          name: 'Deal O-1',
          amount: '1000',
          currency: 'USD',
          closeDate: '2026-07-20',
          lands: [{ component: 'commission', earned: '100', tier: 1, rate: '0.1', from: '0.03', to: '0.04' }],
        },
      ],
    });
    const periods = body.periods as { period: string; before: string; after: string; difference: string }[];
    expect(periods).toHaveLength(12);
    expect(periods[1]).toEqual({ period: '2026-02', before: '300.00', after: '300.00', difference: '0.00' });
    expect(periods[6]).toEqual({ period: '2026-07', before: '0.00', after: '100.00', difference: '100.00' });
  });

  test('a typed deal that crosses into the accelerator lands in tier 2', async () => {
    const { body } = await estimate('rep', { deals: [{ amount: '5000', closeDate: '2026-07-01' }] });
    expect(body.total).toEqual({ before: '300.00', after: '1100.00', difference: '800.00' });
    expect((body.deals as { lands: unknown[] }[])[0]?.lands).toEqual([
      { component: 'commission', earned: '800', tier: 2, rate: '0.2', from: '0.03', to: '0.08' },
    ]);
  });

  test('a manager for a team member, in another currency', async () => {
    const { status, body } = await estimate('manager', { person: 'P-ROSA', deals: [{ opportunity: 'O-2' }] });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      total: { before: '0.00', after: '220.00', difference: '220.00' },
      attainment: { before: { bookings: '0' }, after: { bookings: '0.044' } },
      deals: [{ amount: '2000', currency: 'EUR', closeDate: '2026-08-01' }],
    });
  });

  test('who may estimate for whom (DESIGN §9): anyone else, and deals they cannot see, are 404', async () => {
    const deal = { amount: '1000', closeDate: '2026-07-01' };
    // admin, ops, finance, manager (Mia: Raj, Rosa), rep (Raj)
    const matrix: [string, number[]][] = [
      ['P-RAJ', [200, 200, 200, 200, 200]],
      ['P-ROSA', [200, 200, 200, 200, 404]],
      ['P-NOBODY', [404, 404, 404, 404, 404]],
    ];
    for (const [person, statuses] of matrix) {
      for (const [i, role] of ROLES.entries()) {
        const res = await estimate(role, { person, deals: [deal] });
        expect([person, role, res.status]).toEqual([person, role, statuses[i]]);
      }
    }
    // Rosa's O-2 is not Raj's to see; O-4 is won, not open.
    expect((await estimate('rep', { deals: [{ opportunity: 'O-2' }] })).status).toBe(404);
    expect((await estimate('ops', { person: 'P-RAJ', deals: [{ opportunity: 'O-4' }] })).status).toBe(404);
  });

  test('bad input: no amount, another quota period, nobody on a plan', async () => {
    const noAmount = await estimate('rep', { deals: [{ closeDate: '2026-07-01' }] });
    expect([noAmount.status, (noAmount.body.error as { code: string }).code]).toEqual([400, 'REQUEST_INVALID']);
    const twoYears = await estimate('rep', {
      deals: [
        { amount: '1', closeDate: '2026-07-01' },
        { amount: '1', closeDate: '2027-01-05' },
      ],
    });
    expect((twoYears.body.error as { code: string }).code).toBe('ESTIMATE_INVALID');
    const noPlan = await estimate('ops', { person: 'P-LEE', deals: [{ amount: '1', closeDate: '2026-07-01' }] });
    expect([noPlan.status, (noPlan.body.error as { code: string }).code]).toEqual([400, 'PLAN_NOT_ASSIGNED']);
    const ops = await estimate('ops', { deals: [{ amount: '1', closeDate: '2026-07-01' }] });
    expect((ops.body.error as { code: string }).code).toBe('PERSON_REQUIRED');
  });
});
