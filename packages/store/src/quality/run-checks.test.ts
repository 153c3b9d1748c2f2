import { RULE_NAMES, type RuleName } from '@attain/core/quality/rule-catalog.ts';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadDemoCompany } from '../demo/load-demo-company.ts';
import type { Database } from '../schema.ts';
import { openTestStore } from '../test-store.ts';
import { runChecks } from './run-checks.ts';

// A hand-built company where we know which records each rule must flag and which it must not.
// Today is 2026-11-24 (a Tuesday); 30 days before is 2026-10-25.
const TODAY = '2026-11-24';
let store: Awaited<ReturnType<typeof openTestStore>>;

async function seed(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('org_units')
    .values([
      { id: 1, external_id: 'OU-ROOT', name: 'Acme', parent_id: null, type: 'company' },
      { id: 2, external_id: 'OU-SALES', name: 'Sales', parent_id: '1', type: 'region' },
    ])
    .execute();

  // people: [id, externalId, jobRole | null (no history), managerId, orgUnitId, hire, term]
  const people: [number, string, string | null, number | null, number, string | null, string | null][] = [
    [1, 'P-CEO', 'exec', null, 2, '2020-01-01', null], // exec: the top, needs no manager
    [2, 'P-OPS', 'ops', null, 1, '2020-01-01', null], // in the root org unit: the top too
    [3, 'P-MGR', 'manager', 1, 2, '2020-01-01', null],
    [4, 'P-REP1', 'rep', 3, 2, '2020-01-01', null], // own quota this quarter
    [5, 'P-REP2', 'rep', 3, 2, '2020-01-01', null], // no quota at all
    [6, 'P-REP3', 'rep', null, 2, '2020-01-01', null], // no manager; quota through the territory they own
    [7, 'P-GONE', 'rep', null, 2, '2020-01-01', '2026-10-31'], // left: judged by no rule
    [8, 'P-NEW', 'rep', null, 2, '2026-12-01', null], // starts next month: not active yet
    [9, 'P-ORPHAN', null, null, 2, '2020-01-01', null], // active with no history at all
    [10, 'P-REP4', 'rep', 7, 2, '2020-01-01', null], // manager left; last quarter's quota only
    [11, 'P-LAST', 'rep', 3, 2, '2020-01-01', TODAY], // today is the last day: still active
  ];
  await db
    .insertInto('people')
    .values(
      people.map(([id, ext, , , , hire, term]) => ({
        id,
        external_id: ext,
        name: ext,
        hire_date: hire,
        term_date: term,
      })),
    )
    .execute();
  await db
    .insertInto('person_history')
    .values(
      people
        .filter(([, , role]) => role !== null)
        .map(([id, , role, manager, ou, hire, term]) => ({
          person_id: String(id),
          valid_from: hire ?? '2020-01-01',
          valid_to: term === '2026-10-31' ? '2026-11-01' : null,
          manager_id: manager === null ? null : String(manager),
          org_unit_id: String(ou),
          job_role: role!,
        })),
    )
    .execute();

  const Q4 = {
    measure: 'bookings',
    period: '2026-Q4',
    period_start: '2026-10-01',
    period_end: '2026-12-31',
    amount: '100000',
  };
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-WEST', name: 'West', type: 'account' },
      { id: 2, external_id: 'T-EAST', name: 'East', type: 'account' },
      { id: 3, external_id: 'T-TBH', name: 'Open seat', type: 'account' },
      { id: 4, external_id: 'T-NONE', name: 'Overlay without owner', type: 'overlay' },
      { id: 5, external_id: 'T-OLD', name: 'Retired', type: 'account', valid_to: '2026-01-01' },
      { id: 6, external_id: 'T-LEFT', name: 'Owner left', type: 'account' },
      { id: 7, external_id: 'T-SOON', name: 'Owner from tomorrow', type: 'account' },
    ])
    .execute();
  await db
    .insertInto('territory_owners')
    .values([
      { territory_id: '1', person_id: '4', valid_from: '2025-01-01' },
      { territory_id: '2', person_id: '6', valid_from: '2025-01-01' },
      { territory_id: '3', person_id: '5', valid_from: '2025-01-01', valid_to: '2026-06-01' },
      { territory_id: '3', person_id: null, tbh_label: 'TBH AE', valid_from: '2026-06-01' },
      { territory_id: '6', person_id: '7', valid_from: '2025-01-01' },
      { territory_id: '7', person_id: '5', valid_from: '2026-11-25' },
    ])
    .execute();
  await db
    .insertInto('quotas')
    .values([
      { person_id: '4', ...Q4 },
      { territory_id: '2', ...Q4, period: 'FY2026', period_start: '2026-01-01' },
      { person_id: '10', ...Q4, period: '2026-Q3', period_start: '2026-07-01', period_end: '2026-09-30' },
      // A Q4 quota version that was closed and never replaced is no quota today.
      { person_id: '10', ...Q4, valid_to: '2026-11-01' },
    ])
    .execute();

  const accounts: [number, string, string][] = [
    [1, 'A-1', 'Acme, Inc.'],
    [2, 'A-2', 'ACME Corp'],
    [3, 'A-3', 'Acme Corporation Ltd'],
    [4, 'A-4', 'Globex S.A. de C.V.'],
    [5, 'A-5', 'globex'],
    [6, 'A-6', 'Initech'],
    [7, 'A-7', 'Initech Labs'],
    [8, 'A-8', 'Co'],
    [9, 'A-9', 'Umbrella GmbH'],
    [10, 'A-10', 'Acme Rockets'],
  ];
  await db
    .insertInto('accounts')
    .values(accounts.map(([id, ext, name]) => ({ id, external_id: ext, name })))
    .execute();
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '1', territory_id: '1', valid_from: '2025-01-01' },
      { account_id: '2', territory_id: '1', valid_from: '2025-01-01' },
      { account_id: '4', territory_id: '2', valid_from: '2025-01-01' },
      { account_id: '5', territory_id: '2', valid_from: '2025-01-01' },
      { account_id: '6', territory_id: '1', valid_from: '2025-01-01', valid_to: TODAY }, // ended: not today
      { account_id: '7', territory_id: '4', valid_from: '2025-01-01' }, // an overlay is no account territory
      { account_id: '8', territory_id: '3', valid_from: '2025-01-01' },
      { account_id: '9', territory_id: '2', valid_from: TODAY }, // from today: counts
      { account_id: '10', territory_id: '1', valid_from: '2025-01-01' },
    ])
    .execute();

  interface OppOver {
    account_id?: string | null;
    owner_id?: string | null;
    amount?: string | null;
    status?: string;
    stage?: string | null;
    close_date?: string;
    currency?: string;
  }
  let nextId = 1;
  const opp = (external_id: string, over: OppOver = {}) => ({
    id: nextId++,
    external_id,
    account_id: '1',
    owner_id: '4',
    amount: '1000',
    status: 'open',
    stage: 'Proposal',
    close_date: '2026-12-31',
    currency: 'USD',
    ...over,
  });
  await db
    .insertInto('opportunities')
    .values([
      opp('O-01', { close_date: TODAY }), // today is not past
      opp('O-02', { close_date: '2026-11-23' }), // yesterday is
      opp('O-03', { account_id: null, owner_id: null, amount: '500' }),
      opp('O-04', { status: 'won', stage: 'Closed Won', amount: null, close_date: '2026-01-10' }),
      opp('O-05', { amount: '0' }),
      opp('O-06', { amount: '-5.50' }),
      opp('O-07', { status: 'lost', stage: 'Closed Lost', amount: '0', close_date: '2026-01-10' }),
      opp('O-08', { stage: 'Closed Won' }),
      opp('O-09', { status: 'lost', stage: ' closed won ' }),
      opp('O-10', { status: 'won', stage: 'Closed Lost' }),
      opp('O-11', { status: 'won', stage: 'Negotiation' }),
      opp('O-12', { status: 'won', stage: null }),
      opp('O-20', { amount: '1000' }), // stale since 2026-09-01
      opp('O-21', { stage: 'Negotiation' }), // changed stage 2026-10-30: not stale
      opp('O-22', { amount: '1200' }), // same snapshots for months, but changed since the last one
      opp('O-23'), // unchanged since 2026-10-25: exactly 30 days
      opp('O-24'), // unchanged since 2026-10-26: 29 days
      opp('O-25', { status: 'won', stage: 'Closed Won' }), // closed: not judged
      opp('O-30'), // pushed twice
      opp('O-31', { close_date: '2026-10-31' }), // pushed, then pulled in: one push
      opp('O-32'), // pushed once in snapshots, once more in the current row
      opp('O-40', { currency: 'EUR', close_date: '2025-11-30', status: 'lost', stage: 'Closed Lost' }),
    ])
    .execute();

  const ids = new Map<string, string>();
  for (const row of await db.selectFrom('opportunities').select(['id', 'external_id']).execute()) {
    ids.set(row.external_id, row.id);
  }
  const snap = (ext: string, date: string, over: { stage?: string; amount?: string; close_date?: string } = {}) => ({
    opportunity_id: ids.get(ext)!,
    snapshot_date: date,
    status: 'open',
    currency: 'USD',
    stage: 'Proposal',
    amount: '1000',
    close_date: '2026-12-31',
    ...over,
  });
  await db
    .insertInto('opportunity_snapshots')
    .values([
      snap('O-20', '2026-09-01'),
      snap('O-20', '2026-10-01'),
      snap('O-20', '2026-11-20', { amount: '1000.00' }), // the same number
      snap('O-21', '2026-09-01'),
      snap('O-21', '2026-10-30', { stage: 'Negotiation' }),
      snap('O-22', '2026-09-01'),
      snap('O-22', '2026-10-25'),
      snap('O-23', '2026-10-01', { stage: 'Discovery' }),
      snap('O-23', '2026-10-25'),
      snap('O-23', '2026-11-23'),
      snap('O-24', '2026-10-01', { stage: 'Discovery' }),
      snap('O-24', '2026-10-26'),
      snap('O-25', '2026-01-01'),
      snap('O-30', '2026-08-01', { close_date: '2026-09-30', stage: 'Discovery' }),
      snap('O-30', '2026-09-01', { close_date: '2026-10-31', stage: 'Discovery' }),
      snap('O-30', '2026-10-01', { close_date: '2026-10-31' }),
      snap('O-30', '2026-11-01', { close_date: '2026-12-31' }),
      snap('O-31', '2026-08-01', { close_date: '2026-09-30' }),
      snap('O-31', '2026-09-01', { close_date: '2026-12-31' }),
      snap('O-31', '2026-10-01', { close_date: '2026-10-31' }),
      snap('O-32', '2026-08-01', { close_date: '2026-09-30' }),
      snap('O-32', '2026-09-01', { close_date: '2026-10-31', stage: 'Negotiation' }),
    ])
    .execute();

  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.1' },
      { from_currency: 'USD', to_currency: 'GBP', date: '2026-06-01', rate: '0.78' }, // the reverse pair counts
    ])
    .execute();

  let tx = 1;
  const transaction = (
    external_id: string,
    date: string,
    over: { owner_id?: string; opportunity_id?: string; account_id?: string; currency?: string },
  ) => ({ id: tx++, external_id, type: 'booking', date, amount: '100', currency: 'USD', ...over });
  await db
    .insertInto('transactions')
    .values([
      transaction('X-01', '2026-03-01', { owner_id: '4' }),
      transaction('X-02', '2026-03-01', { opportunity_id: ids.get('O-01')! }), // the opportunity's owner
      transaction('X-03', '2026-03-01', { account_id: '1' }), // A-1 → West, owned by P-REP1
      transaction('X-04', '2026-03-01', { account_id: '3' }), // A-3 has no territory
      transaction('X-05', '2026-07-01', { account_id: '8' }), // A-8 → Open seat, TBH since June
      transaction('X-06', '2026-03-01', { account_id: '8' }), // … but owned by P-REP2 in March
      transaction('X-07', '2026-03-01', { opportunity_id: ids.get('O-03')! }), // its opportunity has no owner
      transaction('X-08', '2025-12-31', { owner_id: '4', currency: 'EUR' }), // before the first EUR rate
      transaction('X-09', '2026-02-01', { owner_id: '4', currency: 'EUR' }),
      transaction('X-10', '2026-05-01', { owner_id: '4', currency: 'GBP' }), // before the first GBP rate
      transaction('X-11', '2026-06-01', { owner_id: '4', currency: 'GBP' }), // on it: fine
      transaction('X-12', '2026-01-01', { owner_id: '4', currency: 'JPY' }), // no JPY rate at all
    ])
    .execute();
}

