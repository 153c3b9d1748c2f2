// What the pipeline questions share: the stage order read from the sums the snapshot triggers keep
// (migration 2026-11-25T1200) and the open latest snapshots, each against the plain reading it
// stands for — the mean probability over every open snapshot, and snapshotsAsOf kept when open.
import { orderStages } from '@attain/core/pipeline/stage-order.ts';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import type { Database } from '../schema.ts';
import { openTestStore } from '../test-store.ts';
import { D1, D2, seedPipelineHistory } from './pipeline-fixture.test-helper.ts';
import { openSnapshotsAsOf, snapshotsAsOf, stageOrder } from './snapshot-state.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  await seedPipelineHistory(store.db);
});
afterAll(async () => {
  await store?.close();
});

/** The stage order straight from the snapshots, as it was computed before the sums were kept. */
async function stageOrderFromSnapshots(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ stage: string; avg_probability: string | null }>`
    select stage, avg(probability)::text as avg_probability from opportunity_snapshots
    where status = 'open' and stage is not null group by stage`.execute(db);
  return orderStages(rows.map((r) => ({ stage: r.stage, avgProbability: r.avg_probability })));
}

describe('the stage order follows every write to the snapshots', () => {
  const snapshot = (id: string, date: string, stage: string, probability: string | null, status = 'open') => ({
    opportunity_id: id,
    snapshot_date: date,
    stage,
    status,
    probability,
    currency: 'USD',
  });
  const expectOrder = async (expected: string[]) => {
    expect(await stageOrder(store.db)).toEqual(expected);
    expect(await stageOrderFromSnapshots(store.db)).toEqual(expected);
  };

  test('inserts, updates, upserts, deletes, bulk mode and truncate', async () => {
    // the hand-built history: Prospecting 10, Qualification 20, Proposal 50, Negotiation 75
    await expectOrder(['Prospecting', 'Qualification', 'Proposal', 'Negotiation']);

    // a Demo stage at 15 (its only snapshot) and a Review stage with no probability (last)
    await store.db
      .insertInto('opportunity_snapshots')
      .values([snapshot('6', '2026-09-01', 'Demo', '15'), snapshot('6', '2026-09-08', 'Review', null)])
      .execute();
    await expectOrder(['Prospecting', 'Demo', 'Qualification', 'Proposal', 'Negotiation', 'Review']);

    // Demo's snapshot now says 60: (Proposal 50) < Demo 60 < (Negotiation 75)
    await store.db
      .updateTable('opportunity_snapshots')
      .set({ probability: '60' })
      .where('stage', '=', 'Demo')
      .execute();
    await expectOrder(['Prospecting', 'Qualification', 'Proposal', 'Demo', 'Negotiation', 'Review']);

    // a re-import of the same date (as write-entity-history does it) moves Review to 5: first
    await sql`insert into opportunity_snapshots (opportunity_id, snapshot_date, stage, status, probability, currency)
      values (6, '2026-09-08', 'Review', 'open', 5, 'USD')
      on conflict (opportunity_id, snapshot_date) do update set probability = excluded.probability`.execute(store.db);
    await expectOrder(['Review', 'Prospecting', 'Qualification', 'Proposal', 'Demo', 'Negotiation']);

    // a closed snapshot does not count; the last open Demo snapshot deleted, Demo is gone
    await store.db
      .insertInto('opportunity_snapshots')
      .values(snapshot('6', '2026-09-15', 'Demo', '1', 'won'))
      .execute();
    await store.db
      .deleteFrom('opportunity_snapshots')
      .where('stage', '=', 'Demo')
      .where('status', '=', 'open')
      .execute();
    await expectOrder(['Review', 'Prospecting', 'Qualification', 'Proposal', 'Negotiation']);

    // the demo loader's bulk mode skips ordinary triggers; these still count (mean of 99 and 1 = 50:
    // Proposal, also 50, comes first by name)
    await store.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx
        .insertInto('opportunity_snapshots')
        .values([snapshot('11', '2026-10-01', 'Signed', '99'), snapshot('11', '2026-10-08', 'Signed', '1')])
        .execute();
    });
    await expectOrder(['Review', 'Prospecting', 'Qualification', 'Proposal', 'Signed', 'Negotiation']);

    await sql`truncate opportunity_snapshots`.execute(store.db);
    await expectOrder([]);
  });
});

describe('open latest snapshots', () => {
  test('are the latest snapshots that are open, on every date', async () => {
    const fresh = await openTestStore();
    try {
      await seedPipelineHistory(fresh.db);
      for (const date of ['2026-06-28', '2026-06-29', D1, '2026-07-27', '2026-08-17', D2, '2026-12-31']) {
        const { rows: expected } = await sql<{ opportunity_id: string; snapshot_date: string }>`
          select s.opportunity_id, s.snapshot_date::text from ${snapshotsAsOf(date)} s where s.status = 'open'
          order by 1`.execute(fresh.db);
        const { rows: open } = await sql<{ opportunity_id: string; snapshot_date: string }>`
          select s.opportunity_id, s.snapshot_date::text from ${openSnapshotsAsOf(date)} s order by 1`.execute(
          fresh.db,
        );
        expect(open).toEqual(expected);
      }
      // on D2: O-4 won and O-5 lost are out, O-11 not seen yet
      const { rows } = await sql<{ id: string }>`select opportunity_id::text as id from ${openSnapshotsAsOf(D2)} s
        order by opportunity_id`.execute(fresh.db);
      expect(rows.map((r) => Number(r.id))).toEqual([1, 2, 3, 6, 8, 9, 10, 12]);
    } finally {
      await fresh.close();
    }
  });
});
