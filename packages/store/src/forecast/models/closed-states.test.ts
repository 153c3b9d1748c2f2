// The batched closed-deal states (closed-states.ts) against the plain rule they stand for — each
// deal's latest snapshot on or before the date — on deals that reopen, are corrected after closing
// or change owner, as of every week of a half year and for two viewers.
import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import { addDays } from '@attain/core/dates/iso-date.ts';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Store } from '../../open-store.ts';
import type { Database } from '../../schema.ts';
import { openTestStore } from '../../test-store.ts';
import type { Visibility } from '../../visibility/visible-people.ts';
import { loadClosedHistories } from './closed-history.ts';
import { loadWonByDay } from './won-by-day.ts';

const CALENDAR = { type: 'gregorian', fiscalYearStartMonth: 1 } as unknown as CalendarInput;
type Snap = [date: string, status: string, stage: string, amount: string, close: string, owner: string];
// deal: snapshots (date, status, stage, amount, close date, owner)
const DEALS: Snap[][] = [
  // regular: one closing snapshot
  [
    ['2026-02-02', 'open', 'Proposal', '1000', '2026-03-20', '1'],
    ['2026-03-16', 'won', 'Won', '1000', '2026-03-16', '1'],
  ],
  // lost, then reopened and won later
  [
    ['2026-02-02', 'open', 'Proposal', '800', '2026-03-25', '2'],
    ['2026-03-09', 'lost', 'Lost', '800', '2026-03-09', '2'],
    ['2026-04-06', 'open', 'Negotiation', '900', '2026-05-10', '2'],
    ['2026-05-04', 'won', 'Won', '900', '2026-05-04', '2'],
  ],
  // won, then its amount corrected a week later
  [
    ['2026-02-02', 'open', 'Proposal', '600', '2026-03-31', '1'],
    ['2026-02-23', 'open', 'Negotiation', '600', '2026-03-31', '1'],
    ['2026-03-16', 'won', 'Won', '600', '2026-03-16', '1'],
    ['2026-03-23', 'won', 'Won', '650', '2026-03-16', '1'],
  ],
  // won, re-imported unchanged, then handed to another owner
  [
    ['2026-03-02', 'open', 'Proposal', '1200', '2026-06-15', '2'],
    ['2026-04-06', 'won', 'Won', '1200', '2026-04-06', '2'],
    ['2026-04-13', 'won', 'Won', '1200', '2026-04-06', '2'],
    ['2026-05-11', 'won', 'Won', '1200', '2026-04-06', '1'],
  ],
  // back to an earlier stage, slipped past its quarter, won re-imported unchanged
  [
    ['2026-01-05', 'open', 'Proposal', '2000', '2026-03-20', '1'],
    ['2026-01-26', 'open', 'Negotiation', '2000', '2026-03-20', '1'],
    ['2026-02-16', 'open', 'Proposal', '2000', '2026-03-20', '1'],
    ['2026-04-20', 'won', 'Won', '2000', '2026-04-20', '1'],
    ['2026-04-27', 'won', 'Won', '2000', '2026-04-20', '1'],
  ],
  // still open
  [['2026-04-06', 'open', 'Proposal', '400', '2026-07-30', '2']],
];
const DATES = Array.from({ length: 26 }, (_, i) => addDays('2026-02-02', 7 * i));
const VIEWERS: Visibility[] = [{ kind: 'all' }, { kind: 'own', personIds: ['1'] }];

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
  for (const id of ['1', '2']) {
    await store.db
      .insertInto('people')
      .values({ id, external_id: `P-${id}`, name: `P${id}` })
      .execute();
  }
  for (const [i, snaps] of DEALS.entries()) {
    const id = String(i + 1);
    await store.db
      .insertInto('opportunities')
      .values({ id, external_id: `D-${id}`, owner_id: snaps[0]![5], currency: 'USD', created_date: '2026-01-01' })
      .execute();
    for (const [date, status, stage, amount, close, owner] of snaps) {
      await store.db
        .insertInto('opportunity_snapshots')
        .values({
          opportunity_id: id,
          snapshot_date: date,
          status,
          stage,
          amount,
          close_date: close,
          owner_id: owner,
          currency: 'USD',
        })
        .execute();
    }
  }
});
afterAll(async () => {
  await store.close();
});

