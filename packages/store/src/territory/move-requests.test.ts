// Moves on the hand-built model (territory-fixture.test-helper.ts), today 2026-06-15, USD reporting.
// FX: EUR→USD 1.10 from 2025-01-01, 1.20 from 2026-03-01.
// are in DACH (owner Raj), A-3 in North America (Lee), since 2025-01-01.
// A-1 trailing bookings, window 2025-06-16..2026-06-15:
//   1,000 EUR on 2025-08-01 at 1.10 = 1,100; 500 USD on 2026-04-01; −100 EUR cancelled 2026-05-01
//   at 1.20 = −120; the 9,999 USD of 2025-06-15 is a day too old → 1,480.00
// A-2 booked 2,520 USD on 2026-01-10, so DACH booked 4,000.00 and A-1's share is 0.3700.
// A-1 open pipeline: 1,000 EUR at today's 1.20 = 1,200 plus 300 USD → 1,500.00 (2 deals; a won one is not pipeline).
// Raj's 2026-Q2 bookings quota is 10,000 EUR = 12,000.00 USD today (his FY quota is longer, so not used).
// Moving A-1 on 2026-06-16: 15 of Q2's 91 days remain (Jun 16–30; Apr 30 + May 31 + Jun 30).
//   full    = 0.37 × 12,000 = 4,440.00;   prorata = 4,440 × 15 ÷ 91 = 731.868… → 731.87
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import type { Database } from '../schema.ts';
import { openTestStore } from '../test-store.ts';
import { applyDueMoves } from './apply-due-moves.ts';
import { assignTerritories } from './assign-territories.ts';
import { decideMove } from './decide-move.ts';
import { createMoveRequest, createMoveRequests, type Decider } from './move-requests.ts';
import { createRule } from './rule-repository.ts';
import { rowCounts, seedTerritories, territoryOn } from './territory-fixture.test-helper.ts';

const TODAY = '2026-06-15';
let store: Store;
let db: Kysely<Database>;

beforeAll(async () => {
  store = await openTestStore();
  db = store.db;
  await seedTerritories(db);
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2025-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-03-01', rate: '1.20' },
    ])
    .execute();
  for (const [id, name, territory] of [
    [1, 'Acme GmbH', '2'],
    [2, 'Bergbau AG', '2'],
    [3, 'Crown Ltd', '4'],
  ] as const) {
    await db
      .insertInto('accounts')
      .values({ id, external_id: `A-${id}`, name })
      .execute();
    await db
      .insertInto('territory_assignments')
      .values({ account_id: String(id), territory_id: territory, valid_from: '2025-01-01', source: 'demo' })
      .execute();
  }
  const tx = [
    ['T-1', 'booking', '2025-08-01', '1000', 'EUR', '1'],
    ['T-2', 'booking', '2026-04-01', '500', 'USD', '1'],
    ['T-3', 'cancellation', '2026-05-01', '-100', 'EUR', '1'],
    ['T-4', 'booking', '2025-06-15', '9999', 'USD', '1'],
    ['T-5', 'revenue', '2026-04-01', '777', 'USD', '1'],
    ['T-6', 'booking', '2026-01-10', '2520', 'USD', '2'],
  ] as const;
  for (const [externalId, type, date, amount, currency, account] of tx) {
    await db
      .insertInto('transactions')
      .values({ external_id: externalId, type, date, amount, currency, account_id: account })
      .execute();
  }
  await db
    .insertInto('opportunities')
    .values([
      { external_id: 'O-1', account_id: '1', status: 'open', amount: '1000', currency: 'EUR' },
      { external_id: 'O-2', account_id: '1', status: 'open', amount: '300', currency: 'USD' },
      { external_id: 'O-3', account_id: '1', status: 'won', amount: '5000', currency: 'USD' },
    ])
    .execute();
  await db
    .insertInto('quotas')
    .values([
      {
        person_id: '3',
        measure: 'bookings',
        period: '2026-Q2',
        period_start: '2026-04-01',
        period_end: '2026-06-30',
        amount: '10000',
        currency: 'EUR',
      },
      {
        person_id: '3',
        measure: 'bookings',
        period: 'FY2026',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        amount: '40000',
        currency: 'EUR',
      },
    ])
    .execute();
  await db
    .insertInto('closed_periods')
    .values({ period: '2026-05', start_date: '2026-05-01', end_date: '2026-05-31', closed_by: 'test' })
    .execute();
});
afterAll(async () => {
  await store.close();
});

