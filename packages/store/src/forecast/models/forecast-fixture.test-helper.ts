// A hand-built history for the forecast-model tests; every figure in them is worked from this.
//   Vera (manager, top) ── Raj (rep), Lee (rep). USD only; Gregorian quarters.
// Stage probabilities: Proposal 50, Negotiation 75. AS_OF = 2026-07-15 (week 3 of 2026-Q3).
//
// deal created    snapshots (date: stage amount close)                        as of 2026-07-15
// O-1  2026-06-01 06-29 Proposal 1000 08-15                                   open in Q3
// O-2  2026-07-01 07-06 Negotiation 2400 09-10                                open in Q3
// O-3  2026-05-01 06-29 Negotiation 500 07-10; 07-10 WON 500 07-10            won-to-date 500
// O-4  2026-07-10 07-20 Proposal 3000 09-01                                   unseen (after)
// H-1  2026-01-05 02-02 Proposal 1000 03-20; 03-16 WON 1000 03-16             Proposal: won
// H-2  2026-01-05 02-02 Proposal 800 03-25; 03-20 LOST 800 03-20              Proposal: lost
// H-3  2026-01-05 02-02 Proposal 600 03-31; 05-04 WON 600 05-04               Proposal: slipped
// H-4  2026-03-01 04-06 Negotiation 1200 06-15; 06-10 WON 1200 06-10          Negotiation: won
// H-5  2026-03-01 04-06 Proposal 2000 06-20; 04-27 Negotiation 2000 06-20;    Proposal: won,
//                 06-15 WON 2000 06-15                                        Negotiation: won
// H-6  2026-03-01 04-06 Negotiation 400 06-30; 07-20 WON 400 07-20            still open then
// Revenue transactions: 100 on the 15th of each month 2026-01..06, and 5000 on 2026-07-20 (after).
// Calls: Vera team 2026-Q2 week 04-13 commit 3000; 2026-Q3 week 07-13 commit 2600, week 07-20
// commit 9999 (after); Raj own 2026-Q3 week 07-13 commit 1000 (inside Vera's team call).
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema.ts';

export const AS_OF = '2026-07-15';
export const PEOPLE = { vera: '1', raj: '2', lee: '3' } as const;

const PROBABILITY: Record<string, string> = { Proposal: '50', Negotiation: '75', WON: '100', LOST: '0' };
type Snap = [date: string, stage: string, amount: string, close: string];
const DEALS: [id: string, owner: keyof typeof PEOPLE, created: string, snaps: Snap[]][] = [
  ['O-1', 'raj', '2026-06-01', [['2026-06-29', 'Proposal', '1000', '2026-08-15']]],
  ['O-2', 'lee', '2026-07-01', [['2026-07-06', 'Negotiation', '2400', '2026-09-10']]],
  [
    'O-3',
    'raj',
    '2026-05-01',
    [
      ['2026-06-29', 'Negotiation', '500', '2026-07-10'],
      ['2026-07-10', 'WON', '500', '2026-07-10'],
    ],
  ],
  ['O-4', 'lee', '2026-07-10', [['2026-07-20', 'Proposal', '3000', '2026-09-01']]],
  [
    'H-1',
    'raj',
    '2026-01-05',
    [
      ['2026-02-02', 'Proposal', '1000', '2026-03-20'],
      ['2026-03-16', 'WON', '1000', '2026-03-16'],
    ],
  ],
  [
    'H-2',
    'lee',
    '2026-01-05',
    [
      ['2026-02-02', 'Proposal', '800', '2026-03-25'],
      ['2026-03-20', 'LOST', '800', '2026-03-20'],
    ],
  ],
  [
    'H-3',
    'raj',
    '2026-01-05',
    [
      ['2026-02-02', 'Proposal', '600', '2026-03-31'],
      ['2026-05-04', 'WON', '600', '2026-05-04'],
    ],
  ],
  [
    'H-4',
    'lee',
    '2026-03-01',
    [
      ['2026-04-06', 'Negotiation', '1200', '2026-06-15'],
      ['2026-06-10', 'WON', '1200', '2026-06-10'],
    ],
  ],
  [
    'H-5',
    'raj',
    '2026-03-01',
    [
      ['2026-04-06', 'Proposal', '2000', '2026-06-20'],
      ['2026-04-27', 'Negotiation', '2000', '2026-06-20'],
      ['2026-06-15', 'WON', '2000', '2026-06-15'],
    ],
  ],
  [
    'H-6',
    'lee',
    '2026-03-01',
    [
      ['2026-04-06', 'Negotiation', '400', '2026-06-30'],
      ['2026-07-20', 'WON', '400', '2026-07-20'],
    ],
  ],
];

