// A hand-built pipeline history for the pipeline tests; every figure in them is worked from this.
//   Vera (exec) ── Mia (manager) ── Raj (rep), Rosa (rep)
//              └── Lee (rep)
// FX: 1 EUR = 1.10 USD from 2026-01-01, 1.20 from 2026-08-01. Stages and probabilities:
// Prospecting 10 (pipeline), Qualification 20 (pipeline), Proposal 50 (best_case),
// Negotiation 75 (commit). Q3 = 2026-07-01 .. 2026-09-30; D1 = 2026-07-06, D2 = 2026-08-31.
//
// deal owner created    snapshots (date: stage amount close)                       at D1 → D2 for Q3
// O-1  Raj  2026-06-01  06-29 Proposal 1000 08-15; 08-03 Negotiation 1500 08-15    start → increased 500
// O-2  Rosa 2026-04-15  06-29 Proposal 2000 EUR 09-20; 08-24 Proposal 1500 EUR      start → decreased
// O-3  Raj  2026-05-20  06-29 Qualification 800 09-10; 08-10 same, close 10-15      start → pushed out
// O-4  Lee  2026-03-01  06-29 Negotiation 3000 07-31; 07-27 WON 3200 07-28          start → won (3000)
// O-5  Rosa 2026-07-06  07-06 Prospecting 500 09-30; 08-17 LOST 500 08-17           start → lost
// O-6  Raj  2026-07-20  07-20 Prospecting 700 09-25                                 created
// O-7  Lee  2026-07-13  07-13 Proposal 400 08-20; 08-17 WON 450 08-17               created + won (450)
// O-8  Rosa 2026-06-20  06-29 Qualification 900 11-30; 08-03 Qualification 1000 09-15  pulled in
// O-9  Raj  2026-02-01  06-29 Prospecting 100 12-15; 08-24 same                     outside Q3
// O-10 Lee  2026-06-29  06-29 Proposal 250 08-01                                    start, unchanged
// O-11 Raj  2026-09-07  09-07 Qualification 600 10-20                               after D2
// O-12 Rosa 2026-07-13  07-13 Prospecting 300 10-30                                 outside Q3
// Quotas (bookings, 2026-Q3): Raj 3,000 USD, Rosa 4,000 EUR, Lee 2,000 USD, Mia 12,000 USD.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.ts';

export const D1 = '2026-07-06';
export const D2 = '2026-08-31';
export const PEOPLE = { vera: '1', mia: '2', raj: '3', rosa: '4', lee: '5' } as const;

const STAGE: Record<string, [probability: string, category: string]> = {
  Prospecting: ['10', 'pipeline'],
  Qualification: ['20', 'pipeline'],
  Proposal: ['50', 'best_case'],
  Negotiation: ['75', 'commit'],
  'Closed Won': ['100', 'closed'],
  'Closed Lost': ['0', 'omitted'],
};

