// Credits over the whole history, kept by crediting (docs/metrics.md, "Credit totals").
// `credited_amount --by account` (industry, segment, region, product, product family, territory)
// summed 5.3 million credits on the large demo each time it was asked, 10–20 s, and in all or by
// month 700,000 day sums once per holder, 2 s. These tables hold the same sums in the reporting
// currency, each credit weighed by the holders it counts for:
// - credits.account_id, product_id: the account and product of the credit's transaction when it
//   was credited, so a credit's part can be taken out again when it is replaced, even if its
//   transaction has since moved to another account; crediting writes them with each credit;
// - credit_account_totals: Σ amount × the reporting currency's rate on the credit's date × (1 +
//   the managers above its payee on the date its roll-ups follow, for a credit that rolls up), per
//   account, product and the start of the account's territory span the date falls in (null: in
//   none), with the earliest date and the number of credits summed (150,000 rows);
// - credit_date_totals: the same per date (a thousand rows);
// - credit_totals_state: whether the totals are current, and in which reporting currency.
//   Anything else they depend on marks them stale when it changes (the triggers below: rates,
//   territory assignments, territories); crediting rebuilds them when stale, when the reporting
//   lines it derives have changed, or when the reporting currency has, and otherwise adds the
//   difference of the credits it replaced. While stale, metrics read the credits themselves.
// Created stale here: the next crediting builds them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table credits add column account_id bigint, add column product_id bigint;
    update credits c set account_id = t.account_id, product_id = t.product_id
      from transactions t where t.id = c.transaction_id and (t.account_id is not null or t.product_id is not null);

    drop index if exists credits_bookings;
    create index credits_bookings
      on credits (date) include (person_id, currency, amount, transaction_id, kind, basis_date, account_id, product_id)
      where measure = 'bookings';

    create table credit_account_totals (
      account_id bigint,
      product_id bigint,
      territory_from date,
      first_date date not null,
      amount numeric,
      credits bigint not null,
      unique nulls not distinct (account_id, product_id, territory_from)
    );
    create index credit_account_totals_first_date on credit_account_totals (first_date);

    create table credit_date_totals (
      date date primary key,
      amount numeric,
      credits bigint not null
    );

    create table credit_totals_state (
      id integer primary key check (id = 1),
      fresh boolean not null,
      currency char(3)
    );
    insert into credit_totals_state (id, fresh, currency) values (1, false, null);

    create function credit_totals_stale() returns trigger language plpgsql as $$
    begin
      update credit_totals_state set fresh = false where fresh;
      return null;
    end $$;
    create trigger fx_rates_stale_credit_totals after insert or update or delete or truncate on fx_rates
      for each statement execute function credit_totals_stale();
    create trigger territory_assignments_stale_credit_totals
      after insert or update or delete or truncate on territory_assignments
      for each statement execute function credit_totals_stale();
    create trigger territories_stale_credit_totals after insert or update or delete or truncate on territories
      for each statement execute function credit_totals_stale();
  `.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  throw new Error('The credit-totals migration cannot be undone; restore a backup instead.');
}
