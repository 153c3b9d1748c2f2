// Roll-up credits are derived, not stored (docs/compensation.md "Roll-up credits"). Three quarters of
// the credits rows were managers' roll-ups — each direct credit repeated for every manager above its
// payee: 15 of 20 million rows on the large demo, which crediting wrote and compared on every run and
// every metric summed. A roll-up credit is a function of the direct credits and the reporting line
// as of the transaction's date, so it is now read through that function:
// - reporting_lines: every (person, manager above them) pair with the dates the pair holds — the
//   closure of person_history, a few rows per person, rebuilt by each crediting;
// - credits.basis_date: a cancellation's credits follow the reporting line as of the date of the
//   transaction it cancels (as its roll-ups always did); null for every other credit;
// - all_credits: the credits rows and the roll-ups, in the columns credits always had, for anyone
//   who reads credits with SQL;
// - credit_day_totals: the credits summed per payee, day, the date their roll-ups follow, currency,
//   measure and whether they roll up — what credited_amount and attainment read when no account
//   or product is asked for (half a million rows for 5 million credits on the large demo); kept by
//   crediting for the days whose credits it changes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reporting_lines (
      person_id bigint not null,
      manager_id bigint not null,
      depth integer not null check (depth between 1 and 32),
      valid_from date not null,
      valid_to date,
      check (valid_to is null or valid_to > valid_from)
    );
    create index reporting_lines_person on reporting_lines (person_id, valid_from);
    create index reporting_lines_manager on reporting_lines (manager_id, person_id);

    insert into reporting_lines (person_id, manager_id, depth, valid_from, valid_to)
    with recursive chain (person_id, manager_id, depth, valid_from, valid_to, path) as (
      select ph.person_id, ph.manager_id, 1, ph.valid_from, ph.valid_to, array[ph.person_id, ph.manager_id]
      from person_history ph
      where ph.manager_id is not null and ph.manager_id <> ph.person_id
      union all
      select c.person_id, ph.manager_id, c.depth + 1, greatest(c.valid_from, ph.valid_from),
        case when c.valid_to is null then ph.valid_to when ph.valid_to is null then c.valid_to
             else least(c.valid_to, ph.valid_to) end,
        c.path || ph.manager_id
      from chain c
      join person_history ph on ph.person_id = c.manager_id
        and (c.valid_to is null or ph.valid_from < c.valid_to)
        and (ph.valid_to is null or ph.valid_to > c.valid_from)
      where ph.manager_id is not null and ph.manager_id <> all (c.path) and c.depth < 32
    ),
    -- Two history rows of one person in force on the same day (the schema does not forbid it) give
    -- two chains to the same manager: overlapping dates are merged, so a manager counts once a day, as
    -- the walk's de-duplication did.
    reach as (
      select person_id, manager_id, depth, valid_from, coalesce(valid_to, 'infinity'::date) as valid_to,
        max(coalesce(valid_to, 'infinity'::date)) over (partition by person_id, manager_id
          order by valid_from, coalesce(valid_to, 'infinity'::date)
          rows between unbounded preceding and 1 preceding) as reached
      from chain),
    islands as (
      select *, count(*) filter (where reached is null or reached <= valid_from) over (partition by person_id, manager_id
          order by valid_from, valid_to rows unbounded preceding) as island
      from reach)
    select person_id, manager_id, min(depth), min(valid_from), nullif(max(valid_to), 'infinity'::date)
    from islands group by person_id, manager_id, island;

    alter table credits add column basis_date date;
    update credits c set basis_date = t.date
      from transactions t where t.id = c.cancels_transaction_id and c.basis_date is null;
    delete from credits where kind = 'rollup';

    -- the few cancellations' credits (1 % on the large demo), which a run reads one by one
    create index credits_cancellations on credits (person_id, date) where cancels_transaction_id is not null;
    drop index if exists credits_bookings;
    create index credits_bookings
      on credits (date) include (person_id, currency, amount, transaction_id, kind, basis_date)
      where measure = 'bookings';

    create table credit_day_totals (
      person_id bigint not null,
      date date not null,
      chain_date date not null,
      currency char(3) not null,
      measure text not null,
      rolls_up boolean not null,
      amount numeric not null,
      credits bigint not null,
      primary key (person_id, date, chain_date, currency, measure, rolls_up)
    );
    create index credit_day_totals_date on credit_day_totals (date);
    insert into credit_day_totals
    select person_id, date, coalesce(basis_date, date), currency, measure,
      kind in ('owner', 'split', 'opportunity_owner', 'territory'), sum(amount), count(*)
    from credits group by 1, 2, 3, 4, 5, 6;

    create view all_credits as
    select c.transaction_id, c.person_id, c.kind, c.measure, c.date, c.share, c.amount, c.currency,
      c.cancels_transaction_id, c.source_person_id, c.territory_id, c.basis_date
    from credits c
    union all
    select d.transaction_id, l.manager_id, 'rollup', d.measure, d.date, sum(d.share), sum(d.amount), d.currency,
      d.cancels_transaction_id, case when count(*) = 1 then min(d.person_id) end, null::bigint, d.basis_date
    from credits d
    join reporting_lines l on l.person_id = d.person_id and l.valid_from <= coalesce(d.basis_date, d.date)
      and (l.valid_to is null or l.valid_to > coalesce(d.basis_date, d.date))
    where d.kind in ('owner', 'split', 'opportunity_owner', 'territory')
    group by d.transaction_id, l.manager_id, d.measure, d.date, d.currency, d.cancels_transaction_id, d.basis_date;
  `.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  throw new Error('The derived-rollups migration cannot be undone; restore a backup instead.');
}