type Snap = [date: string, stage: string, amount: string, close: string];
const DEALS: [id: number, owner: keyof typeof PEOPLE, created: string, currency: string, snaps: Snap[]][] = [
  [
    1,
    'raj',
    '2026-06-01',
    'USD',
    [
      ['2026-06-29', 'Proposal', '1000', '2026-08-15'],
      ['2026-08-03', 'Negotiation', '1500', '2026-08-15'],
    ],
  ],
  [
    2,
    'rosa',
    '2026-04-15',
    'EUR',
    [
      ['2026-06-29', 'Proposal', '2000', '2026-09-20'],
      ['2026-08-24', 'Proposal', '1500', '2026-09-20'],
    ],
  ],
  [
    3,
    'raj',
    '2026-05-20',
    'USD',
    [
      ['2026-06-29', 'Qualification', '800', '2026-09-10'],
      ['2026-08-10', 'Qualification', '800', '2026-10-15'],
    ],
  ],
  [
    4,
    'lee',
    '2026-03-01',
    'USD',
    [
      ['2026-06-29', 'Negotiation', '3000', '2026-07-31'],
      ['2026-07-27', 'Closed Won', '3200', '2026-07-28'],
    ],
  ],
  [
    5,
    'rosa',
    '2026-07-06',
    'USD',
    [
      ['2026-07-06', 'Prospecting', '500', '2026-09-30'],
      ['2026-08-17', 'Closed Lost', '500', '2026-08-17'],
    ],
  ],
  [6, 'raj', '2026-07-20', 'USD', [['2026-07-20', 'Prospecting', '700', '2026-09-25']]],
  [
    7,
    'lee',
    '2026-07-13',
    'USD',
    [
      ['2026-07-13', 'Proposal', '400', '2026-08-20'],
      ['2026-08-17', 'Closed Won', '450', '2026-08-17'],
    ],
  ],
  [
    8,
    'rosa',
    '2026-06-20',
    'USD',
    [
      ['2026-06-29', 'Qualification', '900', '2026-11-30'],
      ['2026-08-03', 'Qualification', '1000', '2026-09-15'],
    ],
  ],
  [
    9,
    'raj',
    '2026-02-01',
    'USD',
    [
      ['2026-06-29', 'Prospecting', '100', '2026-12-15'],
      ['2026-08-24', 'Prospecting', '100', '2026-12-15'],
    ],
  ],
  [10, 'lee', '2026-06-29', 'USD', [['2026-06-29', 'Proposal', '250', '2026-08-01']]],
  [11, 'raj', '2026-09-07', 'USD', [['2026-09-07', 'Qualification', '600', '2026-10-20']]],
  [12, 'rosa', '2026-07-13', 'USD', [['2026-07-13', 'Prospecting', '300', '2026-10-30']]],
];

const statusOf = (stage: string) => (stage === 'Closed Won' ? 'won' : stage === 'Closed Lost' ? 'lost' : 'open');

export async function seedPipelineHistory(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('org_units')
    .values({ id: 1, external_id: 'OU-1', name: 'Acme Sales', type: 'company' })
    .execute();
  const people = [
    [1, 'P-VERA', 'Vera', 'exec', null],
    [2, 'P-MIA', 'Mia', 'manager', 1],
    [3, 'P-RAJ', 'Raj', 'rep', 2],
    [4, 'P-ROSA', 'Rosa', 'rep', 2],
    [5, 'P-LEE', 'Lee', 'rep', 1],
  ] as const;
  for (const [id, externalId, name, role, manager] of people) {
    await db.insertInto('people').values({ id, external_id: externalId, name, hire_date: '2024-01-01' }).execute();
    await db
      .insertInto('person_history')
      .values({
        person_id: String(id),
        valid_from: '2024-01-01',
        manager_id: manager === null ? null : String(manager),
        org_unit_id: '1',
        job_role: role,
      })
      .execute();
  }
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-08-01', rate: '1.20' },
    ])
    .execute();
  for (const [id, owner, created, currency, snaps] of DEALS) {
    const [, stage, amount, close] = snaps[snaps.length - 1]!;
    await db
      .insertInto('opportunities')
      .values({
        id,
        external_id: `O-${id}`,
        name: `Deal ${id}`,
        owner_id: PEOPLE[owner],
        stage,
        status: statusOf(stage),
        probability: STAGE[stage]![0],
        forecast_category: STAGE[stage]![1],
        amount,
        currency,
        created_date: created,
        close_date: close,
      })
      .execute();
    for (const [date, snapStage, snapAmount, snapClose] of snaps) {
      await db
        .insertInto('opportunity_snapshots')
        .values({
          opportunity_id: String(id),
          snapshot_date: date,
          owner_id: PEOPLE[owner],
          stage: snapStage,
          status: statusOf(snapStage),
          probability: STAGE[snapStage]![0],
          forecast_category: STAGE[snapStage]![1],
          amount: snapAmount,
          currency,
          close_date: snapClose,
        })
        .execute();
    }
  }
  const quotas = [
    ['3', '3000', 'USD'],
    ['4', '4000', 'EUR'],
    ['5', '2000', 'USD'],
    ['2', '12000', 'USD'],
  ] as const;
  for (const [person, amount, currency] of quotas) {
    await db
      .insertInto('quotas')
      .values({
        person_id: person,
        measure: 'bookings',
        period: '2026-Q3',
        period_start: '2026-07-01',
        period_end: '2026-09-30',
        amount,
        currency,
      })
      .execute();
  }
  for (const table of ['org_units', 'people', 'opportunities']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
      db,
    );
  }
}
