// A hand-built team and its calls for 2026-Q3 (2026-07-01 .. 2026-09-30); every figure in the
// forecast tests is worked from this.
//   Vera (exec) ── Mia (manager) ── Raj (rep), Rosa (rep, EUR)
//              └── Lee (rep; moves under Mia on 2026-07-13)
// FX: 1 EUR = 1.10 USD from 2026-01-01, 1.20 from 2026-08-01. Reporting currency USD.
// Won in Q3: Raj 1,000 USD on 07-08, Lee 2,000 USD on 07-10, Rosa 500 EUR on 08-05 (= 600 USD).
// Calls (week of: person scope commit / best case / pipeline):
//   07-06  Raj own 1000 / 2000 / 3000 USD      07-13  Raj own 1500 / 2500 / 4000 USD
//   07-06  Rosa own 1000 / 1500 / 2000 EUR      07-06  Lee own 2000 / 2000 / 2500 USD
//   07-06  Mia own 0 / 100 / 200 USD            07-13  Vera team override 8000 / 10000 / 12000 USD
//   08-03  Mia team override 5000 / 6000 / 9000 USD
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export const PEOPLE = { vera: '1', mia: '2', raj: '3', rosa: '4', lee: '5' } as const;

export async function seedForecastTeam(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'reportingCurrency', value: JSON.stringify('USD') })
    .execute();
  await db
    .insertInto('org_units')
    .values({ id: 1, external_id: 'OU-1', name: 'Acme Sales', type: 'company' })
    .execute();
  const people = [
    [1, 'P-VERA', 'Vera', 'USD', 'exec', null],
    [2, 'P-MIA', 'Mia', 'USD', 'manager', 1],
    [3, 'P-RAJ', 'Raj', 'USD', 'rep', 2],
    [4, 'P-ROSA', 'Rosa', 'EUR', 'rep', 2],
    [5, 'P-LEE', 'Lee', 'USD', 'rep', 1],
  ] as const;
  for (const [id, externalId, name, currency, role, manager] of people) {
    await db
      .insertInto('people')
      .values({ id, external_id: externalId, name, currency, hire_date: '2024-01-01' })
      .execute();
    await db
      .insertInto('person_history')
      .values({
        person_id: String(id),
        valid_from: '2024-01-01',
        valid_to: id === 5 ? '2026-07-13' : null,
        manager_id: manager === null ? null : String(manager),
        org_unit_id: '1',
        job_role: role,
      })
      .execute();
  }
  await db
    .insertInto('person_history')
    .values({ person_id: '5', valid_from: '2026-07-13', manager_id: '2', org_unit_id: '1', job_role: 'rep' })
    .execute();
  await db
    .insertInto('fx_rates')
    .values([
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.10' },
      { from_currency: 'EUR', to_currency: 'USD', date: '2026-08-01', rate: '1.20' },
    ])
    .execute();
  const won = [
    [1, '3', '1000', 'USD', '2026-07-08'],
    [2, '5', '2000', 'USD', '2026-07-10'],
    [3, '4', '500', 'EUR', '2026-08-05'],
    [4, '3', '9000', 'USD', '2026-06-30'],
  ] as const;
  for (const [id, owner, amount, currency, close] of won) {
    await db
      .insertInto('opportunities')
      .values({
        id,
        external_id: `O-${id}`,
        owner_id: owner,
        stage: 'Closed Won',
        status: 'won',
        amount,
        currency,
        created_date: '2026-05-01',
        close_date: close,
      })
      .execute();
  }
  for (const table of ['org_units', 'people', 'opportunities']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
      db,
    );
  }
}

export async function seedForecastCalls(db: Kysely<Database>): Promise<void> {
  const calls = [
    ['2026-07-06', PEOPLE.raj, 'own', '1000', '2000', '3000', 'USD', null],
    ['2026-07-06', PEOPLE.rosa, 'own', '1000', '1500', '2000', 'EUR', null],
    ['2026-07-06', PEOPLE.lee, 'own', '2000', '2000', '2500', 'USD', null],
    ['2026-07-06', PEOPLE.mia, 'own', '0', '100', '200', 'USD', null],
    ['2026-07-13', PEOPLE.raj, 'own', '1500', '2500', '4000', 'USD', null],
    ['2026-07-13', PEOPLE.vera, 'team', '8000', '10000', '12000', 'USD', "Lee's renewal slips to Q4"],
    ['2026-08-03', PEOPLE.mia, 'team', '5000', '6000', '9000', 'USD', 'Two late deals at risk'],
  ] as const;
  for (const [weekOf, person, scope, commit, bestCase, pipeline, currency, note] of calls) {
    await db
      .insertInto('forecast_calls')
      .values({
        person_id: person,
        period: '2026-Q3',
        period_start: '2026-07-01',
        period_end: '2026-09-30',
        week_of: weekOf,
        scope,
        commit_amount: commit,
        best_case_amount: bestCase,
        pipeline_amount: pipeline,
        currency,
        override: scope === 'team',
        note,
        submitted_by: 'fixture',
      })
      .execute();
  }
}