const request = (account: string, territory: string, effective: string, quota?: string, actor = 'mia') =>
  createMoveRequest(db, { account, territory, effective, quota, reason: 'coverage' }, { actor, today: TODAY });

test('the impact preview: pipeline at today’s rate, trailing bookings at each date’s rate, the quota share', async () => {
  const prorata = await request('A-1', 'North America', '2026-06-16', 'prorata');
  expect(prorata).toMatchObject({ account: 'A-1', from: 'T-DACH', to: 'T-NA', status: 'proposed', quota: 'prorata' });
  expect(prorata.impact).toEqual({
    currency: 'USD',
    asOf: TODAY,
    openPipeline: '1500.00',
    openOpportunities: 2,
    trailingBookings: '1480.00',
    trailingFrom: '2025-06-16',
    trailingTo: TODAY,
    quota: {
      treatment: 'prorata',
      period: '2026-Q2',
      owner: 'P-RAJ',
      ownerQuota: '12000.00',
      territoryTrailingBookings: '4000.00',
      share: '0.3700',
      remainingDays: 15,
      periodDays: 91,
      moved: '731.87',
    },
  });
  const full = await request('A-1', 'T-NA', '2026-06-16', 'full');
  expect(full.impact!.quota.moved).toBe('4440.00');
  const none = await request('A-1', 'T-NA', '2026-06-16');
  expect(none.impact!.quota).toMatchObject({ treatment: 'none', moved: '0.00' });
  await db.deleteFrom('account_move_requests').execute();
});

test('bad requests are coded errors and create nothing', async () => {
  const before = await rowCounts(db);
  await expect(request('A-1', 'Mars', '2026-06-16')).rejects.toMatchObject({ code: 'TERRITORY_UNKNOWN' });
  await expect(request('A-99', 'T-NA', '2026-06-16')).rejects.toMatchObject({ code: 'ACCOUNT_UNKNOWN' });
  await expect(request('A-1', 'T-DACH', '2026-06-16')).rejects.toMatchObject({ code: 'MOVE_INVALID' });
  await expect(request('A-1', 'T-SEC', '2026-06-16')).rejects.toMatchObject({ code: 'MOVE_INVALID' });
  await expect(request('A-1', 'T-NA', '2026-05-20')).rejects.toMatchObject({
    code: 'PERIOD_CLOSED',
    message: expect.stringContaining('closed period 2026-05'),
  });
  await expect(request('A-1', 'T-NA', '2026-06-16', 'half')).rejects.toMatchObject({ code: 'MOVE_INVALID' });
  await expect(request('A-1', 'T-NA', '16/06/2026')).rejects.toMatchObject({ code: 'DATE_INVALID' });
  await expect(
    createMoveRequests(
      db,
      [
        { row: 2, values: { account: 'A-1', territory: 'T-NA', effective: '2026-06-16' } },
        { row: 3, values: { account: 'A-2', territory: 'T-MARS', effective: '2026-06-16' } },
        { row: 4, values: { account: 'A-3', territory: 'T-DACH', effective: '2026-05-02' } },
      ],
      { actor: 'ops', today: TODAY, fileName: 'moves.csv' },
    ),
  ).rejects.toMatchObject({
    code: 'MOVE_FILE_INVALID',
    details: {
      total: 2,
      errors: [
        { row: 3, code: 'TERRITORY_UNKNOWN' },
        { row: 4, code: 'PERIOD_CLOSED' },
      ],
    },
  });
  expect(await rowCounts(db)).toEqual(before);
});