async function flagged(rule: RuleName, thresholds?: Record<string, unknown>) {
  const report = await runChecks(store.db, { today: TODAY, rules: [rule], thresholds });
  expect(report.summary).toEqual({ [rule]: report.issues.length });
  return report.issues.map(({ id, message }) => ({ id, message }));
}

beforeAll(async () => {
  store = await openTestStore();
  await seed(store.db);
});
afterAll(async () => {
  await store?.close();
});

describe('opportunity rules', () => {
  test('opportunity_past_close_date: open and before today; today itself and closed deals are not', async () => {
    expect(await flagged('opportunity_past_close_date')).toEqual([
      { id: 'O-02', message: 'open, with close date 2026-11-23: 1 day before today (2026-11-24)' },
      { id: 'O-31', message: 'open, with close date 2026-10-31: 24 days before today (2026-11-24)' },
    ]);
  });

  test('opportunity_missing_fields: the message names what is missing', async () => {
    expect(await flagged('opportunity_missing_fields')).toEqual([
      { id: 'O-03', message: 'missing account, owner' },
      { id: 'O-04', message: 'missing amount' },
    ]);
  });

  test('opportunity_nonpositive_amount: open only', async () => {
    expect(await flagged('opportunity_nonpositive_amount')).toEqual([
      { id: 'O-05', message: 'open, with amount 0 USD' },
      { id: 'O-06', message: 'open, with amount -5.50 USD' },
    ]);
  });

  test('opportunity_stage_status_mismatch: both directions, trimmed and case-insensitive', async () => {
    expect(await flagged('opportunity_stage_status_mismatch')).toEqual([
      { id: 'O-08', message: 'stage "Closed Won" is a won stage but status is open' },
      { id: 'O-09', message: 'stage " closed won " is a won stage but status is lost' },
      { id: 'O-10', message: 'stage "Closed Lost" is a lost stage but status is won' },
      { id: 'O-11', message: 'status is won but stage "Negotiation" is not a won stage' },
    ]);
  });

  test('opportunity_stage_status_mismatch: the won and lost stage names are thresholds', async () => {
    const ids = (await flagged('opportunity_stage_status_mismatch', { wonStages: 'Negotiation' })).map((i) => i.id);
    // Now only "Negotiation" means won: O-04 and O-25 (won at Closed Won) disagree, O-09 (lost at
    // " closed won ") is lost at a stage that is not lost, O-21 is open at a won stage; O-11 agrees.
    expect(ids).toEqual(['O-04', 'O-09', 'O-10', 'O-21', 'O-25']);
  });

  test('opportunity_stale: unchanged for 30 days or more, and still the same now', async () => {
    expect(await flagged('opportunity_stale')).toEqual([
      { id: 'O-20', message: 'stage, amount and close date unchanged since 2026-09-01 (84 days)' },
      { id: 'O-23', message: 'stage, amount and close date unchanged since 2026-10-25 (30 days)' },
      // Its close date came back in on 2026-10-01 and has not moved since.
      { id: 'O-31', message: 'stage, amount and close date unchanged since 2026-10-01 (54 days)' },
    ]);
    const longer = await flagged('opportunity_stale', { staleDays: 60 });
    expect(longer.map((i) => i.id)).toEqual(['O-20']);
  });

  test('opportunity_pushed: two or more later moves; a push then a pull-in is one push', async () => {
    expect(await flagged('opportunity_pushed')).toEqual([
      { id: 'O-30', message: 'close date moved later 2 times: first 2026-09-30, now 2026-12-31' },
      { id: 'O-32', message: 'close date moved later 2 times: first 2026-09-30, now 2026-12-31' },
    ]);
    expect((await flagged('opportunity_pushed', { pushCount: 1 })).map((i) => i.id)).toEqual(['O-30', 'O-31', 'O-32']);
  });
});