const status = (stage: string) => (stage === 'WON' ? 'won' : stage === 'LOST' ? 'lost' : 'open');

export async function seedForecastHistory(db: Kysely<Database>): Promise<void> {
  for (const [name, id] of Object.entries(PEOPLE)) {
    await db
      .insertInto('people')
      .values({ id, external_id: name, name: name[0]!.toUpperCase() + name.slice(1) })
      .execute();
    await db
      .insertInto('person_history')
      .values({
        person_id: id,
        valid_from: '2025-01-01',
        manager_id: id === PEOPLE.vera ? null : PEOPLE.vera,
        job_role: id === PEOPLE.vera ? 'manager' : 'rep',
      })
      .execute();
  }
  let n = 0;
  for (const [externalId, owner, created, snaps] of DEALS) {
    n += 1;
    const last = snaps.at(-1)!;
    await db
      .insertInto('opportunities')
      .values({
        id: String(n),
        external_id: externalId,
        owner_id: PEOPLE[owner],
        stage: last[1],
        status: status(last[1]),
        amount: last[2],
        currency: 'USD',
        created_date: created,
        close_date: last[3],
      })
      .execute();
    for (const [date, stage, amount, close] of snaps) {
      await db
        .insertInto('opportunity_snapshots')
        .values({
          opportunity_id: String(n),
          snapshot_date: date,
          owner_id: PEOPLE[owner],
          stage,
          status: status(stage),
          probability: PROBABILITY[stage]!,
          amount,
          currency: 'USD',
          close_date: close,
        })
        .execute();
    }
  }
  const revenue: [string, string][] = [1, 2, 3, 4, 5, 6].map((m) => [`2026-0${m}-15`, '100']);
  revenue.push(['2026-07-20', '5000']);
  for (const [i, [date, amount]] of revenue.entries()) {
    await db
      .insertInto('transactions')
      .values({ external_id: `T-${i + 1}`, type: 'revenue', date, amount, currency: 'USD', owner_id: PEOPLE.raj })
      .execute();
  }
  const calls: [person: string, period: string, week: string, commit: string, scope: 'own' | 'team'][] = [
    [PEOPLE.vera, '2026-Q2', '2026-04-13', '3000', 'team'],
    [PEOPLE.vera, '2026-Q3', '2026-07-13', '2600', 'team'],
    [PEOPLE.vera, '2026-Q3', '2026-07-20', '9999', 'team'],
    [PEOPLE.raj, '2026-Q3', '2026-07-13', '1000', 'own'],
  ];
  for (const [person, period, week, commit, scope] of calls) {
    const quarter = period === '2026-Q2' ? ['2026-04-01', '2026-06-30'] : ['2026-07-01', '2026-09-30'];
    await db
      .insertInto('forecast_calls')
      .values({
        person_id: person,
        period,
        period_start: quarter[0]!,
        period_end: quarter[1]!,
        week_of: week,
        scope,
        commit_amount: commit,
        best_case_amount: commit,
        pipeline_amount: commit,
        currency: 'USD',
        submitted_by: 'test',
      })
      .execute();
  }
  for (const table of ['people', 'opportunities']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
      db,
    );
  }
}
