// Credits as metric facts (DESIGN §8 credited_amount, attainment), summed before anything else is
// joined: one row per day and currency, and per person, account or product only when a dimension
// (or the visibility) needs it — instead of one per credit (20 million on the large demo, three
// quarters of them roll-ups). The figures cannot change:
// - a day's sum converted at the day's rate is the sum of the converted credits, NUMERIC
//   multiplication being exact (Σ amount × rate = (Σ amount) × rate), and nothing is rounded
//   before the final sum;
// - every dimension's value is a function of the person, the day, the account and the product, so
//   the dimension joins and --where filters see the same values on the summed rows; a key no
//   dimension reads is left null;
// - the transactions join, which gives the account and the product, drops no credit when it is
//   left out: every credit has its transaction (deleting a transaction with credits is refused,
//   migration 2026-11-25T1000).
// Only sums may be taken over these facts (a count would count summed rows).
// Plan: credits (attainment: the credits_bookings index; with a period the date index; else a
// sequential scan) [→ transactions, by hash or by primary key] → hash aggregate by the keys asked for.
import type { Dimension } from '@attain/core/metrics/catalog.ts';
import { type RawBuilder, sql } from 'kysely';

/** Which of a credit's keys the facts keep besides its day and currency. */
export interface CreditKeys {
  person: boolean;
  account: boolean;
  product: boolean;
}

const PERSON: readonly Dimension[] = ['owner', 'manager', 'org_unit'];
const ACCOUNT: readonly Dimension[] = ['territory', 'account', 'industry', 'segment', 'region'];
const PRODUCT: readonly Dimension[] = ['product', 'product_family'];

/** The keys the dimensions read; the person also whenever the rows are filtered by who sees them. */
export function creditKeys(dimensions: readonly Dimension[], filteredByPerson: boolean): CreditKeys {
  const uses = (group: readonly Dimension[]) => dimensions.some((d) => group.includes(d));
  return { person: filteredByPerson || uses(PERSON), account: uses(ACCOUNT), product: uses(PRODUCT) };
}

/**
 * Summed credit facts in the columns of query-metric's facts: kind 'credit', fact_date, status,
 * amount, currency, probability, created_date, owner_id, account_id, product_id. `conditions` are
 * on the credit (alias c). Transactions are joined by hash, or with 'probe' one primary-key read
 * per credit — for a few hundred thousand credits (attainment's), where PostgreSQL would scan all
 * 5 million transactions to hash them (1.9 s against 1.3 s on the large demo); `limit 1` keeps the
 * probe from being flattened back into that join.
 */
export function creditFacts(
  keys: CreditKeys,
  conditions: RawBuilder<unknown>[],
  transactions: 'hash' | 'probe' = 'hash',
): RawBuilder<unknown> {
  const kept = (on: boolean, column: string) => sql.raw(on ? column : 'null::bigint');
  const groupBy = [
    'c.date',
    'c.currency',
    ...(keys.person ? ['c.person_id'] : []),
    ...(keys.account ? ['t.account_id'] : []),
    ...(keys.product ? ['t.product_id'] : []),
  ];
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const withTransaction = keys.account || keys.product;
  const from = !withTransaction
    ? sql`credits c ${where}`
    : transactions === 'hash'
      ? sql`credits c join transactions t on t.id = c.transaction_id ${where}`
      : // in transaction order, so that the probes walk the primary key forward (1.1 s → 0.85 s for
        // attainment by account on the large demo)
        sql`(select c.date, c.currency, c.person_id, c.amount, c.transaction_id from credits c ${where}
          order by c.transaction_id) c
        cross join lateral (select t.account_id, t.product_id from transactions t where t.id = c.transaction_id limit 1) t`;
  return sql`select 'credit' as kind, c.date as fact_date, null::text as status, sum(c.amount) as amount, c.currency,
      null::numeric as probability, null::date as created_date, ${kept(keys.person, 'c.person_id')} as owner_id,
      ${kept(keys.account, 't.account_id')} as account_id, ${kept(keys.product, 't.product_id')} as product_id
    from ${from}
    group by ${sql.raw(groupBy.join(', '))}`;
}

/** Where a dimension's value lives when it does not depend on the date: key column → table.column. */
const ATTRIBUTE: Partial<Record<Dimension, { key: string; table: string; column: string }>> = {
  owner: { key: 'c.person_id', table: 'people', column: 'name' },
  account: { key: 't.account_id', table: 'accounts', column: 'name' },
  industry: { key: 't.account_id', table: 'accounts', column: 'industry' },
  segment: { key: 't.account_id', table: 'accounts', column: 'segment' },
  region: { key: 't.account_id', table: 'accounts', column: 'region' },
  product: { key: 't.product_id', table: 'products', column: 'name' },
  product_family: { key: 't.product_id', table: 'products', column: 'family' },
};

/**
 * --where values as conditions on the credits themselves, so that the credits a selective filter
 * keeps are found by index before anything is summed (`--where region=DACH`: 1 in 13 accounts)
 * instead of summing them all and filtering the sums. Each condition keeps exactly the credits
 * whose dimension has that value; the statement's own filter still applies after the joins. A
 * calendar label becomes its date range; '(none)', and the owner's manager, org unit and the
 * account's territory, which depend on the date, are left to the statement's filter. Without
 * `throughTransactions` the account and product values are left to it too: attainment's credits
 * (bookings of one quota period, credits_bookings) are fewer than a region's transactions, and
 * PostgreSQL, taking the region for rare, would start from the accounts (3 s against 1 s on the
 * large demo).
 */
export function creditNarrowing(
  where: Partial<Record<Dimension, string>>,
  periods: readonly { dim: string; period: string; start: string; end: string }[],
  throughTransactions: boolean,
): RawBuilder<unknown>[] {
  return Object.entries(where).flatMap(([dim, value]) => {
    if (value.toLowerCase() === '(none)') return [];
    if (dim === 'month' || dim === 'quarter' || dim === 'fiscal_year') {
      const ranges = periods
        .filter((p) => p.dim === dim && p.period.toLowerCase() === value.toLowerCase())
        .map((p) => sql`c.date between ${p.start}::date and ${p.end}::date`);
      return [ranges.length > 0 ? sql`(${sql.join(ranges, sql` or `)})` : sql`false`];
    }
    const attribute = ATTRIBUTE[dim as Dimension];
    if (!attribute || (!throughTransactions && attribute.key !== 'c.person_id')) return [];
    return [
      sql`${sql.raw(attribute.key)} in (select x.id from ${sql.table(attribute.table)} x
        where lower(${sql.ref(`x.${attribute.column}`)}) = lower(${value}))`,
    ];
  });
}
