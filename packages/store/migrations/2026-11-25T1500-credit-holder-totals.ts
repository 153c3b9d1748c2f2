// Credits per holder over the whole history, kept by crediting next to the other credit totals
// (migration 2026-11-25T1400, docs/metrics.md "Credit totals"). `credited_amount --by owner`
// (manager, org unit) counted 950,000 day sums once for their payee and once for every manager
// above, 2–3 s on the large demo each time:
// - credit_holder_totals: Σ amount × the reporting currency's rate on the credit's date, per
//   holder (the payee, and for a credit that rolls up every manager above them on the date its
//   roll-ups follow) and the start of the holder's history span the date falls in (between the
//   dates their person_history rows start or end; null: in none), with the earliest date and the
//   number of credits summed (a few thousand rows);
// - credit_totals_state.holders_fresh: whether they are current. Rates and person history mark
//   them stale (triggers); crediting rebuilds them then, or when the reporting lines or the
//   reporting currency changed, and otherwise adds the difference of the credits it replaced.
// Created stale here: the next crediting builds them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table credit_holder_totals (
      person_id bigint not null,
      span_from date,
      first_date date not null,
      amount numeric,
      credits bigint not null,
      unique nulls not distinct (person_id, span_from)
    );
    create index credit_holder_totals_first_date on credit_holder_totals (first_date);

    alter table credit_totals_state add column holders_fresh boolean not null default false;

    create function credit_holder_totals_stale() returns trigger language plpgsql as $$
    begin
      update credit_totals_state set holders_fresh = false where holders_fresh;
      return null;
    end $$;
    create trigger fx_rates_stale_credit_holder_totals after insert or update or delete or truncate on fx_rates
      for each statement execute function credit_holder_totals_stale();
    create trigger person_history_stale_credit_holder_totals
      after insert or update or delete or truncate on person_history
      for each statement execute function credit_holder_totals_stale();
  `.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  throw new Error('The credit-holder-totals migration cannot be undone; restore a backup instead.');
}
