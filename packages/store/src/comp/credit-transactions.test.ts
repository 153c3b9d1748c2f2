// Crediting (DESIGN §5.2) on the hand-built company of crediting-fixture.test-helper.ts, credited
// for March 2026 (February first, so its credits can be seen to stay). Numbers worked by hand:
// an amount is the transaction amount × share, at full precision (1000.00 × 0.60 = 600.0000).
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Store } from '../open-store.ts';
import { openTestStore } from '../test-store.ts';
import { creditTransactions } from './credit-transactions.ts';
import { seedCrediting } from './crediting-fixture.test-helper.ts';

let store: Store;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

beforeAll(async () => {
  store = await openTestStore();
  await seedCrediting(store.db);
});
afterAll(async () => {
  await store.close();
});

/** A transaction's credits as "PERSON kind share amount": direct, then overlay, then roll-up, by person. */
async function creditsOf(transaction: string): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select p.external_id || ' ' || c.kind || ' ' || c.share::text || ' ' || c.amount::text as line
    from all_credits c join transactions t on t.id = c.transaction_id join people p on p.id = c.person_id
    where t.external_id = ${transaction}
    order by case c.kind when 'overlay' then 1 when 'rollup' then 2 else 0 end, p.external_id`.execute(store.db);
  return rows.map((r) => r.line);
}

/** credit_day_totals holds exactly the credits summed per payee and day, whatever crediting did. */
async function expectDayTotalsKept() {
  const { rows } = await sql<{ n: string }>`
    select count(*)::text as n from (
      (select person_id, date, chain_date, currency, measure, rolls_up, amount::text, credits from credit_day_totals
       except all
       select person_id, date, coalesce(basis_date, date), currency, measure,
         kind in ('owner', 'split', 'opportunity_owner', 'territory'), sum(amount)::text, count(*)
       from credits group by 1, 2, 3, 4, 5, 6)
      union all
      (select person_id, date, coalesce(basis_date, date), currency, measure,
         kind in ('owner', 'split', 'opportunity_owner', 'territory'), sum(amount)::text, count(*)
       from credits group by 1, 2, 3, 4, 5, 6
       except all
       select person_id, date, chain_date, currency, measure, rolls_up, amount::text, credits from credit_day_totals)) d`.execute(
    store.db,
  );
  expect(rows[0]!.n).toBe('0');
  const { rows: kept } = await sql<{ n: string }>`select count(*)::text as n from credit_day_totals`.execute(store.db);
  expect(Number(kept[0]!.n)).toBeGreaterThan(0);
}

async function exceptionOf(transaction: string) {
  return store.db
    .selectFrom('credit_exceptions as e')
    .innerJoin('transactions as t', 't.id', 'e.transaction_id')
    .select(['e.code', 'e.message', 'e.details'])
    .where('t.external_id', '=', transaction)
    .executeTakeFirst();
}

test('crediting March credits its 15 transactions and lists 5 exceptions', async () => {
  await creditTransactions(store.db, { from: '2026-02-01', to: '2026-02-28' });
  // 14 credits rows written (direct and overlay); the 19 roll-ups below are derived (all_credits).
  expect(await creditTransactions(store.db, MARCH)).toEqual({ transactions: 15, credits: 14, exceptions: 5 });
  const { rows } = await sql<{ n: string }>`select count(*)::text as n from all_credits where kind = 'rollup'
    and date between '2026-03-01' and '2026-03-31'`.execute(store.db);
  expect(rows[0]!.n).toBe('19');
  await expectDayTotalsKept();
});

test('an explicit owner wins over the opportunity; every manager above rolls up (DESIGN §5.2)', async () => {
  // ZOE owns it outright (O-1's owner LEE gets nothing); ZOE → OMAR → VERA roll up the full 1000.00.
  expect(await creditsOf('TX-OWNER')).toEqual([
    'ZOE owner 1 1000.00',
    'OMAR rollup 1 1000.00',
    'VERA rollup 1 1000.00',
  ]);
  const row = await store.db
    .selectFrom('all_credits')
    .select(['measure', 'date', 'currency', 'source_person_id', 'territory_id', 'cancels_transaction_id'])
    .where('transaction_id', '=', '2')
    .where('kind', '=', 'rollup')
    .where('person_id', '=', '1')
    .executeTakeFirstOrThrow();
  expect(row).toEqual({
    measure: 'bookings',
    date: '2026-03-10',
    currency: 'USD',
    source_person_id: '6',
    territory_id: null,
    cancels_transaction_id: null,
  });
});

test('without an owner the opportunity owner is credited, the Security overlay adds credit, managers by date', async () => {
  // 10 March: LEE reports to MIA. 20 March: LEE reports to OMAR. SAM's overlay credit does not roll
  // up: VERA's roll-up comes from LEE alone (source LEE, share 1).
  expect(await creditsOf('TX-OPP')).toEqual([
    'LEE opportunity_owner 1 500.00',
    'SAM overlay 1 500.00',
    'MIA rollup 1 500.00',
    'VERA rollup 1 500.00',
  ]);
  expect(await creditsOf('TX-OPP-LATE')).toEqual([
    'LEE opportunity_owner 1 500.00',
    'SAM overlay 1 500.00',
    'OMAR rollup 1 500.00',
    'VERA rollup 1 500.00',
  ]);
  const sources = await sql<{ source: string }>`
    select s.external_id as source from all_credits c join people s on s.id = c.source_person_id
    where c.transaction_id = 3 and c.kind = 'rollup' order by c.person_id`.execute(store.db);
  expect(sources.rows.map((r) => r.source)).toEqual(['LEE', 'LEE']);
});

test('a 60/40 split credits two rows; the manager of both gets one roll-up of the summed share', async () => {
  // 1000.00 × 0.60 = 600.0000 and × 0.40 = 400.0000. MIA manages RAJ and LEE on 10 March: 0.60 + 0.40.
  expect(await creditsOf('TX-SPLIT')).toEqual([
    'LEE split 0.40 400.0000',
    'RAJ split 0.60 600.0000',
    'MIA rollup 1.00 1000.0000',
    'VERA rollup 1.00 1000.0000',
  ]);
  const rollups = await store.db
    .selectFrom('all_credits')
    .select('source_person_id')
    .where('transaction_id', '=', '5')
    .where('kind', '=', 'rollup')
    .execute();
  expect(rollups).toEqual([{ source_person_id: null }, { source_person_id: null }]);
});

test('splits summing to 90 are an exception, not a guess: no credits, not even roll-ups', async () => {
  expect(await creditsOf('TX-SPLIT90')).toEqual([]);
  expect(await exceptionOf('TX-SPLIT90')).toEqual({
    code: 'CREDIT_SPLIT_INVALID',
    message: 'Transaction TX-SPLIT90 has revenue splits on opportunity O-3 summing to 90, not 100',
    details: { transaction: 'TX-SPLIT90', opportunity: 'O-3', percentSum: '90' },
  });
});

test("an opportunity with neither owner nor splits, or none at all, falls to the territory's owner as of the date", async () => {
  // T-DACH passes from RAJ to ZOE on 15 March (half-open: the 15th is ZOE's). The Data overlay is
  // held by a TBH, so the Data usage gets no overlay credit.
  expect(await creditsOf('TX-TERR-OPP')).toEqual([
    'RAJ territory 1 200.00',
    'MIA rollup 1 200.00',
    'VERA rollup 1 200.00',
  ]);
  expect(await creditsOf('TX-TERR-14')).toEqual([
    'RAJ territory 1 100.00',
    'MIA rollup 1 100.00',
    'VERA rollup 1 100.00',
  ]);
  expect(await creditsOf('TX-TERR-15')).toEqual([
    'ZOE territory 1 100.00',
    'OMAR rollup 1 100.00',
    'VERA rollup 1 100.00',
  ]);
  const territory = await store.db
    .selectFrom('all_credits')
    .select(['territory_id', 'measure'])
    .where('transaction_id', '=', '9')
    .where('kind', '=', 'territory')
    .executeTakeFirstOrThrow();
  expect(territory).toEqual({ territory_id: '1', measure: 'usage' });
});

test('a TBH territory or no account at all is CREDIT_OWNER_MISSING', async () => {
  expect(await creditsOf('TX-TBH')).toEqual([]);
  expect(await exceptionOf('TX-TBH')).toEqual({
    code: 'CREDIT_OWNER_MISSING',
    message: 'Transaction TX-TBH has no one to credit: no owner, territory T-UKI was held by TBH UKI on 2026-03-12',
    details: { transaction: 'TX-TBH', date: '2026-03-12', account: 'A-2', territory: 'T-UKI', tbhLabel: 'TBH UKI' },
  });
  expect(await exceptionOf('TX-NOBODY')).toEqual({
    code: 'CREDIT_OWNER_MISSING',
    message: 'Transaction TX-NOBODY has no one to credit: no owner, no account',
    details: { transaction: 'TX-NOBODY', date: '2026-03-12' },
  });
});

test('a manager cycle ends the roll-up instead of looping', async () => {
  // ANA → BEN → ANA: BEN rolls up once; ANA is never her own manager.
  expect(await creditsOf('TX-CYCLE')).toEqual(['ANA owner 1 80.00', 'BEN rollup 1 80.00']);
});

test('a cancellation credits exactly the payees of what it cancels, at its own amount and date', async () => {
  // TX-SPLIT's payees as of its date 10 March (MIA, though LEE reports to OMAR by the 25th).
  expect(await creditsOf('TX-CANCEL')).toEqual([
    'LEE split 0.40 -400.0000',
    'RAJ split 0.60 -600.0000',
    'MIA rollup 1.00 -1000.0000',
    'VERA rollup 1.00 -1000.0000',
  ]);
  const rows = await store.db
    .selectFrom('all_credits')
    .select(['measure', 'date', 'cancels_transaction_id'])
    .distinct()
    .where('transaction_id', '=', '13')
    .execute();
  expect(rows).toEqual([{ measure: 'bookings', date: '2026-03-25', cancels_transaction_id: '5' }]);
  // TX-FEB lies outside March, yet its cancellation takes its payees.
  expect(await creditsOf('TX-CANCEL-FEB')).toEqual([
    'RAJ owner 1 -300.00',
    'MIA rollup 1 -300.00',
    'VERA rollup 1 -300.00',
  ]);
});

test('a cancellation of an exception, or of nothing, is an exception too', async () => {
  expect(await exceptionOf('TX-CANCEL-90')).toEqual({
    code: 'CREDIT_SPLIT_INVALID',
    message:
      'Transaction TX-CANCEL-90 cancels TX-SPLIT90, which has revenue splits on opportunity O-3 summing to 90, not 100',
    details: { transaction: 'TX-CANCEL-90', cancels: 'TX-SPLIT90', opportunity: 'O-3', percentSum: '90' },
  });
  expect(await exceptionOf('TX-CANCEL-NONE')).toEqual({
    code: 'CREDIT_CANCELS_INVALID',
    message: 'Transaction TX-CANCEL-NONE is a cancellation that names no transaction it cancels',
    details: { transaction: 'TX-CANCEL-NONE' },
  });
});

test('re-running replaces: same counts, same rows (unchanged ones kept); February and April stay', async () => {
  const snapshot = () =>
    sql<{ line: string }>`
      select c.id || ' ' || t.external_id || ' ' || p.external_id || ' ' || c.kind || ' ' || c.amount::text as line
      from credits c join transactions t on t.id = c.transaction_id join people p on p.id = c.person_id
      order by 1`.execute(store.db);
  const before = (await snapshot()).rows;
  expect(await creditTransactions(store.db, MARCH)).toEqual({ transactions: 15, credits: 14, exceptions: 5 });
  expect((await snapshot()).rows).toEqual(before);
  await expectDayTotalsKept();
  expect(await creditsOf('TX-FEB')).toEqual(['RAJ owner 1 300.00', 'MIA rollup 1 300.00', 'VERA rollup 1 300.00']);
  expect(await creditsOf('TX-APRIL')).toEqual([]);
});

test('a re-run sees changed data: a changed amount replaces its credits', async () => {
  await store.db
    .updateTable('transactions')
    .set({ amount: '250.00' })
    .where('external_id', '=', 'TX-TERR-OPP')
    .execute();
  expect(await creditTransactions(store.db, { from: '2026-03-12', to: '2026-03-12' })).toEqual({
    transactions: 4,
    credits: 2,
    exceptions: 2,
  });
  expect(await creditsOf('TX-TERR-OPP')).toEqual([
    'RAJ territory 1 250.00',
    'MIA rollup 1 250.00',
    'VERA rollup 1 250.00',
  ]);
  expect(await exceptionOf('TX-TBH')).toMatchObject({ code: 'CREDIT_OWNER_MISSING' });
  await expectDayTotalsKept();
});

test('a re-run sees changed data: a fixed split replaces the exception with credits', async () => {
  await store.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('opportunity_splits')
      .set({ percent: '40' })
      .where('opportunity_id', '=', '3')
      .where('person_id', '=', '4')
      .execute();
    // Inside the caller's transaction, crediting joins it.
    expect(await creditTransactions(trx, { from: '2026-03-11', to: '2026-03-11' })).toEqual({
      transactions: 1,
      credits: 2,
      exceptions: 0,
    });
  });
  expect(await exceptionOf('TX-SPLIT90')).toBeUndefined();
  expect(await creditsOf('TX-SPLIT90')).toEqual([
    'LEE split 0.40 280.0000',
    'RAJ split 0.60 420.0000',
    'MIA rollup 1.00 700.0000',
    'VERA rollup 1.00 700.0000',
  ]);
  await expectDayTotalsKept();
});

test('a range that ends before it starts is refused', async () => {
  await expect(creditTransactions(store.db, { from: '2026-03-31', to: '2026-03-01' })).rejects.toMatchObject({
    code: 'CREDIT_RANGE_INVALID',
  });
});

test('a credited transaction or person cannot be deleted or truncated away from its credits', async () => {
  // ZOE (person 4) holds TX-OWNER's (transaction 2) direct credit.
  await expect(sql`delete from transactions where id = 2`.execute(store.db)).rejects.toThrow(/CREDITS_EXIST/);
  await expect(sql`delete from people where external_id = 'ZOE'`.execute(store.db)).rejects.toThrow(/CREDITS_EXIST/);
  await expect(sql`truncate transactions cascade`.execute(store.db)).rejects.toThrow(/CREDITS_EXIST/);
  expect(await creditsOf('TX-OWNER')).toContain('ZOE owner 1 1000.00');
});

test('reporting lines: each manager above a person with the dates the whole chain holds', async () => {
  const { rows } = await sql<{ line: string }>`
    select m.external_id || ' ' || l.depth || ' ' || l.valid_from::text || ' ' || coalesce(l.valid_to::text, '…') as line
    from reporting_lines l join people p on p.id = l.person_id join people m on m.id = l.manager_id
    where p.external_id = ${'LEE'} order by l.valid_from, l.depth`.execute(store.db);
  // LEE → MIA → VERA until 15 March, then LEE → OMAR → VERA.
  expect(rows.map((r) => r.line)).toEqual([
    'MIA 1 2024-01-01 2026-03-15',
    'VERA 2 2024-01-01 2026-03-15',
    'OMAR 1 2026-03-15 …',
    'VERA 2 2026-03-15 …',
  ]);
  // ANA ↔ BEN report to each other: one step each, the cycle stops there.
  const cycle = await sql<{ n: string }>`select count(*)::text as n from reporting_lines l
    join people p on p.id = l.person_id where p.external_id in ('ANA', 'BEN')`.execute(store.db);
  expect(cycle.rows[0]!.n).toBe('2');
});

test('roll-ups follow the reporting lines of the latest crediting, also for transactions outside its range', async () => {
  // A reorg entered late: from 1 February MIA reports to OMAR, not VERA. Crediting April only
  // rebuilds the reporting lines, and February's TX-FEB (RAJ → MIA) now rolls up through OMAR.
  expect(await creditsOf('TX-FEB')).toEqual(['RAJ owner 1 300.00', 'MIA rollup 1 300.00', 'VERA rollup 1 300.00']);
  const mia = (
    await store.db.selectFrom('people').select('id').where('external_id', '=', 'MIA').executeTakeFirstOrThrow()
  ).id;
  const omar = (
    await store.db.selectFrom('people').select('id').where('external_id', '=', 'OMAR').executeTakeFirstOrThrow()
  ).id;
  await store.db.updateTable('person_history').set({ valid_to: '2026-02-01' }).where('person_id', '=', mia).execute();
  await store.db
    .insertInto('person_history')
    .values({ person_id: mia, manager_id: omar, valid_from: '2026-02-01', job_role: 'manager' })
    .execute();
  await creditTransactions(store.db, { from: '2026-04-01', to: '2026-04-30' });
  expect(await creditsOf('TX-FEB')).toEqual([
    'RAJ owner 1 300.00',
    'MIA rollup 1 300.00',
    'OMAR rollup 1 300.00',
    'VERA rollup 1 300.00',
  ]);
  await expectDayTotalsKept();
});

test('crediting only the transactions added since keeps the day totals of their days', async () => {
  const raj = (
    await store.db.selectFrom('people').select('id').where('external_id', '=', 'RAJ').executeTakeFirstOrThrow()
  ).id;
  const { rows: top } = await sql<{ id: string }>`select max(id)::text as id from transactions`.execute(store.db);
  const last = top[0]!.id;
  await store.db
    .insertInto('transactions')
    .values({
      id: String(Number(last) + 1),
      external_id: 'TX-LATE',
      type: 'booking',
      date: '2026-03-10',
      amount: '40.00',
      currency: 'USD',
      owner_id: raj,
    })
    .execute();
  expect(
    await creditTransactions(store.db, { from: '1000-01-01', to: '9999-12-31', afterTransactionId: last }),
  ).toEqual({
    transactions: 1,
    credits: 1,
    exceptions: 0,
  });
  await expectDayTotalsKept();
});

test('two history rows of one person in force on the same day still give each manager one roll-up', async () => {
  // ZOE → OMAR since 2024, and a second, overlapping row ZOE → OMAR from 2025-06-01.
  const zoe = (
    await store.db.selectFrom('people').select('id').where('external_id', '=', 'ZOE').executeTakeFirstOrThrow()
  ).id;
  const omar = (
    await store.db.selectFrom('people').select('id').where('external_id', '=', 'OMAR').executeTakeFirstOrThrow()
  ).id;
  await store.db
    .insertInto('person_history')
    .values({ person_id: zoe, manager_id: omar, valid_from: '2025-06-01', job_role: 'rep' })
    .execute();
  await creditTransactions(store.db, MARCH);
  expect(await creditsOf('TX-OWNER')).toEqual([
    'ZOE owner 1 1000.00',
    'OMAR rollup 1 1000.00',
    'VERA rollup 1 1000.00',
  ]);
  const { rows } = await sql<{ line: string }>`
    select m.external_id || ' ' || l.valid_from::text || ' ' || coalesce(l.valid_to::text, '…') as line
    from reporting_lines l join people m on m.id = l.manager_id where l.person_id = ${zoe} order by 1`.execute(
    store.db,
  );
  expect(rows.map((r) => r.line)).toEqual(['OMAR 2024-01-01 …', 'VERA 2024-01-01 …']);
});