describe('approval by role', () => {
  const ops: Decider = { actor: 'ops', role: 'ops', personId: null };
  const mia: Decider = { actor: 'mia-user', role: 'manager', personId: '2' };
  const raj: Decider = { actor: 'raj-user', role: 'rep', personId: '3' };
  const finance: Decider = { actor: 'fin', role: 'finance', personId: null };
  const admin: Decider = { actor: 'admin', role: 'admin', personId: null };
  const decide = (id: string, decider: Decider, decision: 'approve' | 'reject' = 'approve') =>
    decideMove(db, id, decision, { decider, today: TODAY, note: 'ok' });

  test('rep and finance never; a manager within the subtree only; nobody but admin their own request', async () => {
    // DACH (Raj, in Mia's team) → NA (Lee, not); A-3: NA (Lee) → EMEA (Vera): neither in Mia's team
    const withinTeam = await request('A-2', 'T-NA', '2026-07-01', 'none', 'raj-user');
    const outside = await request('A-3', 'T-EMEA', '2026-07-01', 'none', 'raj-user');
    const byOps = await request('A-3', 'T-UKI', '2026-07-01', 'none', 'ops');
    const byAdmin = await request('A-3', 'T-DACH', '2026-07-01', 'none', 'admin');
    await expect(decide(withinTeam.id, raj)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decide(withinTeam.id, finance)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decide(outside.id, mia)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decide(byOps.id, ops)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await decide(withinTeam.id, mia)).toMatchObject({ status: 'approved', decidedBy: 'mia-user', note: 'ok' });
    expect(await decide(outside.id, ops, 'reject')).toMatchObject({ status: 'rejected', decidedBy: 'ops' });
    expect(await decide(byAdmin.id, admin)).toMatchObject({ status: 'approved' });
    // decided once is decided
    await expect(decide(outside.id, admin)).rejects.toMatchObject({ code: 'MOVE_INVALID' });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'after'])
      .where('entity', '=', 'account_move_requests')
      .where('entity_id', '=', outside.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['request', 'raj-user'],
      ['reject', 'ops'],
    ]);
    expect(audit[1]!.after).toEqual({ status: 'rejected', note: 'ok' });
    // approved for 2026-07-01, not yet due: no assignment changed
    expect(await territoryOn(db, 'A-2', '2026-07-01')).toBe('T-DACH');
  });

  test('applied on its date: the day before keeps the old territory, the day of has the new; rules never undo it', async () => {
    const applied = await db.transaction().execute((trx) => applyDueMoves(trx, { today: '2026-07-01', actor: 'test' }));
    expect(applied.applied.map((m) => [m.account, m.to, m.effective])).toEqual([
      ['A-2', 'T-NA', '2026-07-01'],
      ['A-3', 'T-DACH', '2026-07-01'],
    ]);
    expect(await territoryOn(db, 'A-2', '2026-06-30')).toBe('T-DACH');
    expect(await territoryOn(db, 'A-2', '2026-07-01')).toBe('T-NA');
    // a rule that would put everything into DACH leaves the moved accounts alone
    await createRule(
      db,
      { territory: 'T-DACH', name: 'all', priority: 1, items: [{ field: 'name', operator: 'is_not_empty' }] },
      'test',
    );
    const run = await assignTerritories(db, { asOf: '2026-07-02', today: '2026-07-01', dryRun: true, actor: 'test' });
    expect(run.changes).toEqual([]);
  });

  test('an approval effective today or earlier is applied at once', async () => {
    const past = await request('A-1', 'T-UKI', '2026-06-10', 'none', 'raj-user');
    expect(await decide(past.id, ops)).toMatchObject({ status: 'applied' });
    expect(await territoryOn(db, 'A-1', '2026-06-09')).toBe('T-DACH');
    expect(await territoryOn(db, 'A-1', '2026-06-10')).toBe('T-UKI');
  });
});
