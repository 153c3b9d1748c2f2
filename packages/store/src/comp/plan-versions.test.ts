// Plan versions: validated on load with the YAML line, numbered per plan, effective-dated, audited,
// and read back as the same Plan.
import { parsePlan } from '@attain/core/comp/plan-schema.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import {
  findPlanVersion,
  listPlans,
  planInForce,
  planVersionsInForce,
  planVersionsOf,
  savePlanVersion,
  versionInForce,
} from './plan-versions.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const AE = `id: ae
name: Account Executive
currency: USD
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers:
      - { to: 1.0, rate: 0.08 }
      - { rate: 0.12 }
  - { id: goals, kind: mbo, weight: 0.10 }
`;

const save = (text: string, validFrom?: string, source = 'plans/ae.yaml') =>
  savePlanVersion(store.db, { source, text, actor: 'test', ...(validFrom ? { validFrom } : {}) });

describe('savePlanVersion', () => {
  test('stores the first version, in force from the beginning of time, and reads back the same Plan', async () => {
    const saved = await save(AE);
    expect(saved).toMatchObject({ planId: 'ae', version: 1, name: 'Account Executive', currency: 'USD' });
    expect(saved).toMatchObject({ validFrom: '1900-01-01', source: AE, createdBy: 'test', created: true });
    const [read] = await planVersionsOf(store.db, 'ae');
    expect(read!.plan).toEqual(parsePlan(AE, 'ae.yaml'));
    // numbers keep the text they were written with: 0.10 never became the float 0.1
    const { rows } = await sql<{ document: { components: { weight?: string }[] } }>`
      select document from plans where plan_id = 'ae'`.execute(store.db);
    expect(rows[0]?.document.components[1]?.weight).toBe('0.10');
  });

  test('the same text again is a no-op returning the latest version', async () => {
    const again = await save(AE);
    expect(again).toMatchObject({ version: 1, created: false });
    expect(await planVersionsOf(store.db, 'ae')).toHaveLength(1);
  });

  test('a changed text is the next version, audited', async () => {
    const v2 = await save(AE.replace('rate: 0.12', 'rate: 0.15'), '2026-07-01');
    expect(v2).toMatchObject({ version: 2, validFrom: '2026-07-01', created: true });
    // numbers keep the text they were written with: 0.10 never became the float 0.1
    const { rows } = await sql<{ entity_id: string; after: { version: number } }>`
      select entity_id, after from audit_log where entity = 'plans' order by id`.execute(store.db);
    expect(rows.map((r) => r.entity_id)).toEqual(['ae v1', 'ae v2']);
    expect(rows[1]?.after).toMatchObject({ version: 2, validFrom: '2026-07-01' });
  });

  test('an invalid plan is PLAN_INVALID naming the file, the path and the line; nothing is stored', async () => {
    const broken = AE.replace('rate: 0.12', 'rate: lots');
    await expect(save(broken, undefined, 'plans/broken.yaml')).rejects.toMatchObject({
      code: 'PLAN_INVALID',
      message: expect.stringContaining('plans/broken.yaml line 10: components.0.tiers.1.rate'),
      details: { source: 'plans/broken.yaml', line: 10 },
    });
    expect(await planVersionsOf(store.db, 'ae')).toHaveLength(2);
  });
});

describe('reading versions', () => {
  test('the version in force on a date is the highest whose valid_from is on or before it', async () => {
    expect((await planInForce(store.db, 'ae', '2026-06-30'))?.version).toBe(1);
    expect((await planInForce(store.db, 'ae', '2026-07-01'))?.version).toBe(2);
    expect(await planInForce(store.db, 'nope', '2026-07-01')).toBeUndefined();
  });

  test('a later version valid from an earlier date wins from that date on (a correction)', () => {
    const v = (version: number, validFrom: string) =>
      ({ version, validFrom }) as Parameters<typeof versionInForce>[0][0];
    const versions = [v(1, '1900-01-01'), v(2, '2026-07-01'), v(3, '2026-01-01')];
    expect(versionInForce(versions, '2025-12-31')?.version).toBe(1);
    expect(versionInForce(versions, '2026-08-01')?.version).toBe(3);
  });

  test('listPlans gives the latest version per plan with its version count', async () => {
    await save(AE.replace('id: ae', 'id: mgr').replace('Account Executive', 'Sales Manager'), undefined, 'mgr.yaml');
    const plans = await listPlans(store.db);
    expect(plans.map((p) => [p.planId, p.version, p.versions, p.name])).toEqual([
      ['ae', 2, 2, 'Account Executive'],
      ['mgr', 1, 1, 'Sales Manager'],
    ]);
    expect(plans[0]).not.toHaveProperty('source');
  });

  test('planVersionsInForce loads every version of many plans at once', async () => {
    const all = await planVersionsInForce(store.db, ['ae', 'mgr', 'missing']);
    expect([...all.keys()]).toEqual(['ae', 'mgr']);
    expect(all.get('ae')?.map((p) => p.version)).toEqual([1, 2]);
  });

  test('findPlanVersion names what is missing', async () => {
    expect((await findPlanVersion(store.db, 'ae', 1)).version).toBe(1);
    await expect(findPlanVersion(store.db, 'ae', 7)).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND' });
  });
});
