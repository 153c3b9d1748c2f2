// Assignment on the hand-built model (territory-fixture.test-helper.ts). Rules:
//   EMEA  (T-EMEA, priority 50, inherited): country in DE, AT, CH, GB, IE, FR
//   DACH  (T-DACH, priority 60): country in DE, AT, CH      UKI (T-UKI, 60): country in GB, IE
//   NA    (T-NA, 50): country = US
// Accounts: A-1 DE, A-2 AT (demo row in T-NA since 2026-01-01), A-3 GB (imported into T-NA: kept),
// A-4 US, A-5 CH (already in T-DACH by rule), A-6 NO (no rule), A-7 FR (EMEA, no child matches).
import { evaluateItem } from '@attain/core/territory/evaluate-rule.ts';
import { parseRule } from '@attain/core/territory/rule-schema.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { assignTerritories } from './assign-territories.ts';
import { compileItemSql } from './compile-rule-sql.ts';
import { territoryTree } from './hierarchy.ts';
import { createRule, deleteRule, importRules } from './rule-repository.ts';
import { rowCounts, seedTerritories, territoryOn } from './territory-fixture.test-helper.ts';

let store: Store;
const ids: Record<string, string> = {};
const run = (asOf: string, dryRun = false) =>
  assignTerritories(store.db, { asOf, today: '2026-07-01', dryRun, actor: 'test' });

beforeAll(async () => {
  store = await openTestStore();
  const db = store.db;
  await seedTerritories(db);
  const accounts = [
    [1, 'A-1', 'Acme GmbH', 'DE', 'enterprise', 1200, '100000'],
    [2, 'A-2', 'Bergbau AG', 'AT', 'commercial', 300, null],
    [3, 'A-3', 'Crown Ltd', 'GB', 'enterprise', null, null],
    [4, 'A-4', 'Delta Inc', 'US', 'commercial', 50, '2500.5'],
    [5, 'A-5', 'Eiger SA', ' ch ', null, null, null],
    [6, 'A-6', 'Fjord AS', 'NO', '', null, null],
    [7, 'A-7', 'Gamma SARL', 'FR', 'enterprise', 5000, '7'],
  ] as const;
  for (const [id, externalId, name, country, segment, employees, potential] of accounts) {
    await db
      .insertInto('accounts')
      .values({ id, external_id: externalId, name, country, segment, employees, potential })
      .execute();
  }
  await db
    .insertInto('territory_assignments')
    .values([
      { account_id: '2', territory_id: '4', valid_from: '2026-01-01', source: 'demo' },
      { account_id: '3', territory_id: '4', valid_from: '2026-01-01', source: 'import' },
      { account_id: '5', territory_id: '2', valid_from: '2026-01-01', source: 'rule' },
      { account_id: '1', territory_id: '5', valid_from: '2026-01-01', source: 'demo' },
    ])
    .execute();
  const rule = (territory: string, name: string, priority: number, countries: string[], inherit = false) => ({
    territory,
    name,
    priority,
    inherit,
    items: [{ field: 'country', operator: 'in', value: countries }],
  });
  await importRules(
    db,
    [
      rule('T-EMEA', 'EMEA', 50, ['DE', 'AT', 'CH', 'GB', 'IE', 'FR'], true),
      rule('DACH', 'DACH', 60, ['DE', 'AT', 'CH']),
      rule('T-UKI', 'UKI', 60, ['GB', 'IE']),
      { territory: 'T-NA', name: 'NA', priority: 50, items: [{ field: 'country', operator: 'equals', value: 'us' }] },
    ].map((r) => ({ ...parseRule(r), parsedLogic: undefined })),
    { actor: 'test' },
  );
  for (const r of await db.selectFrom('territory_rules').select(['id', 'name']).execute()) ids[r.name!] = r.id;
});
afterAll(async () => {
  await store.close();
});

