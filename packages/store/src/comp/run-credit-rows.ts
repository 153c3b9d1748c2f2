// The credits rows a compensation run reads per payee: single credits with what `when` filters on,
// and for payees on totals-only plans the days before the run's period summed (LoadWindow.bundlePlans).
// A manager's roll-up credits are derived here from the direct credits of the people below them
// (reporting_lines; migration 2026-11-25T1300-derived-rollups), in the rows crediting once wrote.
// Two ways to read the same rows: straight from `credits` for a few payees (the estimator, tests),
// or staged once for every payee of a run into a temp table, sorted, that the batches then read by
// person. The staged way reads `credits` in sequential passes instead of one index walk per batch.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface CreditRow {
  person_id: string;
  transaction_id: string | null;
  kind: string | null;
  measure: string;
  date: string;
  amount: string;
  currency: string;
  external_id: string | null;
  cancels: string | null;
  contract_months: number | null;
  deal_type: string | null;
  product: string | null;
  family: string | null;
  /** How many credits a summed row holds; null for a single credit. */
  n: string | null;
}

export interface CreditWindow {
  lookbackFrom: string;
  /** Credits dated before this may be summed. */
  start: string;
  end: string;
}

// A fixed order: the run hashes what it reads to know whether a payee changed.
const ORDER = sql.raw('order by person_id, date, external_id nulls first, kind, measure, currency');

/**
 * The run's payees, each flagged when their credits before `start` may be summed (`bundled`).
 * `run_payees` and `run_cancelled` are named relations: a CTE for a few payees, a temp table for a run.
 */
function payeesSelect(ids: readonly string[], bundled: readonly string[]) {
  return sql`select p.person_id, p.person_id = any(${[...bundled]}::bigint[]) as bundled
    from unnest(${[...ids]}::bigint[]) as p(person_id)`;
}

/** Credits a roll-up is derived from (migration 2026-11-25T1300-derived-rollups): overlays do not roll up. */
const DIRECT = sql.raw(`('owner', 'split', 'opportunity_owner', 'territory')`);

/** Manager l is above d's payee on the date d's roll-ups follow: its own, or a cancellation's basis date. */
const chainHolds = (l: string, d: string) =>
  sql.raw(`${l}.valid_from <= coalesce(${d}.basis_date, ${d}.date)
    and (${l}.valid_to is null or ${l}.valid_to > coalesce(${d}.basis_date, ${d}.date))`);

/** The payees' roll-ups, one row per direct credit and payee above it (d: the direct credit, rp: the payee). */
const ROLLUP_SOURCES = sql`credits d
    join reporting_lines l on l.person_id = d.person_id and ${chainHolds('l', 'd')}
    join run_payees rp on rp.person_id = l.manager_id`;

/**
 * Who holds a cancellation of which transaction in the window: those transactions' credits stay
 * single so the engine can take them back. A cancellation's credits carry its date and the id it
 * cancels (crediting), so the few cancellation transactions lead to them by index; its roll-ups are
 * held by the managers above its direct payees.
 */
function cancelledSelect(w: CreditWindow) {
  return sql`select distinct s.person_id, s.transaction_id from (
    select c.person_id, c.cancels_transaction_id as transaction_id
      from transactions x join credits c on c.transaction_id = x.id
      join run_payees rp on rp.person_id = c.person_id
     where x.cancels_id is not null and x.date between ${w.lookbackFrom}::date and ${w.end}::date
       and c.cancels_transaction_id is not null
    union all
    select l.manager_id, d.cancels_transaction_id
      from transactions x join ${ROLLUP_SOURCES} on d.transaction_id = x.id
     where x.cancels_id is not null and x.date between ${w.lookbackFrom}::date and ${w.end}::date
       and d.cancels_transaction_id is not null and d.kind in ${DIRECT}) s`;
}

// What a payee holds one by one, in four disjoint parts so that each is found without looking at
// the rest (a filter over every credit of every payee, or a hash of all of them to probe with the
// few cancelled ones, took most of the staging on the large demo): everything of a payee whose
// credits are not summed; the run's period of one whose are; cancellations before it; the credits
// before it that a cancellation in the window takes back (`run_cancelled`). The rest of a summed
// payee's credits is summed per day. Joins rather than `= any(array)`: with an array the planner
// priced a sequential pass over every credit above a walk of the person index.
type Part = 'unsummed' | 'period' | 'cancellations' | 'cancelled';
const PARTS: readonly Part[] = ['unsummed', 'period', 'cancellations', 'cancelled'];

