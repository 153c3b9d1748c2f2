// The totals of credits over the whole history that crediting keeps for credited_amount
// (migration 2026-11-25T1400, docs/metrics.md "Credit totals"): each credit counted as
// credit-facts.ts counts it without a person, in the reporting currency at its day's rate and
// weighed by 1 + the managers above its payee on the date its roll-ups follow, summed per
// (account, product, the start of the account's territory span its date falls in) and per date.
// They stay exact because every input is either kept here or marks them stale:
// - the credits: crediting adds what it wrote and takes away what it deleted (credit_changes,
//   credit-transactions.sql.ts), in the same transaction;
// - the reporting lines: crediting derives them, and rebuilds the totals when they came out
//   different;
// - the reporting currency: the totals say which one they are in, and are read only in it;
// - the rates, territory assignments and territories: their triggers mark the totals stale, and
//   the next crediting rebuilds them. Until then metrics read the credits.
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { CHAIN_WEIGHTS, ROLLS_UP } from './credit-facts.ts';
import { setLocally } from './set-locally.ts';
import { TERRITORY_SPANS } from './territory-spans.ts';

/** Whether the credit totals are current and in this reporting currency. */
export async function creditTotalsCurrent(db: Kysely<Database>, reportingCurrency: string): Promise<boolean> {
  const { rows } = await sql<{ current: boolean }>`
    select fresh and currency = ${reportingCurrency} as current from credit_totals_state`.execute(db);
  return rows[0]?.current === true;
}

/**
 * Brings the totals up to date after crediting replaced credits (inside crediting's transaction,
 * after credit_changes is written): adds the differences when the totals were current and the
 * reporting lines did not change, else rebuilds them from all credits.
 */
export async function keepCreditTotals(
  trx: Kysely<Database>,
  options: { reportingLinesChanged: boolean },
): Promise<'added' | 'rebuilt' | 'unchanged'> {
  const { reportingCurrency } = await readSettings(trx);
  const current = !options.reportingLinesChanged && (await creditTotalsCurrent(trx, reportingCurrency));
  const source = current ? 'credit_changes' : 'credits';
  const { rows } = await sql<{ first: string | null; last: string | null; n: string }>`
    select min(date)::text as first, max(date)::text as last, count(*)::text as n
    from ${sql.table(source)}`.execute(trx);
  const range = rows[0]!;
  if (current && range.n === '0') return 'unchanged';
  // Merge joins off, as for the metric (credit-facts.ts creditFactsAvoidMergeJoins): PostgreSQL
  // would read the credits in payee order to merge them with the chain segments.
  const mergeJoinsWere = await setLocally(trx, 'enable_mergejoin', 'off');
  for (const table of ['credit_totals_fx', 'credit_totals_sums']) {
    await sql`drop table if exists ${sql.raw(`pg_temp.${table}`)}`.execute(trx);
  }
  await sql`create temp table credit_totals_fx on commit drop as
    ${dailyFxRates(reportingCurrency, range.first ?? '2000-01-01', range.last ?? '2000-01-01')}`.execute(trx);
  await sql`analyze credit_totals_fx`.execute(trx);
  // credit_changes has a sign (+1 written, −1 deleted); the credits themselves count once. One
  // pass sums both groupings: per account, product and territory span, and per date.
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
    // A sum with no rate anywhere stays null, as the credits' own sum would be.
    const added = sql.raw(`amount = case when t.amount is null and excluded.amount is null then null
        else coalesce(t.amount, 0) + coalesce(excluded.amount, 0) end,
      credits = t.credits + excluded.credits`);
    await sql`insert into credit_account_totals as t (account_id, product_id, territory_from, first_date, amount, credits)
      ${perAccount}
      on conflict (account_id, product_id, territory_from) do update set
        first_date = least(t.first_date, excluded.first_date), ${added}`.execute(trx);
    await sql`insert into credit_date_totals as t (date, amount, credits) ${perDate}
      on conflict (date) do update set ${added}`.execute(trx);
    await sql`delete from credit_account_totals where credits = 0`.execute(trx);
    await sql`delete from credit_date_totals where credits = 0`.execute(trx);
  } else {
    await sql`delete from credit_account_totals`.execute(trx);
    await sql`delete from credit_date_totals`.execute(trx);
    await sql`insert into credit_account_totals (account_id, product_id, territory_from, first_date, amount, credits)
      ${perAccount}`.execute(trx);
    await sql`insert into credit_date_totals (date, amount, credits) ${perDate}`.execute(trx);
    await sql`update credit_totals_state set fresh = true, currency = ${reportingCurrency}`.execute(trx);
  }
  await setLocally(trx, 'enable_mergejoin', mergeJoinsWere);
  return current ? 'added' : 'rebuilt';
}
