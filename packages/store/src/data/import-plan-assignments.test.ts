// Imports of plan assignments and MBO scores (DESIGN §4): keyed writes with audit, the plan as a
// reference to a loaded plan, the row checks of core (validTo after validFrom, score 0–1), one
// plan at a time per person, and export → import changing nothing.
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { validateRow } from '@attain/core/data/validate-row.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { savePlanVersion } from '../comp/plan-versions.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { type ExportRow, exportEntity } from './export-entity.ts';
import { type ImportOptions, importRows } from './import-entity.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await store.db
    .insertInto('people')
    .values([
      { id: 1, external_id: 'P-1', name: 'Ada' },
      { id: 2, external_id: 'P-2', name: 'Bob' },
    ])
    .execute();
  for (const id of ['ae-usd', 'mgr-usd']) {
    await savePlanVersion(store.db, {
      source: `${id}.yaml`,
      text: `id: ${id}\ncurrency: USD\ncomponents:\n  - { id: commission, kind: rate-table, tiers: [{ rate: 0.1 }] }\n  - { id: goals, kind: mbo, weight: 0.1 }\n`,
      actor: 'test',
    });
  }
});
afterAll(async () => {
  await store.close();
});

type Cells = Record<string, string | null>;

/** Rows as the parser hands them over: with core's row checks already run. */
function run(entity: EntityName, rows: Cells[], options: Partial<ImportOptions> = {}) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  async function* parsed() {
    for (const [i, values] of rows.entries()) {
      yield { row: i + 2, values, issues: validateRow(i + 2, values, entity, {}) };
    }
  }
  return importRows(
    store.db,
    entity,
    { columnSources: Object.fromEntries(columns.map((c) => [c, c])), rows: parsed() },
    { asOf: '2026-01-01', actor: 'test', fileName: `${entity}.csv`, ...options },
  );
}

const q = async <T>(text: string) => (await sql.raw<T>(text).execute(store.db)).rows;
const assignments = () =>
  q<Cells>(`select p.external_id as person, a.plan_id as plan, a.valid_from::text as "validFrom",
    a.valid_to::text as "validTo", a.target_incentive::text as "targetIncentive" from plan_assignments a
    join people p on p.id = a.person_id order by 1, 3`);
async function exported(entity: EntityName): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of exportEntity(store.db, entity, { asOf: '2026-01-01' })) rows.push(row);
  return rows;
}

