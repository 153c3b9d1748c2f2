// attain territory … through the real binary, on a temp data folder (or a fresh database of
// DATABASE_URL's server): two territories under a root, three accounts, rules from a YAML file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@attain/core/dates/iso-date.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const data = mkdtempSync(join(tmpdir(), 'attain-territory-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const territory = (args: string[], user = 'alice') =>
  runCli(['--data', data, 'territory', ...args], {
    env: { ...(database ? { DATABASE_URL: database.url } : {}), USER: user },
  });
const json = (args: string[]) => {
  const result = territory([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
};
const today = new Date().toISOString().slice(0, 10);
const file = (name: string, text: string) => {
  const path = join(data, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    const db = store.db;
    await db.insertInto('territories').values({ id: 1, external_id: 'T-ROOT', name: 'World' }).execute();
    await db
      .insertInto('territories')
      .values({ id: 2, external_id: 'T-DE', name: 'Germany', parent_id: '1' })
      .execute();
    await db.insertInto('territories').values({ id: 3, external_id: 'T-US', name: 'USA', parent_id: '1' }).execute();
    await db
      .insertInto('territory_owners')
      .values({ territory_id: '2', tbh_label: 'TBH Germany', valid_from: '2020-01-01' })
      .execute();
    for (const [id, country] of [
      [1, 'DE'],
      [2, 'US'],
      [3, 'FR'],
    ] as const) {
      await db
        .insertInto('accounts')
        .values({ id, external_id: `A-${id}`, name: `Account ${id}`, country })
        .execute();
    }
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

test('rules import and list; a bad rules file is RULE_INVALID and exits 1', () => {
  const bad = territory([
    'rules',
    'import',
    file('bad.yaml', '- { territory: T-DE, priority: 1, items: [{ field: colour, operator: equals, value: x }] }\n'),
  ]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(
    /^error RULE_INVALID: Rule "rule 1 of bad.yaml", item 1: "colour" is not an account field/,
  );
  const rules = `rules:
  - { territory: T-DE, name: Germany, priority: 10, items: [{ field: country, operator: equals, value: de }] }
  - { territory: USA, name: USA, priority: 10, items: [{ field: country, operator: in, value: [US, CA] }], logic: "1" }
`;
  const imported = territory(['rules', 'import', file('rules.yaml', rules)]);
  expect(imported.stdout).toBe('Rules: 2 created, 0 updated, 0 deleted\n');
  expect(json(['rules', 'list']).rules.map((r: { name: string; territory: string }) => [r.name, r.territory])).toEqual([
    ['Germany', 'T-DE'],
    ['USA', 'T-US'],
  ]);
});

test('assign: a dry run, the run, then nothing left to change; the tree shows owners and counts', () => {
  const expected = {
    asOf: today,
    changes: [
      { account: 'A-1', from: null, to: 'T-DE', rule: 'Germany' },
      { account: 'A-2', from: null, to: 'T-US', rule: 'USA' },
    ],
    summary: { moved: 2, unchanged: 0, unassigned: 1 },
  };
  expect(json(['assign', '--dry-run'])).toEqual(expected);
  expect(territory(['assign']).stdout).toMatch(
    /^A-1 {5} \(none\) → T-DE {2}\(Germany\)\n.*\nMoved 2, unchanged 0, unassigned 1 as of/,
  );
  expect(json(['assign']).summary).toEqual({ moved: 0, unchanged: 2, unassigned: 1 });
  const tree = json(['tree']);
  expect(
    tree.territories.map((t: { externalId: string; depth: number; accounts: number; owner: unknown }) => [
      t.externalId,
      t.depth,
      t.accounts,
      t.owner,
    ]),
  ).toEqual([
    ['T-ROOT', 0, 0, null],
    ['T-DE', 1, 1, { externalId: null, name: 'TBH Germany', tbh: true }],
    ['T-US', 1, 1, null],
  ]);
});

test('move: a request with its impact; the requester cannot approve it, someone else can; bad files land nothing', () => {
  const tomorrow = addDays(today, 1);
  const requested = territory([
    'move',
    'A-1',
    'USA',
    '--effective',
    tomorrow,
    '--quota',
    'full',
    '--reason',
    'rebalance',
  ]);
  expect(requested.status).toBe(0);
  expect(requested.stdout).toMatch(
    /^Move request #1 \(proposed\): A-1 Account 1, T-DE → T-US from \d{4}-\d\d-\d\d\n {2}open pipeline {6}0\.00 USD/,
  );
  expect(requested.stdout).toContain('quota moved        0.00 USD (full; no quota for the period)');
  const own = territory(['moves', 'approve', '1']);
  expect(own.status).toBe(1);
  expect(own.stderr).toMatch(/^error FORBIDDEN: You requested this move/);
  expect(territory(['moves', 'approve', '1', '--note', 'ok'], 'bob').stdout).toMatch(/^Move request #1 \(approved\)/);
  expect(json(['moves', 'list', '--status', 'approved']).requests).toMatchObject([
    { id: '1', decidedBy: 'cli:bob', note: 'ok' },
  ]);
  const applied = territory(['moves', 'apply', '--as-of', tomorrow]);
  expect(applied.stdout).toBe(`applied #1: A-1 → T-US from ${tomorrow}\n1 applied, 0 blocked\n`);

  const csv = file(
    'moves.csv',
    `account,territory,effective,reason,quota\nA-2,T-DE,${tomorrow},,prorata\nA-3,Mars,${tomorrow},,\nA-2,T-DE,soon,,\n`,
  );
  const bad = territory(['move', '--file', csv]);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('error MOVE_FILE_INVALID: moves.csv: 2 of 3 rows are invalid; no request was created');
  expect(bad.stderr).toContain('Row 3: No territory with externalId or name "Mars" (TERRITORY_UNKNOWN)');
  expect(bad.stderr).toContain('Row 4: effective date "soon" is not a date');
  expect(json(['moves', 'list']).requests).toHaveLength(1);
  const good = file('good.csv', `account,territory,effective\nA-2,T-DE,${tomorrow}\nAccount 3,World,${tomorrow}\n`);
  expect(
    json(['move', '--file', good]).requests.map((r: { account: string; to: string }) => [r.account, r.to]),
  ).toEqual([
    ['A-2', 'T-DE'],
    ['A-3', 'T-ROOT'],
  ]);
  expect(territory(['move', 'A-1']).status).toBe(2);
});