test('a dry run lists the changes and writes nothing', async () => {
  const before = await rowCounts(store.db);
  const result = await run('2026-07-01', true);
  expect(result).toEqual({
    asOf: '2026-07-01',
    changes: [
      // DE matches EMEA (50, inherited) and DACH (60): EMEA wins, and DACH's own rule takes it down a level
      { account: 'A-1', from: null, to: 'T-DACH', rule: 'DACH' },
      { account: 'A-2', from: 'T-NA', to: 'T-DACH', rule: 'DACH' },
      { account: 'A-4', from: null, to: 'T-NA', rule: 'NA' },
      // FR: no child of EMEA matches, so the inherited rule keeps it at EMEA itself
      { account: 'A-7', from: null, to: 'T-EMEA', rule: 'EMEA' },
    ],
    // A-3 keeps its imported territory, A-5 is already in DACH; A-6 matches nothing
    summary: { moved: 4, unchanged: 2, unassigned: 1 },
  });
  expect(await rowCounts(store.db)).toEqual(before);
});

test('a run applies effective-dated rows; the day before keeps the old territory; a second run changes nothing', async () => {
  const result = await run('2026-07-01');
  expect(result.summary).toEqual({ moved: 4, unchanged: 2, unassigned: 1 });
  expect(await territoryOn(store.db, 'A-2', '2026-06-30')).toBe('T-NA');
  expect(await territoryOn(store.db, 'A-2', '2026-07-01')).toBe('T-DACH');
  expect(await territoryOn(store.db, 'A-1', '2026-06-30')).toBeNull();
  expect(await territoryOn(store.db, 'A-3', '2026-07-01')).toBe('T-NA');
  const a2 = await store.db
    .selectFrom('territory_assignments')
    .select(['territory_id', 'valid_from', 'valid_to', 'source'])
    .where('account_id', '=', '2')
    .orderBy('valid_from')
    .execute();
  expect(a2).toEqual([
    { territory_id: '4', valid_from: '2026-01-01', valid_to: '2026-07-01', source: 'demo' },
    { territory_id: '2', valid_from: '2026-07-01', valid_to: null, source: 'rule' },
  ]);
  // the overlay assignment of A-1 is untouched
  const overlay = await store.db
    .selectFrom('territory_assignments')
    .selectAll()
    .where('territory_id', '=', '5')
    .execute();
  expect(overlay).toMatchObject([{ account_id: '1', valid_to: null }]);
  const audit = await store.db
    .selectFrom('audit_log')
    .select(['entity_id', 'before', 'after'])
    .where('entity', '=', 'accounts')
    .where('entity_id', '=', 'A-2')
    .execute();
  expect(audit).toMatchObject([
    {
      before: { territory: 'T-NA', validFrom: '2026-01-01' },
      after: { territory: 'T-DACH', validFrom: '2026-07-01', source: 'rule', note: 'DACH' },
    },
  ]);
  const again = await run('2026-07-01');
  expect(again.changes).toEqual([]);
  expect(again.summary).toEqual({ moved: 0, unchanged: 6, unassigned: 1 });
});

test('the lowest priority wins; a tie goes to the lower rule id; named accounts beat every rule', async () => {
  const acme = (territory: string, name: string) => ({
    territory,
    name,
    priority: 10,
    items: [{ field: 'name', operator: 'starts_with', value: 'ACME' }],
  });
  const first = await createRule(store.db, acme('T-NA', 'Acme to NA'), 'test');
  const second = await createRule(store.db, acme('T-UKI', 'Acme to UKI'), 'test');
  expect((await run('2026-07-01', true)).changes).toEqual([
    { account: 'A-1', from: 'T-DACH', to: 'T-NA', rule: 'Acme to NA' },
  ]);
  await deleteRule(store.db, first.id, 'test');
  expect((await run('2026-07-01', true)).changes).toEqual([
    { account: 'A-1', from: 'T-DACH', to: 'T-UKI', rule: 'Acme to UKI' },
  ]);
  await deleteRule(store.db, second.id, 'test');
  await store.db
    .insertInto('named_accounts')
    .values({ account_id: '4', territory_id: '3', valid_from: '2026-01-01' })
    .execute();
  expect((await run('2026-07-01', true)).changes).toEqual([
    { account: 'A-4', from: 'T-NA', to: 'T-UKI', rule: 'named' },
  ]);
  await store.db.deleteFrom('named_accounts').execute();
});