/** The part's condition on credit c held by payee rp (and, for 'cancelled', k: run_cancelled). */
function partOf(part: Part, c: string, w: CreditWindow) {
  const x = sql.raw(c);
  switch (part) {
    case 'unsummed':
      return sql`not rp.bundled and ${x}.date between ${w.lookbackFrom}::date and ${w.end}::date`;
    case 'period':
      return sql`rp.bundled and ${x}.date between ${w.start}::date and ${w.end}::date`;
    case 'cancellations':
      return sql`rp.bundled and ${x}.date >= ${w.lookbackFrom}::date and ${x}.date < ${w.start}::date
        and ${x}.cancels_transaction_id is not null`;
    case 'cancelled':
      return sql`rp.bundled and ${x}.date >= ${w.lookbackFrom}::date and ${x}.date < ${w.start}::date
        and ${x}.cancels_transaction_id is null`;
  }
}

/**
 * The credits a payee holds one by one: their own, and a roll-up per transaction of the people below
 * them (the sum of those people's direct credits of it, as crediting once wrote it).
 */
function singleCredits(w: CreditWindow, cancellations: boolean) {
  const own = (part: Part) => sql`select c.person_id, c.transaction_id, c.kind, c.measure, c.date, c.amount, c.currency,
      c.cancels_transaction_id
    from ${
      part === 'cancelled'
        ? sql`run_cancelled k join credits c on c.person_id = k.person_id and c.transaction_id = k.transaction_id`
        : sql`credits c`
    }
    join run_payees rp on rp.person_id = c.person_id
   where ${partOf(part, 'c', w)} and c.cancels_transaction_id is ${cancellations ? sql`not null` : sql`null`}`;
  const rollups = (part: Part) => sql`select l.manager_id, d.transaction_id, 'rollup', d.measure, d.date, sum(d.amount),
      d.currency, d.cancels_transaction_id
    from ${ROLLUP_SOURCES}
    ${part === 'cancelled' ? sql`join run_cancelled k on k.person_id = l.manager_id and k.transaction_id = d.transaction_id` : sql``}
   where d.kind in ${DIRECT} and ${partOf(part, 'd', w)}
     and d.cancels_transaction_id is ${cancellations ? sql`not null` : sql`null`}
   group by l.manager_id, d.transaction_id, d.measure, d.date, d.currency, d.cancels_transaction_id`;
  // a cancellation is in no 'cancelled' part, and only cancellations are in 'cancellations'
  const parts = PARTS.filter((part) => part !== (cancellations ? 'cancelled' : 'cancellations'));
  return sql.join(
    parts.flatMap((part) => [own(part), rollups(part)]),
    sql` union all `,
  );
}

const ATTRIBUTES = sql`c.person_id, c.transaction_id, c.kind, c.measure, c.date, c.amount, c.currency, t.external_id`;

// The cancelled transaction is looked up only for cancellations: a left join of every single
// credit hashed all 5 million transactions a second time.
function singleSelect(w: CreditWindow) {
  return sql`select ${ATTRIBUTES}, null::text as cancels, t.contract_months, o.type as deal_type, p.name as product,
      p.family, null::bigint as n
    from (${singleCredits(w, false)}) c
    join transactions t on t.id = c.transaction_id
    left join opportunities o on o.id = t.opportunity_id
    left join products p on p.id = t.product_id
   union all
   select ${ATTRIBUTES}, ct.external_id, coalesce(t.contract_months, ct.contract_months), o.type, p.name, p.family, null
    from (${singleCredits(w, true)}) c
    join transactions t on t.id = c.transaction_id
    left join transactions ct on ct.id = c.cancels_transaction_id
    left join opportunities o on o.id = coalesce(t.opportunity_id, ct.opportunity_id)
    left join products p on p.id = coalesce(t.product_id, ct.product_id)`;
}

/**
 * A day's credits summed per payee, measure and currency, with how many credits the sum holds: of
 * a payee whose credits are summed, those before the run's period that are neither a cancellation
 * nor taken back by one in the window (not in `run_cancelled`).
 * - Roll-ups are summed from the team's direct credits summed per person and day first (4 million
 *   credits to a few hundred thousand sums on the large demo), which are then added up for each
 *   manager above that person on that day.
 * - A transaction some payee holds a cancellation of is left out of those sums, and its roll-ups
 *   are added back one by one for the managers who hold no cancellation of it.
 * - A roll-up counts once per transaction: only a split transaction has several direct credits,
 *   so only those are grouped per transaction before they are counted.
 */
