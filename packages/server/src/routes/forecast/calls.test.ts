// Forecast-call routes on the small company (testing/small-company.ts), today Monday 2026-06-15,
// period 2026-Q2. Mia manages Raj and Rosa; Lee and Fin report to Vera until 07-01. EUR = 1.10 USD.
// Submitted below, all for the week of 06-15: Raj 1000/2000/3000 USD (himself), Mia 0/0/500 USD
// (herself), Rosa 1000/1000/1000 EUR (by ops on her behalf) and Mia's team override 2500/4000/6000.
import type { Role } from '@attain/store/auth/user-repository.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs } from '../../testing/login-as.ts';
import { LOGINS, seedSmallCompany, TODAY } from '../../testing/small-company.ts';

let store: Store;
let app: ReturnType<typeof createApp>;
const sessions: Partial<Record<Role, { cookie: string; csrf: string }>> = {};

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  app = createApp({ store, today: () => TODAY });
  Object.assign(sessions, await loginAs(app, Object.keys(LOGINS) as Role[]));
});
afterAll(async () => {
  await store.close();
});

const call = async (role: Role, method: string, path: string, body?: unknown, csrf = true) => {
  const s = sessions[role]!;
  const res = await app.request(path, {
    method,
    headers: { cookie: s.cookie, 'content-type': 'application/json', ...(csrf && { 'x-csrf-token': s.csrf }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};
const amounts = (commit: string, bestCase: string, pipeline: string) => ({
  period: '2026-Q2',
  commit,
  bestCase,
  pipeline,
});

describe('POST /api/forecast/calls', () => {
  test.each<[string, Role, object, number, string?]>([
    ['a rep submits his own call', 'rep', amounts('1000', '2000', '3000'), 201],
    ['a manager submits her own call', 'manager', amounts('0', '0', '500'), 201],
    [
      'ops submits on behalf of a rep',
      'ops',
      { ...amounts('1000', '1000', '1000'), person: 'P-ROSA', currency: 'EUR' },
      201,
    ],
    [
      'a manager overrides her team with a note',
      'manager',
      { ...amounts('2500', '4000', '6000'), override: true, note: "Rosa's deal slips" },
      201,
    ],
    [
      'a rep may not submit for a colleague',
      'rep',
      { ...amounts('1', '1', '1'), person: 'P-ROSA' },
      404,
      'PERSON_NOT_FOUND',
    ],
    ['a rep may not override', 'rep', { ...amounts('1', '1', '1'), override: true, note: 'x' }, 403, 'FORBIDDEN'],
    [
      "a manager does not submit a rep's own call",
      'manager',
      { ...amounts('1', '1', '1'), person: 'P-RAJ' },
      403,
      'FORBIDDEN',
    ],
    [
      'a manager cannot reach above her',
      'manager',
      { ...amounts('1', '1', '1'), person: 'P-VERA', override: true, note: 'x' },
      404,
    ],
    ['finance is read-only', 'finance', { ...amounts('1', '1', '1'), person: 'P-RAJ' }, 403, 'FORBIDDEN'],
    ['categories are cumulative', 'rep', amounts('3000', '2000', '1000'), 400, 'FORECAST_INVALID'],
    ['an override needs a note', 'manager', { ...amounts('1', '1', '1'), override: true }, 400, 'FORECAST_INVALID'],
    ['admin without a person must say whose call', 'admin', amounts('1', '1', '1'), 400, 'FORECAST_INVALID'],
  ])('%s', async (_, role, body, status, code) => {
    const res = await call(role, 'POST', '/api/forecast/calls', body);
    expect(res.status).toBe(status);
    if (code) expect(res.body.error.code).toBe(code);
    if (status === 201) expect(res.body).toMatchObject({ weekOf: '2026-06-15', submittedBy: LOGINS[role] });
  });

  test('without the CSRF token nothing lands', async () => {
    const res = await call('rep', 'POST', '/api/forecast/calls', amounts('1', '1', '1'), false);
    expect(res.status).toBe(403);
  });
});

describe('GET /api/forecast/calls', () => {
  type Row = { name: string; source: string; commit: string; bestCase: string; pipeline: string; reports: Row[] };
  const lines = (row: Row, depth = 0): string[] => [
    `${'  '.repeat(depth)}${row.name} ${row.source} ${row.commit}/${row.bestCase}/${row.pipeline}`,
    ...row.reports.flatMap((r) => lines(r, depth + 1)),
  ];

  test("the manager's grid: her override next to the roll-up of her call and her reps'", async () => {
    const { status, body } = await call('manager', 'GET', '/api/forecast/calls?period=2026-Q2&week=2026-06-17');
    expect(status).toBe(200);
    expect(body).toMatchObject({ weekOf: '2026-06-15', currency: 'USD', period: { period: '2026-Q2' } });
    // roll-up: Mia 0/0/500 + Raj 1000/2000/3000 + Rosa 1000 EUR × 1.10 = 1100 each → 2100/3100/4600
    expect(lines(body.team)).toEqual([
      'Mia override 2500.00/4000.00/6000.00',
      '  Raj own 1000.00/2000.00/3000.00',
      '  Rosa own 1100.00/1100.00/1100.00',
    ]);
    expect(body.team.rollup).toEqual({ commit: '2100.00', bestCase: '3100.00', pipeline: '4600.00' });
    expect(body.team.override.note).toBe("Rosa's deal slips");
  });

  test.each<[Role, string, string[]]>([
    ['rep', '', ['Raj own 1000.00/2000.00/3000.00']],
    [
      'ops',
      '',
      [
        'Vera rollup 2500.00/4000.00/6000.00',
        '  Fin none 0.00/0.00/0.00',
        '  Lee none 0.00/0.00/0.00',
        '  Mia override 2500.00/4000.00/6000.00',
        '    Raj own 1000.00/2000.00/3000.00',
        '    Rosa own 1100.00/1100.00/1100.00',
      ],
    ],
    ['finance', '&person=P-RAJ', ['Raj own 1000.00/2000.00/3000.00']],
    [
      'admin',
      '&person=P-MIA',
      [
        'Mia override 2500.00/4000.00/6000.00',
        '  Raj own 1000.00/2000.00/3000.00',
        '  Rosa own 1100.00/1100.00/1100.00',
      ],
    ],
  ])('%s sees %s', async (role, extra, expected) => {
    const { status, body } = await call(role, 'GET', `/api/forecast/calls?period=2026-Q2${extra}`);
    expect(status).toBe(200);
    expect(lines(body.team)).toEqual(expected);
  });

  test.each<[Role, string]>([
    ['rep', 'P-MIA'],
    ['manager', 'P-VERA'],
    ['manager', 'P-LEE'],
  ])('%s asking for %s gets 404', async (role, person) => {
    const res = await call(role, 'GET', `/api/forecast/calls?period=2026-Q2&person=${person}`);
    expect(res.status).toBe(404);
  });
});

describe('GET /api/forecast/calls/history', () => {
  test.each<[Role, string, string[]]>([
    ['rep', '', ['P-RAJ own 1000.00']],
    ['manager', '?period=2026-Q2', ['P-RAJ own 1000.00', 'P-MIA own 0.00', 'P-ROSA own 1000.00', 'P-MIA team 2500.00']],
    ['finance', '?person=P-ROSA', ['P-ROSA own 1000.00']],
    ['ops', '?period=2026-Q3', []],
  ])('%s %s', async (role, query, expected) => {
    const { status, body } = await call(role, 'GET', `/api/forecast/calls/history${query}`);
    expect(status).toBe(200);
    expect(
      body.calls.map((c: { person: string; scope: string; commit: string }) => `${c.person} ${c.scope} ${c.commit}`),
    ).toEqual(expected);
  });

  test('a rep asking for a colleague gets 404', async () => {
    expect((await call('rep', 'GET', '/api/forecast/calls/history?person=P-ROSA')).status).toBe(404);
  });
});
