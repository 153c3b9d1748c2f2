import { generateDemoCompany, materializeDemoCompany } from '@attain/core/demo/generate-demo-company.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listPlans, planVersionsInForce } from '../comp/plan-versions.ts';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { type DemoLoadResult, loadDemoCompany } from './load-demo-company.ts';

const OPTIONS = { size: 'small', seed: 42, today: '2026-11-24' } as const;

describe('loading the small demo company', () => {
  let store: Store;
  let result: DemoLoadResult;
  const steps = new Set<string>();
  beforeAll(async () => {
    store = await openTestStore();
    result = await loadDemoCompany(store.db, { ...OPTIONS, onProgress: (step) => steps.add(step) });
  });
  afterAll(async () => {
    await store?.close();
  });

  test('every table holds exactly the rows the generator reported', async () => {
    for (const [table, count] of Object.entries(result.counts)) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db);
      expect([table, Number(rows[0]!.n)]).toEqual([table, count]);
      expect(count).toBeGreaterThan(0);
    }
    expect(result.counts.opportunities).toBeGreaterThan(4_000);
    expect(steps).toContain('deals');
    expect(result.loginPeople.manager).toBe('P-0005');
  });

  test('foreign keys hold and every identity sequence continues after the loaded ids', async () => {
    const orphans = await sql<{ n: string }>`
      select (select count(*) from transactions t where t.cancels_id is not null
                and not exists (select 1 from transactions b where b.id = t.cancels_id and b.type = 'booking'))
           + (select count(*) from opportunities o where not exists (select 1 from people p where p.id = o.owner_id))
           + (select count(*) from opportunity_snapshots s where not exists (select 1 from opportunities o where o.id = s.opportunity_id))
           + (select count(*) from person_history h where h.manager_id is not null and not exists (select 1 from people p where p.id = h.manager_id))
           as n`.execute(store.db);
    expect(orphans.rows[0]!.n).toBe('0');
    // The checks themselves are live again: a dangling reference is refused.
    await expect(
      sql`insert into opportunity_splits (opportunity_id, person_id, percent) values (1, 999999, 100)`.execute(
        store.db,
      ),
    ).rejects.toThrow();
    const added = await store.db
      .insertInto('org_units')
      .values({ external_id: 'OU-new', name: 'New team', type: 'team' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(Number(added.id)).toBe(result.counts.org_units + 1);
    await store.db.deleteFrom('org_units').where('external_id', '=', 'OU-new').execute();
  });

  test('booking totals per currency in SQL equal the generator’s, summed with Decimal', async () => {
    const deals = materializeDemoCompany(generateDemoCompany(OPTIONS));
    const expected = new Map<string, Decimal>();
    for (const t of deals.transactions) {
      if (t.type === 'booking') expected.set(t.currency, (expected.get(t.currency) ?? new Decimal(0)).plus(t.amount));
    }
    const { rows } = await sql<{ currency: string; total: string }>`
      select currency, sum(amount) as total from transactions where type = 'booking' group by currency order by currency`.execute(
      store.db,
    );
    expect(rows.length).toBe(6);
    for (const row of rows)
      expect([row.currency, new Decimal(row.total).toFixed(2)]).toEqual([
        row.currency,
        expected.get(row.currency)!.toFixed(2),
      ]);
    const snapshotTotal = await sql<{ total: string }>`select sum(amount) as total from opportunity_snapshots`.execute(
      store.db,
    );
    const jsTotal = deals.snapshots.reduce((sum, s) => sum.plus(s.amount), new Decimal(0));
    expect(new Decimal(snapshotTotal.rows[0]!.total).equals(jsTotal)).toBe(true);
  });

  test('plans are stored as validated versions, and every quota is covered by a plan assignment', async () => {
    const plans = await listPlans(store.db);
    expect(plans.length).toBe(result.plans - plans.filter((p) => p.versions === 2).length);
    expect(plans.map((p) => p.planId)).toContain('ae-usd');
    const versions = await planVersionsInForce(
      store.db,
      plans.map((p) => p.planId),
    );
    for (const [planId, list] of versions) {
      for (const v of list) expect([planId, v.plan.id, v.plan.currency]).toEqual([planId, planId, v.currency]);
    }
    // each quota's person is on a plan (in the quota's currency) on some day of the quota period
    const uncovered = await sql<{ n: string }>`
      select count(*) as n from quotas q where q.person_id is not null and not exists (
        select 1 from plan_assignments a join plans p on p.plan_id = a.plan_id
        where a.person_id = q.person_id and p.currency = q.currency
          and a.valid_from <= q.period_end and (a.valid_to is null or a.valid_to > q.period_start))`.execute(store.db);
    expect(uncovered.rows[0]!.n).toBe('0');
    const scores = await sql<{ n: string }>`
      select count(*) as n from mbo_scores m where not exists (
        select 1 from plan_assignments a where a.person_id = m.person_id
          and a.valid_from <= (m.period || '-28')::date and (a.valid_to is null or a.valid_to > (m.period || '-28')::date))`.execute(
      store.db,
    );
    expect(scores.rows[0]!.n).toBe('0');
  });

  test('settings record the reporting currency, the calendar and the demo options', async () => {
    const rows = await store.db.selectFrom('settings').selectAll().orderBy('key').execute();
    expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual({
      demo: OPTIONS,
      fiscalCalendar: { type: 'gregorian', fiscalYearStartMonth: 1 },
      reportingCurrency: 'USD',
    });
  });

  test('a database that already has people is refused, and nothing changes', async () => {
    await expect(loadDemoCompany(store.db, OPTIONS)).rejects.toMatchObject({ code: 'DEMO_NOT_EMPTY' });
    const { rows } = await sql<{ n: string }>`select count(*) as n from people`.execute(store.db);
    expect(Number(rows[0]!.n)).toBe(result.counts.people);
  });
});
