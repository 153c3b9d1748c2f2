// /api/plans over the small company (testing/small-company.ts), numbers worked by hand:
//   plan ae: 10 % of quota per unit of attainment up to 0.05, 20 % above; Raj and Rosa are on it.
//   plan mgr is on nobody a rep is. Raj's FY2026 bookings quota is 100,000; T-1 (3,000 on
//   2026-02-10) is credited to him: attainment 0.03, February commission 0.03 × 10 % × 100,000 = 300.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs, type TestSession } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';
import { AE, MGR, seedPlans } from './plans.test-helper.ts';

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

async function call(role: Role, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: {
      cookie: sessions[role].cookie,
      'x-csrf-token': sessions[role].csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('reading plans', () => {
  test('admin, ops, finance and managers list every plan; a rep the plans they are on', async () => {
    for (const role of ROLES) {
      const res = await call(role, 'GET', '/api/plans');
      expect([role, res.status]).toEqual([role, 200]);
      const ids = (res.body.plans as { id: string }[]).map((p) => p.id);
      expect([role, ids]).toEqual([role, role === 'rep' ? ['ae'] : ['ae', 'mgr']]);
    }
    const { body } = await call('ops', 'GET', '/api/plans');
    expect((body.plans as unknown[])[0]).toMatchObject({
      id: 'ae',
      name: 'Account Executive',
      currency: 'USD',
      version: 1,
      validFrom: '1900-01-01',
      versions: 1,
    });
  });

  test("a plan's versions carry their source text; an unreadable or unknown plan is 404", async () => {
    const { status, body } = await call('rep', 'GET', '/api/plans/ae');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 'ae',
      versions: [{ version: 1, source: AE }],
      assignees: [{ externalId: 'P-RAJ', name: 'Raj' }],
    });
    expect((await call('manager', 'GET', '/api/plans/ae')).body.assignees).toEqual([
      { externalId: 'P-RAJ', name: 'Raj' },
      { externalId: 'P-ROSA', name: 'Rosa' },
    ]);
    expect((await call('rep', 'GET', '/api/plans/mgr')).status).toBe(404);
    expect((await call('ops', 'GET', '/api/plans/nope')).status).toBe(404);
  });
});

describe('POST /api/plans/validate', () => {
  test('a valid plan answers its summary', async () => {
    const { status, body } = await call('rep', 'POST', '/api/plans/validate', { text: AE });
    expect(status).toBe(200);
    expect(body).toEqual({
      valid: true,
      plan: {
        id: 'ae',
        name: 'Account Executive',
        currency: 'USD',
        payPeriod: 'month',
        quotaPeriod: 'year',
        components: [{ id: 'commission', kind: 'rate-table' }],
      },
    });
  });

  test('every problem with its path and line, still 200', async () => {
    const broken = AE.replace('input: attainment', 'input: atainment').replace(
      '    tiers:',
      '    tierz: 1\n    tiers:',
    );
    const { status, body } = await call('ops', 'POST', '/api/plans/validate', { text: broken });
    expect(status).toBe(200);
    expect(body.valid).toBe(false);
    expect(body.problems).toEqual([
      { path: 'components.0.tierz', line: 8, message: 'unknown field' },
      { path: 'components.0.input', line: 7, message: expect.stringContaining('attainment') },
    ]);
  });

  test('a YAML syntax error names its line', async () => {
    const { body } = await call('ops', 'POST', '/api/plans/validate', { text: 'id: x\ncomponents: [\n' });
    expect(body.valid).toBe(false);
    expect((body.problems as { line: number }[])[0]?.line).toBeGreaterThan(0);
  });
});