function summedSelect(w: CreditWindow) {
  const before = (c: string) =>
    sql`${sql.raw(c)}.date >= ${w.lookbackFrom}::date and ${sql.raw(c)}.date < ${w.start}::date
      and ${sql.raw(c)}.cancels_transaction_id is null`;
  const managers = sql`join reporting_lines l on l.person_id = d.person_id and l.valid_from <= d.date
      and (l.valid_to is null or l.valid_to > d.date)
    join run_payees rp on rp.person_id = l.manager_id and rp.bundled`;
  return sql`select s.person_id, null::bigint as transaction_id, null::text as kind, s.measure, s.date,
      sum(s.amount) as amount, s.currency, null::text as external_id, null::text as cancels,
      null::integer as contract_months, null::text as deal_type, null::text as product, null::text as family,
      sum(s.n) as n
    from (
      select c.person_id, c.measure, c.date, c.currency, sum(c.amount) as amount, count(*) as n
        from credits c join run_payees rp on rp.person_id = c.person_id and rp.bundled
       where ${before('c')}
         and not exists (select 1 from run_cancelled k where k.person_id = c.person_id and k.transaction_id = c.transaction_id)
       group by c.person_id, c.measure, c.date, c.currency
      union all
      select l.manager_id, d.measure, d.date, d.currency, sum(d.amount), sum(d.n)
        from (select c.person_id, c.measure, c.date, c.currency, sum(c.amount) as amount, count(*) as n
                from credits c
               where c.kind in ('owner', 'opportunity_owner', 'territory') and ${before('c')}
                 and not exists (select 1 from run_cancelled k where k.transaction_id = c.transaction_id)
               group by c.person_id, c.measure, c.date, c.currency) d
        ${managers}
       group by l.manager_id, d.measure, d.date, d.currency
      union all
      select l.manager_id, d.measure, d.date, d.currency, sum(d.amount), count(*)
        from credits d ${managers}
       where d.kind in ('owner', 'opportunity_owner', 'territory') and ${before('d')}
         and d.transaction_id in (select k.transaction_id from run_cancelled k)
         and not exists (select 1 from run_cancelled k where k.person_id = l.manager_id and k.transaction_id = d.transaction_id)
       group by l.manager_id, d.measure, d.date, d.currency
      union all
      select x.person_id, x.measure, x.date, x.currency, sum(x.amount), count(*)
        from (select l.manager_id as person_id, d.measure, d.date, d.currency, sum(d.amount) as amount
                from credits d ${managers}
               where d.kind = 'split' and ${before('d')}
                 and not exists (select 1 from run_cancelled k where k.person_id = l.manager_id and k.transaction_id = d.transaction_id)
               group by l.manager_id, d.transaction_id, d.measure, d.date, d.currency) x
       group by x.person_id, x.measure, x.date, x.currency
    ) s
   group by s.person_id, s.measure, s.date, s.currency`;
}

/** The rows of a few payees, straight from `credits`. `bundled` ⊆ `ids`. */
export async function creditRowsOf(
  db: Kysely<Database>,
  ids: readonly string[],
  bundled: readonly string[],
  w: CreditWindow,
): Promise<CreditRow[]> {
  const { rows } = await sql<CreditRow>`
    with run_payees as (${payeesSelect(ids, bundled)}), run_cancelled as (${cancelledSelect(w)})
    ${singleSelect(w)}
    union all
    ${summedSelect(w)}
    ${ORDER}`.execute(db);
  return rows;
}

/**
 * Stages every payee's rows in `run_credit_rows`, dropped when the caller's transaction commits;
 * `stagedCreditRowsOf` then reads them per batch. `db` must be a transaction.
 */
export async function stageCreditRows(
  db: Kysely<Database>,
  ids: readonly string[],
  bundled: readonly string[],
  w: CreditWindow,
): Promise<void> {
  await sql`drop table if exists run_payees, run_cancelled, run_credit_rows`.execute(db);
  // Hash joins over millions of credits: with the default 4 MB they spill to disk in batches.
  const { rows } = await sql<{ work_mem: string }>`select current_setting('work_mem') as work_mem`.execute(db);
  await sql`select set_config('work_mem', '256MB', true)`.execute(db);
  await sql`create temp table run_payees on commit drop as ${payeesSelect(ids, bundled)}`.execute(db);
  await sql`analyze run_payees`.execute(db);
  await sql`create temp table run_cancelled on commit drop as ${cancelledSelect(w)}`.execute(db);
  await sql`analyze run_cancelled`.execute(db);
  // Sorted once here, numbered, so a batch reads its rows by index in order without sorting them.
  // (Unsorted, with each batch sorting its own rows as it reads them, the large demo's run took 10 s
  // longer: the batches' sorts cost more than the one sort here.)
  await sql`create temp table run_credit_rows on commit drop as
    select row_number() over (${ORDER}) as seq, r.* from (${singleSelect(w)} union all ${summedSelect(w)}) r`.execute(
    db,
  );
  await sql`create index on run_credit_rows (person_id, seq)`.execute(db);
  await sql`analyze run_credit_rows`.execute(db);
  await sql`select set_config('work_mem', ${rows[0]!.work_mem}, true)`.execute(db);
}

export async function stagedCreditRowsOf(db: Kysely<Database>, ids: readonly string[]): Promise<CreditRow[]> {
  const { rows } = await sql<CreditRow>`
    select person_id, transaction_id, kind, measure, date, amount, currency, external_id, cancels, contract_months,
           deal_type, product, family, n
      from run_credit_rows where person_id = any(${[...ids]}::bigint[]) order by seq`.execute(db);
  return rows;
}