describe('planAssignments', () => {
  const ada = {
    person: 'P-1',
    plan: 'ae-usd',
    validFrom: '2025-01-01',
    validTo: '2026-01-01',
    targetIncentive: '60000',
  };
  const adaPromoted = {
    person: 'Ada',
    plan: 'MGR-USD',
    validFrom: '2026-01-01',
    validTo: null,
    targetIncentive: '80000',
  };

  test('creates assignments (plan ids matched case-insensitively); the same file again changes nothing', async () => {
    expect(await run('planAssignments', [ada, adaPromoted])).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await assignments()).toEqual([
      { person: 'P-1', plan: 'ae-usd', validFrom: '2025-01-01', validTo: '2026-01-01', targetIncentive: '60000' },
      { person: 'P-1', plan: 'mgr-usd', validFrom: '2026-01-01', validTo: null, targetIncentive: '80000' },
    ]);
    expect(await run('planAssignments', [ada, adaPromoted])).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  test('a changed row (same person and validFrom) is updated with before and after in the audit log', async () => {
    const result = await run('planAssignments', [{ ...adaPromoted, targetIncentive: '85000.00' }]);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [audit] = await q<{ before: Cells; after: Cells; entity_id: string }>(
      `select entity_id, before, after from audit_log where entity = 'planAssignments' and action = 'update'`,
    );
    expect(audit).toMatchObject({ entity_id: 'P-1 2026-01-01' });
    expect([audit?.before.target_incentive, audit?.after.target_incentive]).toEqual([80000, 85000.0]);
  });

  test('an unknown plan rejects the file, naming row, column and value', async () => {
    await expect(
      run('planAssignments', [{ person: 'P-2', plan: 'sdr-usd', validFrom: '2025-01-01', targetIncentive: '1' }]),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: { errors: [{ row: 2, column: 'plan', value: 'sdr-usd', code: 'IMPORT_UNKNOWN_REFERENCE' }] },
    });
  });

  test('validTo on or before validFrom is IMPORT_OUT_OF_RANGE (half-open: validTo is the first day not covered)', async () => {
    await expect(
      run('planAssignments', [{ person: 'P-2', plan: 'ae-usd', validFrom: '2025-01-01', validTo: '2025-01-01' }]),
    ).rejects.toMatchObject({
      details: { errors: [{ row: 2, column: 'validTo', code: 'IMPORT_OUT_OF_RANGE' }] },
    });
  });

  test('overlapping assignments of one person name both rows, or the stored one', async () => {
    const inFile = run('planAssignments', [
      { person: 'P-2', plan: 'ae-usd', validFrom: '2025-01-01', validTo: '2025-07-01' },
      { person: 'P-2', plan: 'mgr-usd', validFrom: '2025-06-01' },
    ]);
    await expect(inFile).rejects.toMatchObject({
      details: {
        errors: [
          {
            row: 3,
            code: 'IMPORT_OVERLAPPING_ASSIGNMENT',
            message:
              'Row 3: the assignment of "P-2" [2025-06-01, open) overlaps row 2\'s [2025-01-01, 2025-07-01); a person is on one plan at a time',
          },
        ],
      },
    });
    // Ada is stored on ae-usd [2025-01-01, 2026-01-01) and mgr-usd [2026-01-01, open): a row from
    // 2025-12-01 overlaps both (the open-ended one starts after it, so it is not simply closed)
    await expect(
      run('planAssignments', [{ person: 'P-1', plan: 'ae-usd', validFrom: '2025-12-01' }]),
    ).rejects.toMatchObject({
      details: {
        errors: [
          {
            row: 2,
            code: 'IMPORT_OVERLAPPING_ASSIGNMENT',
            message: expect.stringContaining('[2025-01-01, 2026-01-01) on plan ae-usd'),
          },
          {
            row: 2,
            code: 'IMPORT_OVERLAPPING_ASSIGNMENT',
            message: expect.stringContaining('[2026-01-01, open) on plan mgr-usd'),
          },
        ],
      },
    });
    expect(await q(`select count(*)::int as n from plan_assignments where person_id = 2`)).toEqual([{ n: 0 }]);
  });

  test("a new assignment closes the person's open-ended one on the day it starts (a plan change keeps history)", async () => {
    expect(
      await run('planAssignments', [
        { person: 'P-1', plan: 'ae-usd', validFrom: '2026-07-01', targetIncentive: '70000' },
      ]),
    ).toMatchObject({
      created: 1,
    });
    expect((await assignments()).map((a) => `${a.plan} ${a.validFrom} ${a.validTo}`)).toEqual([
      'ae-usd 2025-01-01 2026-01-01',
      'mgr-usd 2026-01-01 2026-07-01',
      'ae-usd 2026-07-01 null',
    ]);
  });

  test('export → import changes nothing', async () => {
    const rows = await exported('planAssignments');
    expect(rows).toHaveLength(3);
    expect(await run('planAssignments', rows)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});

describe('mboScores', () => {
  test('creates scores, updates a changed one with audit, and export → import changes nothing', async () => {
    const rows = [
      { person: 'P-1', component: 'goals', period: '2026-03', score: '0.8' },
      { person: 'P-2', component: 'goals', period: '2026-Q1', score: '1' },
    ];
    expect(await run('mboScores', rows)).toMatchObject({ created: 2, updated: 0 });
    expect(await run('mboScores', [{ ...rows[0]!, score: '0.80' }])).toMatchObject({ unchanged: 1 });
    expect(await run('mboScores', [{ ...rows[0]!, score: '0.9' }])).toMatchObject({ updated: 1 });
    const audit = await q<{ action: string; entity_id: string }>(
      `select action, entity_id from audit_log where entity = 'mboScores' and action <> 'import' order by id`,
    );
    expect(audit.map((a) => `${a.action} ${a.entity_id}`)).toEqual([
      'create P-1 goals 2026-03',
      'create P-2 goals 2026-Q1',
      'update P-1 goals 2026-03',
    ]);
    const out = await exported('mboScores');
    expect(out).toEqual([
      { person: 'P-1', component: 'goals', period: '2026-03', score: '0.9' },
      { person: 'P-2', component: 'goals', period: '2026-Q1', score: '1' },
    ]);
    expect(await run('mboScores', out)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  test('a score outside 0–1, an unknown mbo component or period label rejects the file', async () => {
    const attempt = run('mboScores', [
      { person: 'P-1', component: 'goals', period: '2026-04', score: '1.5' },
      { person: 'P-1', component: 'commission', period: '2026-04', score: '0.5' },
      { person: 'P-1', component: 'goals', period: 'April', score: '0.5' },
    ]);
    await expect(attempt).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      details: {
        errors: [
          { row: 2, column: 'score', code: 'IMPORT_OUT_OF_RANGE' },
          { row: 3, column: 'component', code: 'IMPORT_UNKNOWN_REFERENCE' },
          { row: 4, column: 'period', code: 'IMPORT_INVALID_PERIOD' },
        ],
      },
    });
  });
});