describe('account, territory and people rules', () => {
  test('account_without_territory: none in force today; an overlay does not count; from today does', async () => {
    expect(await flagged('account_without_territory')).toEqual([
      { id: 'A-3', message: 'no account territory as of 2026-11-24' },
      { id: 'A-6', message: 'no account territory as of 2026-11-24; last in T-WEST until 2026-11-24' },
      { id: 'A-7', message: 'no account territory as of 2026-11-24' },
    ]);
  });

  test('account_likely_duplicate: case, punctuation and legal suffixes ignored; each member names the others', async () => {
    expect(await flagged('account_likely_duplicate')).toEqual([
      { id: 'A-1', message: 'likely duplicate of A-2 "ACME Corp", A-3 "Acme Corporation Ltd" (name key "acme")' },
      { id: 'A-2', message: 'likely duplicate of A-1 "Acme, Inc.", A-3 "Acme Corporation Ltd" (name key "acme")' },
      { id: 'A-3', message: 'likely duplicate of A-1 "Acme, Inc.", A-2 "ACME Corp" (name key "acme")' },
      { id: 'A-4', message: 'likely duplicate of A-5 "globex" (name key "globex")' },
      { id: 'A-5', message: 'likely duplicate of A-4 "Globex S.A. de C.V." (name key "globex")' },
    ]);
  });

  test('territory_without_owner: none today, a to-be-hired placeholder, an owner who left; retired ones skipped', async () => {
    expect(await flagged('territory_without_owner')).toEqual([
      { id: 'T-LEFT', message: 'owner P-GONE left on 2026-10-31' },
      { id: 'T-NONE', message: 'no owner as of 2026-11-24' },
      { id: 'T-SOON', message: 'no owner as of 2026-11-24' },
      { id: 'T-TBH', message: 'owner as of 2026-11-24 is a to-be-hired placeholder ("TBH AE")' },
    ]);
  });

  test('person_without_manager: the exec and the root org unit are the top; leavers and starters are not judged', async () => {
    expect(await flagged('person_without_manager')).toEqual([
      { id: 'P-ORPHAN', message: 'no role, org unit or manager as of 2026-11-24' },
      { id: 'P-REP3', message: 'no manager as of 2026-11-24 (rep in OU-SALES)' },
      { id: 'P-REP4', message: 'manager P-GONE left on 2026-10-31' },
    ]);
  });

  test('rep_without_quota: own or territory quota in force for a period containing today', async () => {
    expect(await flagged('rep_without_quota')).toEqual([
      { id: 'P-LAST', message: 'rep with no quota for a period containing 2026-11-24' },
      { id: 'P-REP2', message: 'rep with no quota for a period containing 2026-11-24' },
      { id: 'P-REP4', message: 'rep with no quota for a period containing 2026-11-24' },
    ]);
  });
});