test('a date inside a closed period and a cycle in the hierarchy are coded errors that change nothing', async () => {
  const before = await rowCounts(store.db);
  await store.db
    .insertInto('closed_periods')
    .values({ period: '2026-06', start_date: '2026-06-01', end_date: '2026-06-30', closed_by: 'test' })
    .execute();
  await expect(run('2026-06-15')).rejects.toMatchObject({ code: 'PERIOD_CLOSED', details: { period: '2026-06' } });
  await store.db.updateTable('territories').set({ parent_id: '2' }).where('id', '=', '1').execute();
  await expect(run('2026-07-02')).rejects.toMatchObject({
    code: 'HIERARCHY_CYCLE',
    details: { territories: ['T-EMEA', 'T-DACH'] },
    message: expect.stringContaining('T-EMEA → T-DACH → T-EMEA'),
  });
  await store.db.updateTable('territories').set({ parent_id: null }).where('id', '=', '1').execute();
  expect(await rowCounts(store.db)).toEqual(before);
});

test('bad rules (unknown field, malformed logic, unknown territory) reject the whole import', async () => {
  const before = await rowCounts(store.db);
  const good = {
    territory: 'T-NA',
    name: 'NA',
    priority: 5,
    items: [{ field: 'country', operator: 'equals', value: 'CA' }],
  };
  const imports = [
    [{ ...good, items: [{ field: 'colour', operator: 'equals', value: 'x' }] }, 'RULE_INVALID', /item 1: "colour"/],
    [{ ...good, logic: '1 and' }, 'RULE_INVALID', /at position 6/],
    [{ ...good, territory: 'T-MARS' }, 'TERRITORY_UNKNOWN', /T-MARS/],
    [{ ...good, territory: 'T-SEC' }, 'RULE_INVALID', /overlay/],
  ] as const;
  for (const [bad, code, message] of imports) {
    // rule checks run in the repository too, so hand it unparsed input
    await expect(
      importRules(store.db, [good, { ...bad, name: 'bad' }] as never, { actor: 'test', replace: true }),
    ).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
  }
  expect(await rowCounts(store.db)).toEqual(before);
});

test('compiled SQL agrees with the in-memory evaluation on every operator', async () => {
  const items = [
    { field: 'country', operator: 'equals', value: 'ch' },
    { field: 'country', operator: 'not_equals', value: 'DE' },
    { field: 'country', operator: 'in', value: ['de', 'CH'] },
    { field: 'country', operator: 'not_in', value: ['DE'] },
    { field: 'name', operator: 'starts_with', value: 'b' },
    { field: 'employees', operator: 'between', value: [300, 1200] },
    { field: 'potential', operator: 'equals', value: '2500.50' },
    { field: 'potential', operator: 'in', value: ['7', '100000'] },
    { field: 'segment', operator: 'is_empty' },
    { field: 'segment', operator: 'is_not_empty' },
    { field: 'segment', operator: 'not_equals', value: 'enterprise' },
  ];
  const accounts = await store.db.selectFrom('accounts').selectAll().orderBy('id').execute();
  for (const raw of items) {
    const item = parseRule({ territory: 'x', priority: 1, items: [raw] }).items[0]!;
    const { rows } = await sql<{
      external_id: string;
    }>`select a.external_id from accounts a where ${compileItemSql(item)} order by a.id`.execute(store.db);
    const expected = accounts
      .filter((a) => evaluateItem(item, { ...a, annualRevenue: a.annual_revenue }))
      .map((a) => a.external_id);
    expect([raw, rows.map((r) => r.external_id)]).toEqual([raw, expected]);
  }
});

test('the tree as of a date: depth-first by name, owners (TBH placeholders too) and account counts', async () => {
  const tree = await territoryTree(store.db, '2026-07-01');
  expect(
    tree.map((t) => [
      `${'  '.repeat(t.depth)}${t.externalId}`,
      t.owner?.name ?? null,
      t.owner?.tbh ?? null,
      t.accounts,
    ]),
  ).toEqual([
    ['T-EMEA', 'Vera', false, 1],
    ['  T-DACH', 'Raj', false, 3],
    ['  T-UKI', 'TBH UKI', true, 0],
    ['T-NA', 'Lee', false, 2],
    ['T-SEC', 'Vera', false, 1],
  ]);
  // before the run only the seeded rows hold: in NA, A-5 in DACH
  expect((await territoryTree(store.db, '2026-06-30')).map((t) => t.accounts)).toEqual([0, 1, 0, 2, 1]);
});
