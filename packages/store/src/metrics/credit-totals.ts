// The totals of credits over the whole history that crediting keeps for credited_amount
// (migrations 2026-11-25T1400 and T1500, docs/metrics.md "Credit totals"), each credit in the
// reporting currency at its day's rate, counted as credit-facts.ts counts it:
// - without a person, weighed by 1 + the managers above its payee on the date its roll-ups follow:
//   per (account, product, the start of the account's territory span its date falls in), and per
//   date;
// - per holder (its payee, and every manager above them on that date for a credit that rolls up)
//   and the start of the holder's history span its date falls in.
// They stay exact because every input is either kept here or marks them stale:
// - the credits: crediting adds what it wrote and takes away what it deleted (credit_changes,
//   credit-transactions.sql.ts), in the same transaction;
// - the reporting lines: crediting derives them, and rebuilds the totals when they came out
//   different;
// - the reporting currency: the totals say which one they are in, and are read only in it;
// - the rates (all totals), territory assignments and territories (per account), person history
//   (per holder): their triggers mark the totals stale, and the next crediting rebuilds them.
//   Until then metrics read the credits.
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { CHAIN_WEIGHTS, PERSON_SPANS, ROLLS_UP } from './credit-facts.ts';
import { setLocally } from './set-locally.ts';
import { TERRITORY_SPANS } from './territory-spans.ts';

/** Which credit totals are current in a reporting currency. */
export interface CreditTotalsCurrent {
  /** credit_account_totals and credit_date_totals */
  byAccountAndDate: boolean;
  /** credit_holder_totals */
  byHolder: boolean;
}

export async function creditTotalsCurrent(
  db: Kysely<Database>,
  reportingCurrency: string,
): Promise<CreditTotalsCurrent> {
  const { rows } = await sql<{ fresh: boolean; holders_fresh: boolean; currency: string | null }>`
    select fresh, holders_fresh, currency from credit_totals_state`.execute(db);
  const state = rows[0];
  const inCurrency = state?.currency === reportingCurrency;
  return { byAccountAndDate: inCurrency && state!.fresh, byHolder: inCurrency && state!.holders_fresh };
}

type Kept = 'added' | 'rebuilt' | 'unchanged';

/**
 * Brings the totals up to date after crediting replaced credits (inside crediting's transaction,
 * after credit_changes and credit_day_totals are written): adds the differences to the totals
 * that were current when the reporting lines did not change, and rebuilds the others.
 */
export async function keepCreditTotals(
  trx: Kysely<Database>,
  options: { reportingLinesChanged: boolean },
): Promise<{ byAccountAndDate: Kept; byHolder: Kept }> {
  const { reportingCurrency } = await readSettings(trx);
  const was = await creditTotalsCurrent(trx, reportingCurrency);
  const current = {
    byAccountAndDate: was.byAccountAndDate && !options.reportingLinesChanged,
    byHolder: was.byHolder && !options.reportingLinesChanged,
  };
  // every credit's date, the deleted ones' too (they were credits until this crediting)
  const { rows } = await sql<{ first: string | null; last: string | null; changes: string }>`
    select least(min(date), (select min(date) from credit_changes))::text as first,
      greatest(max(date), (select max(date) from credit_changes))::text as last,
      (select count(*) from credit_changes)::text as changes
    from credits`.execute(trx);
  const range = rows[0]!;
  if (current.byAccountAndDate && current.byHolder && range.changes === '0') {
    return { byAccountAndDate: 'unchanged', byHolder: 'unchanged' };
  }
  // Merge joins off, as for the metric (credit-facts.ts creditFactsAvoidMergeJoins): PostgreSQL
  // would read the credits in payee order to merge them with the chain segments.
  const mergeJoinsWere = await setLocally(trx, 'enable_mergejoin', 'off');
  for (const table of ['credit_totals_fx', 'credit_totals_sums']) {
    await sql`drop table if exists ${sql.raw(`pg_temp.${table}`)}`.execute(trx);
  }
  await sql`create temp table credit_totals_fx on commit drop as
    ${dailyFxRates(reportingCurrency, range.first ?? '2000-01-01', range.last ?? '2000-01-01')}`.execute(trx);
  await sql`analyze credit_totals_fx`.execute(trx);
  const kept = {
    byAccountAndDate: await keepAccountAndDateTotals(trx, current.byAccountAndDate),
    byHolder: await keepHolderTotals(trx, current.byHolder),
  };
  await sql`update credit_totals_state set currency = ${reportingCurrency},
    fresh = true, holders_fresh = true`.execute(trx);
  await setLocally(trx, 'enable_mergejoin', mergeJoinsWere);
  return kept;
}

/** A sum with no rate anywhere stays null, as the credits' own sum would be. */
const ADDED = sql.raw(`amount = case when t.amount is null and excluded.amount is null then null
    else coalesce(t.amount, 0) + coalesce(excluded.amount, 0) end,
  credits = t.credits + excluded.credits`);