describe('transaction and FX rules', () => {
  test('transaction_uncreditable: no owner, no opportunity owner, no owned territory on its date', async () => {
    expect(await flagged('transaction_uncreditable')).toEqual([
      { id: 'X-04', message: 'no owner; no opportunity; account A-3 had no owned territory on 2026-03-01' },
      { id: 'X-05', message: 'no owner; no opportunity; account A-8 had no owned territory on 2026-07-01' },
      { id: 'X-07', message: 'no owner; opportunity O-03 has no owner; no account' },
    ]);
  });

  test('fx_rate_missing: per currency, the first date without a rate and the count, either direction', async () => {
    expect(await flagged('fx_rate_missing')).toEqual([
      {
        id: 'EUR',
        message:
          'no EUR/USD rate on or before 2025-11-30 (first rate 2026-01-01); without a rate: transactions 1, opportunities 1',
      },
      {
        id: 'GBP',
        message:
          'no GBP/USD rate on or before 2026-05-01 (first rate 2026-06-01); without a rate: transactions 1, opportunities 0',
      },
      {
        id: 'JPY',
        message:
          'no JPY/USD rate on or before 2026-01-01 (no rate at all); without a rate: transactions 1, opportunities 0',
      },
    ]);
  });
});

describe('runChecks', () => {
  test('every rule in the summary, issues sorted by rule then id, each with its severity and entity', async () => {
    const report = await runChecks(store.db, { today: TODAY });
    expect(Object.keys(report.summary)).toEqual([...RULE_NAMES].sort());
    const order = report.issues.map((i) => `${i.rule} ${i.id}`);
    expect(order).toEqual([...order].sort());
    expect(report.issues.find((i) => i.rule === 'transaction_uncreditable')).toMatchObject({
      severity: 'error',
      entity: 'transactions',
    });
    expect(report.issues.find((i) => i.rule === 'fx_rate_missing')).toMatchObject({ entity: 'fxRates' });
    for (const issue of report.issues)
      expect(Object.keys(issue)).toEqual(['rule', 'severity', 'entity', 'id', 'message']);
  });

  test('thresholds come from the workspace setting, and a run overrides them', async () => {
    await store.db
      .insertInto('settings')
      .values({ key: 'qualityThresholds', value: JSON.stringify({ staleDays: 60 }) })
      .execute();
    try {
      expect((await flagged('opportunity_stale')).map((i) => i.id)).toEqual(['O-20']);
      expect((await flagged('opportunity_stale', { staleDays: '30' })).map((i) => i.id)).toEqual([
        'O-20',
        'O-23',
        'O-31',
      ]);
    } finally {
      await store.db.deleteFrom('settings').where('key', '=', 'qualityThresholds').execute();
    }
  });

  test('an unknown threshold is a coded error', async () => {
    await expect(runChecks(store.db, { today: TODAY, thresholds: { staleDayz: 3 } })).rejects.toMatchObject({
      code: 'QUALITY_THRESHOLD_UNKNOWN',
    });
  });
});

describe('the demo company', () => {
  test('is realistic: several rules find something, and nothing crashes', async () => {
    const demo = await openTestStore();
    try {
      await loadDemoCompany(demo.db, { size: 'small', seed: 7, today: TODAY });
      const report = await runChecks(demo.db, { today: TODAY });
      const found = Object.entries(report.summary).filter(([, count]) => count > 0);
      // The demo has to-be-hired seats, usage on their accounts, pushed and stale deals, and
      // generated names that collide once legal suffixes go.
      expect(found.length).toBeGreaterThanOrEqual(3);
      for (const rule of ['territory_without_owner', 'opportunity_pushed', 'opportunity_stale']) {
        expect(report.summary[rule], rule).toBeGreaterThan(0);
      }
      expect(report.issues.length).toBe(Object.values(report.summary).reduce((a, b) => a + b, 0));
    } finally {
      await demo.close();
    }
  }, 120_000);
});
