// The credits rows a compensation run reads per payee: single credits with what `when` filters on,
// and for payees on totals-only plans the days before the run's period summed (LoadWindow.bundlePlans).
// Two ways to read the same rows: straight from `credits` for a few payees (the estimator, tests),
// or staged once for every payee of a run into a temp table, sorted, that the batches then read by
// person. The staged way reads `credits` in sequential passes instead of one index walk per batch:
// on the large demo (20 million credits, three quarters of them managers' roll-ups) the batches'
// reads went from about 135 s to 38 s of staging plus 17 s of batch reads.
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

/**
 * Who holds a cancellation of which transaction in the window: those transactions' credits stay
 * single so the engine can take them back. A cancellation's credits carry its date and the id it
 * cancels (crediting), so the few cancellation transactions lead to them by index.
 */
function cancelledSelect(w: CreditWindow) {
  return sql`select distinct c.person_id, c.cancels_transaction_id as transaction_id
    from transactions x join credits c on c.transaction_id = x.id
    join run_payees rp on rp.person_id = c.person_id
   where x.cancels_id is not null and x.date between ${w.lookbackFrom}::date and ${w.end}::date
     and c.cancels_transaction_id is not null`;
}

// Joins rather than `= any(array)` and `not exists` inside an `or`: with those the planner priced
// a sequential pass over every credit above a walk of the person index (random reads, 51 s
// against 4 s on the large demo).
const SUMMABLE = sql`rp.bundled and c.date < w.start and c.cancels_transaction_id is null and k.person_id is null`;

function creditsOfPayees(w: CreditWindow) {
  return sql`credits c
    join run_payees rp on rp.person_id = c.person_id
    cross join (select ${w.start}::date as start) w
    left join run_cancelled k on k.person_id = c.person_id and k.transaction_id = c.transaction_id`;
}

function singleSelect(w: CreditWindow) {
  return sql`select c.person_id, c.transaction_id, c.kind, c.measure, c.date, c.amount, c.currency, t.external_id,
      ct.external_id as cancels, coalesce(t.contract_months, ct.contract_months) as contract_months,
      o.type as deal_type, p.name as product, p.family, null::bigint as n
    from ${creditsOfPayees(w)}
    join transactions t on t.id = c.transaction_id
    left join transactions ct on ct.id = c.cancels_transaction_id
    left join opportunities o on o.id = coalesce(t.opportunity_id, ct.opportunity_id)
    left join products p on p.id = coalesce(t.product_id, ct.product_id)
   where c.date between ${w.lookbackFrom}::date and ${w.end}::date and not (${SUMMABLE})`;
}

function summedSelect(w: CreditWindow) {
  return sql`select c.person_id, null::bigint as transaction_id, null::text as kind, c.measure, c.date,
      sum(c.amount) as amount, c.currency, null::text as external_id, null::text as cancels,
      null::integer as contract_months, null::text as deal_type, null::text as product, null::text as family,
      count(*) as n
    from ${creditsOfPayees(w)}
   where c.date >= ${w.lookbackFrom}::date and ${SUMMABLE}
   group by c.person_id, c.measure, c.date, c.currency`;
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
    select * from run_credit_rows where person_id = any(${[...ids]}::bigint[]) order by seq`.execute(db);
  return rows;
}