/** Per account, product and territory span, and per date: one pass over the credits or the changes. */
async function keepAccountAndDateTotals(trx: Kysely<Database>, current: boolean): Promise<Kept> {
  // credit_changes has a sign (+1 written, −1 deleted); the credits themselves count once
  const source = current ? 'credit_changes' : 'credits';
  const sign = sql.raw(current ? 'c.sign' : '1');
  const rollsUp = current ? sql`c.rolls_up` : ROLLS_UP;
  const chainDate = current ? sql`c.chain_date` : sql`coalesce(c.basis_date, c.date)`;
  await sql`create temp table credit_totals_sums on commit drop as
    with ${TERRITORY_SPANS}, ${CHAIN_WEIGHTS}
    select grouping(c.date) = 0 as per_date, c.date, c.account_id, c.product_id, ts.valid_from as territory_from,
      min(c.date) as first_date, sum(${sign} * c.amount * fx.rate * (1 + coalesce(w.managers, 0))) as amount,
      sum(${sign}) as credits
    from ${sql.table(source)} c
    left join credit_totals_fx fx on fx.currency = c.currency and fx.day = c.date
    left join chain_weights w on ${rollsUp} and w.person_id = c.person_id
      and w.valid_from <= ${chainDate} and (w.valid_to is null or w.valid_to > ${chainDate})
    left join territory_spans ts on ts.account_id = c.account_id
      and ts.valid_from <= c.date and (ts.valid_to is null or ts.valid_to > c.date)
    group by grouping sets ((c.account_id, c.product_id, ts.valid_from), (c.date))`.execute(trx);
  const perAccount = sql`select account_id, product_id, territory_from, first_date, amount, credits
    from credit_totals_sums where not per_date`;
  const perDate = sql`select date, amount, credits from credit_totals_sums where per_date`;
  if (current) {
    await sql`insert into credit_account_totals as t (account_id, product_id, territory_from, first_date, amount, credits)
      ${perAccount}
      on conflict (account_id, product_id, territory_from) do update set
        first_date = least(t.first_date, excluded.first_date), ${ADDED}`.execute(trx);
    await sql`insert into credit_date_totals as t (date, amount, credits) ${perDate}
      on conflict (date) do update set ${ADDED}`.execute(trx);
    await sql`delete from credit_account_totals where credits = 0`.execute(trx);
    await sql`delete from credit_date_totals where credits = 0`.execute(trx);
    return 'added';
  }
  await sql`delete from credit_account_totals`.execute(trx);
  await sql`delete from credit_date_totals`.execute(trx);
  await sql`insert into credit_account_totals (account_id, product_id, territory_from, first_date, amount, credits)
    ${perAccount}`.execute(trx);
  await sql`insert into credit_date_totals (date, amount, credits) ${perDate}`.execute(trx);
  return 'rebuilt';
}

/**
 * Per holder and history span: the changes, or rebuilt from the day sums (credit_day_totals,
 * already brought up to date by this crediting: a sixth of the credits on the large demo), each
 * counted for its payee and, if it rolls up, every manager above them on its chain date.
 */
async function keepHolderTotals(trx: Kysely<Database>, current: boolean): Promise<Kept> {
  const source = current
    ? sql`select c.person_id, c.date, c.chain_date, c.rolls_up, c.sign * c.amount as amount, c.currency,
        c.sign as credits from credit_changes c`
    : sql`select c.person_id, c.date, c.chain_date, c.rolls_up, c.amount, c.currency, c.credits
        from credit_day_totals c`;
  const sums = sql`
    with ${PERSON_SPANS},
    converted as (
      select c.person_id, c.date, c.chain_date, c.rolls_up, c.amount * fx.rate as amount, c.credits
      from (${source}) c left join credit_totals_fx fx on fx.currency = c.currency and fx.day = c.date),
    held as (
      select c.person_id, c.date, c.amount, c.credits from converted c
      union all
      select l.manager_id, c.date, c.amount, c.credits
      from converted c join reporting_lines l on l.person_id = c.person_id and c.rolls_up
        and l.valid_from <= c.chain_date and (l.valid_to is null or l.valid_to > c.chain_date))
    select h.person_id, ps.valid_from as span_from, min(h.date) as first_date, sum(h.amount) as amount,
      sum(h.credits) as credits
    from held h left join person_spans ps on ps.person_id = h.person_id
      and ps.valid_from <= h.date and (ps.valid_to is null or ps.valid_to > h.date)
    group by h.person_id, ps.valid_from`;
  if (current) {
    await sql`insert into credit_holder_totals as t (person_id, span_from, first_date, amount, credits) ${sums}
      on conflict (person_id, span_from) do update set
        first_date = least(t.first_date, excluded.first_date), ${ADDED}`.execute(trx);
    await sql`delete from credit_holder_totals where credits = 0`.execute(trx);
    return 'added';
  }
  await sql`delete from credit_holder_totals`.execute(trx);
  await sql`insert into credit_holder_totals (person_id, span_from, first_date, amount, credits) ${sums}`.execute(trx);
  return 'rebuilt';
}