describe('POST /api/plans', () => {
  test('only admin and ops save a version', async () => {
    for (const role of ['finance', 'manager', 'rep'] as const) {
      const res = await call(role, 'POST', '/api/plans', { text: AE.replace('0.20', '0.25') });
      expect([role, res.status, (res.body.error as { code: string }).code]).toEqual([role, 403, 'FORBIDDEN']);
    }
  });

  test('a new text is the next version, the same text again saves nothing, a broken one is PLAN_INVALID', async () => {
    const next = AE.replace('0.20', '0.25');
    expect(await call('ops', 'POST', '/api/plans', { text: next, validFrom: '2026-07-01' })).toEqual({
      status: 201,
      body: { created: true, id: 'ae', version: 2, validFrom: '2026-07-01' },
    });
    expect(await call('admin', 'POST', '/api/plans', { text: next, validFrom: '2026-07-01' })).toEqual({
      status: 200,
      body: { created: false, id: 'ae', version: 2, validFrom: '2026-07-01' },
    });
    const bad = await call('ops', 'POST', '/api/plans', { text: 'id: ae\n' });
    expect([bad.status, (bad.body.error as { code: string }).code]).toEqual([400, 'PLAN_INVALID']);
    expect((await call('ops', 'GET', '/api/plans/ae')).body.versions).toHaveLength(2);
  });

  test('without the CSRF token it is refused', async () => {
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { cookie: sessions.ops.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ text: AE }),
    });
    expect(res.status).toBe(403);
  });
});

describe('POST /api/plans/preview', () => {
  test("runs the text on the payee's credits, quota and target incentive, with explain", async () => {
    const { status, body } = await call('ops', 'POST', '/api/plans/preview', { text: AE, person: 'P-RAJ' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      person: { externalId: 'P-RAJ', name: 'Raj' },
      quotaPeriod: { period: 'FY2026', start: '2026-01-01', end: '2026-12-31' },
      quota: { bookings: '100000' },
      targetIncentive: '50000',
      assigned: true,
      credits: 1,
      attainment: { bookings: '0.03' },
    });
    const result = body.result as {
      periods: { period: string; components: Record<string, string>; explain: Record<string, unknown> }[];
      total: unknown;
    };
    expect(result.periods).toHaveLength(12);
    expect(result.periods[1]).toMatchObject({ period: '2026-02', components: { commission: '300.00' } });
    expect(result.periods[1]?.explain.commission).toMatchObject({
      credits: [{ credit: 'T-1', from: '0', to: '0.03' }],
    });
    expect(result.total).toEqual({ earned: '300.00', paid: '300.00' });
  });

  test('the edited text is what runs: a steeper first tier pays more', async () => {
    const { body } = await call('rep', 'POST', '/api/plans/preview', {
      text: AE.replace('rate: 0.10', 'rate: 0.12'),
      person: 'P-RAJ',
      period: 'FY2026',
    });
    expect((body.result as { total: { earned: string } }).total.earned).toBe('360.00');
  });

  test('who may preview on whom (DESIGN §9): anyone else is 404', async () => {
    // admin, ops, finance, manager (Mia: Raj, Rosa), rep (Raj)
    const matrix: [string, number[]][] = [
      ['P-RAJ', [200, 200, 200, 200, 200]],
      ['P-ROSA', [200, 200, 200, 200, 404]],
      ['P-VERA', [200, 200, 200, 404, 404]],
      ['P-NOBODY', [404, 404, 404, 404, 404]],
    ];
    for (const [person, statuses] of matrix) {
      for (const [i, role] of ROLES.entries()) {
        const res = await call(role, 'POST', '/api/plans/preview', { text: MGR, person });
        expect([person, role, res.status]).toEqual([person, role, statuses[i]]);
      }
    }
  });

  test('a broken text is PLAN_INVALID, a missing quota QUOTA_MISSING', async () => {
    const broken = await call('ops', 'POST', '/api/plans/preview', { text: 'id: ae\n', person: 'P-RAJ' });
    expect([broken.status, (broken.body.error as { code: string }).code]).toEqual([400, 'PLAN_INVALID']);
    const noQuota = await call('ops', 'POST', '/api/plans/preview', { text: AE, person: 'P-MIA' });
    expect([noQuota.status, (noQuota.body.error as { code: string }).code]).toEqual([400, 'QUOTA_MISSING']);
  });
});