describe('closed deals as of many dates at once', () => {
  test('closed history: the same observations as the latest-snapshot rule, date by date', async () => {
    let observed = 0;
    for (const viewer of VIEWERS) {
      const batch = await loadClosedHistories(store.db, viewer, CALENDAR, 'quarter', DATES);
      for (const date of DATES) {
        const expected = await historyByRule(store.db, viewer, date);
        const actual = batch.get(date)!.map((o) => `${o.stage} ${o.ageDays} ${o.outcome} ${o.count}`);
        expect(actual.sort(), `${viewer.kind} as of ${date}`).toEqual(expected.sort());
        observed += expected.length;
      }
    }
    expect(observed).toBeGreaterThan(50);
  });

  test('won by day: the same amounts as the latest-snapshot rule, date by date', async () => {
    const requests = DATES.map((knownBy) => ({ knownBy, from: '2026-03-01', to: '2026-06-30' }));
    let days = 0;
    for (const viewer of VIEWERS) {
      const batch = await loadWonByDay(store.db, viewer, 'USD', requests);
      for (const [i, { knownBy }] of requests.entries()) {
        const actual = [...batch[i]!].map(([day, amount]) => `${day} ${amount.toFixed(2)}`);
        expect(actual.sort(), `${viewer.kind} as of ${knownBy}`).toEqual(await wonByRule(store.db, viewer, knownBy));
        days += actual.length;
      }
    }
    expect(days).toBeGreaterThan(50);
  });
});

const visible = (viewer: Visibility, column: string) =>
  viewer.kind === 'all' ? sql`true` : sql`${sql.ref(column)} = any(${viewer.personIds}::bigint[])`;
const latest = (date: string) => sql`(select s.* from opportunities o cross join lateral (
    select * from opportunity_snapshots x where x.opportunity_id = o.id and x.snapshot_date <= ${date}::date
    order by x.snapshot_date desc limit 1) s)`;

/** The one-date statement the batch replaced (quarter ends of 2025–2027; every age its own row). */
async function historyByRule(db: Kysely<Database>, viewer: Visibility, date: string): Promise<string[]> {
  const ends = ['2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];
  const { rows } = await sql<{ line: string }>`
    with final as (
      select f.opportunity_id, f.status, f.close_date from ${latest(date)} f
      where f.status in ('won', 'lost') and ${visible(viewer, 'f.owner_id')}
    ),
    entered as (
      select distinct on (x.opportunity_id, x.stage) x.opportunity_id, x.stage, x.snapshot_date, x.close_date
      from opportunity_snapshots x join final using (opportunity_id)
      where x.snapshot_date <= ${date}::date and x.status = 'open'
      order by x.opportunity_id, x.stage, x.snapshot_date
    ),
    observed as (
      select e.stage, greatest(0, e.snapshot_date - o.created_date)::int as age,
        case when final.close_date > (select min(pe) from unnest(${ends}::date[]) pe where pe >= e.close_date)
          then 'slipped' else final.status end as outcome
      from entered e join final using (opportunity_id) join opportunities o on o.id = e.opportunity_id
    )
    select stage || ' ' || bucket || ' ' || outcome || ' ' || count(*) as line
    from (select stage, outcome,
            case when age <= 30 then 0 when age <= 90 then 31 when age <= 180 then 91 else 181 end as bucket
          from observed) b
    group by stage, bucket, outcome`.execute(db);
  return rows.map((r) => r.line);
}

async function wonByRule(db: Kysely<Database>, viewer: Visibility, date: string): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select s.close_date::text || ' ' || sum(round(coalesce(s.amount, 0), 2))::numeric(20, 2)::text as line
    from ${latest(date)} s
    where s.status = 'won' and s.close_date between '2026-03-01' and '2026-06-30' and ${visible(viewer, 's.owner_id')}
    group by s.close_date`.execute(db);
  return rows.map((r) => r.line).sort();
}
