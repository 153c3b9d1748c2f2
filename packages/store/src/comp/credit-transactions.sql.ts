// The set-based crediting statements (DESIGN §5.2), run in order inside one transaction by
// credit-transactions.ts. Each step is one statement (CREATE TEMP TABLE … AS SELECT or INSERT …
// SELECT) over temp tables dropped at commit:
//   crediting_scope    the transactions dated in the range; each has a basis: itself, or for a
//                      cancellation the transaction it cancels (whose payees it takes)
//   crediting_basis    one row per distinct basis: measure, product family, the route its direct
//                      credit takes (owner → revenue splits → opportunity owner → territory)
//   basis_territory    the account territory and its owner as of the basis date, only for bases
//                      routed to the territory (hash join on account_id, filter on the date ranges)
//   basis_credits      per basis: direct rows by route, then overlay rows
//   basis_exceptions   bases with no direct recipient or splits not summing to 100
//   crediting_result   scope × its basis's credits: the credits the range must hold
// Roll-up credits are not written: they are derived where they are read, from the direct credits
// and reporting_lines (the closure of person_history, rebuilt here; migration
// 2026-11-25T1300-derived-rollups). Writing plan: two hash anti-joins of crediting_result with
// credits (delete what differs, insert what is missing). Medium demo, fiscal 2025 (194k
// transactions, 865k credits when roll-ups were stored) on PostgreSQL: ~24 s into empty tables,
// three quarters of it the credits rows' index entries; ~7 s to re-run over unchanged data.
import { sql } from 'kysely';

const inForce = (alias: string, date: string) =>
  sql.raw(`${alias}.valid_from <= ${date} and (${alias}.valid_to is null or ${alias}.valid_to > ${date})`);

export const TEMP_TABLES = [
  'crediting_scope',
  'crediting_basis',
  'basis_territory',
  'basis_credits',
  'basis_exceptions',
  'crediting_result',
  'credit_changes',
  'reporting_lines_before',
] as const;

export const createScope = (from: string, to: string, afterTransactionId?: string) => sql`
  create temp table crediting_scope on commit drop as
  select t.id as transaction_id, t.external_id, t.date, t.amount, t.currency, t.type, t.cancels_id,
    t.account_id, t.product_id,
    case when t.type <> 'cancellation' then t.id
         when c.type <> 'cancellation' and c.date <= t.date then c.id end as basis_id,
    case when t.type <> 'cancellation' then null
         when c.id is null then 'names no transaction it cancels'
         when c.type = 'cancellation' then 'cancels ' || c.external_id || ', itself a cancellation'
         when c.date > t.date then 'cancels ' || c.external_id || ', dated later (' || c.date::text || ')'
    end as cancel_problem,
    c.external_id as cancels_external_id
  from transactions t
  left join transactions c on c.id = t.cancels_id
  where t.date between ${from}::date and ${to}::date
    ${afterTransactionId === undefined ? sql`` : sql`and t.id > ${afterTransactionId}`}`;

export const createBasis = sql`
  create temp table crediting_basis on commit drop as
  select b.id as basis_id, b.external_id, b.date, b.account_id, b.owner_id, b.opportunity_id,
    case b.type when 'booking' then 'bookings' when 'revenue' then 'revenue' when 'usage' then 'usage' end as measure,
    coalesce(tp.family, op.family) as family,
    o.external_id as opportunity_external_id, o.owner_id as opportunity_owner_id,
    st.percent_sum,
    case when b.owner_id is not null then 'owner'
         when st.percent_sum is not null and st.percent_sum = 100 then 'split'
         when st.percent_sum is not null then 'split_invalid'
         when o.owner_id is not null then 'opportunity_owner'
         else 'territory' end as route
  from (select distinct basis_id from crediting_scope where basis_id is not null) s
  join transactions b on b.id = s.basis_id
  left join opportunities o on o.id = b.opportunity_id
  left join products tp on tp.id = b.product_id
  left join products op on op.id = o.product_id
  left join (select opportunity_id, sum(percent) as percent_sum from opportunity_splits
             where type = 'revenue' group by opportunity_id) st on st.opportunity_id = b.opportunity_id`;

export const createTerritory = sql`
  create temp table basis_territory on commit drop as
  select distinct on (b.basis_id) b.basis_id, ta.territory_id, ter.external_id as territory_external_id,
    tow.person_id, tow.tbh_label
  from crediting_basis b
  join territory_assignments ta on ta.account_id = b.account_id and ${inForce('ta', 'b.date')}
  join territories ter on ter.id = ta.territory_id and ter.type = 'account'
  left join territory_owners tow on tow.territory_id = ta.territory_id and ${inForce('tow', 'b.date')}
  where b.route = 'territory'
  order by b.basis_id, ta.valid_from desc, ta.territory_id, tow.valid_from desc`;

export const createCredits = sql`
  create temp table basis_credits on commit drop as
  select b.basis_id, b.owner_id as person_id, 'owner'::text as kind, 1::numeric as share,
    null::bigint as source_person_id, null::bigint as territory_id
  from crediting_basis b where b.route = 'owner'
  union all
  select b.basis_id, sp.person_id, 'split', sp.percent * 0.01, null, null
  from crediting_basis b
  join opportunity_splits sp on sp.opportunity_id = b.opportunity_id and sp.type = 'revenue'
  where b.route = 'split'
  union all
  select b.basis_id, b.opportunity_owner_id, 'opportunity_owner', 1, null, null
  from crediting_basis b where b.route = 'opportunity_owner'
  union all
  select bt.basis_id, bt.person_id, 'territory', 1, null, bt.territory_id
  from basis_territory bt where bt.person_id is not null`;

export const createExceptions = sql`
  create temp table basis_exceptions on commit drop as
  select b.basis_id, 'CREDIT_SPLIT_INVALID'::text as code,
    'has revenue splits on opportunity ' || b.opportunity_external_id || ' summing to ' || b.percent_sum::text
      || ', not 100' as reason,
    jsonb_build_object('transaction', b.external_id, 'opportunity', b.opportunity_external_id,
      'percentSum', b.percent_sum::text) as details
  from crediting_basis b where b.route = 'split_invalid'
  union all
  select b.basis_id, 'CREDIT_OWNER_MISSING',
    'has no one to credit: no owner' ||
      case when b.opportunity_external_id is not null
        then ', opportunity ' || b.opportunity_external_id || ' has neither splits nor an owner' else '' end ||
      case when a.id is null then ', no account'
        when bt.territory_id is null then ', account ' || a.external_id || ' had no territory on ' || b.date::text
        when bt.tbh_label is not null then ', territory ' || bt.territory_external_id || ' was held by '
          || bt.tbh_label || ' on ' || b.date::text
        else ', territory ' || bt.territory_external_id || ' had no owner on ' || b.date::text end,
    jsonb_strip_nulls(jsonb_build_object('transaction', b.external_id, 'date', b.date::text,
      'opportunity', b.opportunity_external_id, 'account', a.external_id,
      'territory', bt.territory_external_id, 'tbhLabel', bt.tbh_label))
  from crediting_basis b
  left join basis_territory bt on bt.basis_id = b.basis_id
  left join accounts a on a.id = b.account_id
  where b.route = 'territory' and bt.person_id is null`;

/** Overlay credit: the owner, as of the basis date, of each overlay territory the account is assigned to
 *  whose product family is the transaction's; one row per person (the lowest territory id). */
export const insertOverlays = sql`
  insert into basis_credits (basis_id, person_id, kind, share, source_person_id, territory_id)
  select distinct on (b.basis_id, tow.person_id) b.basis_id, tow.person_id, 'overlay', 1, null, ta.territory_id
  from crediting_basis b
  join territory_assignments ta on ta.account_id = b.account_id and ${inForce('ta', 'b.date')}
  join territories ter on ter.id = ta.territory_id and ter.type = 'overlay' and ter.product_family = b.family
  join territory_owners tow on tow.territory_id = ta.territory_id and tow.person_id is not null
    and ${inForce('tow', 'b.date')}
  where exists (select 1 from basis_credits c where c.basis_id = b.basis_id)
  order by b.basis_id, tow.person_id, ta.territory_id`;

// The closure of person_history: each person with every manager above them, over the dates that
// whole chain holds (the intersection of its links' dates). At any date it gives exactly the chain
// a walk up person_history as of that date gives: the path array stops a cycle and depth stops at
// 32, as they always did. A few rows per person: rebuilt whole by every crediting.
export const rebuildReportingLines = [
  sql`create temp table reporting_lines_before on commit drop as select * from reporting_lines`,
  sql`delete from reporting_lines`,
  sql`insert into reporting_lines (person_id, manager_id, depth, valid_from, valid_to)
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
    from islands group by person_id, manager_id, island`,
  sql`analyze reporting_lines`,
];

/** Each transaction in scope takes its basis's credits: its own, or for a cancellation those of the
 *  transaction it cancels, at its own amount, date and currency. */
export const createResult = sql`
  create temp table crediting_result on commit drop as
  select s.transaction_id, c.person_id, c.kind, b.measure, s.date, c.share, s.amount * c.share as amount,
    s.currency, case when s.type = 'cancellation' then s.cancels_id end as cancels_transaction_id,
    c.source_person_id, c.territory_id,
    case when s.type = 'cancellation' then b.date end as basis_date,
    s.account_id, s.product_id
  from crediting_scope s
  join crediting_basis b on b.basis_id = s.basis_id
  join basis_credits c on c.basis_id = s.basis_id
  where not exists (select 1 from basis_exceptions e where e.basis_id = s.basis_id)`;

// Replacing writes only the difference: a credit row identical to its new one (numbers compared as
// written, so 1.00 never silently stands for 1) stays, every other row of the range goes, and the
// new rows without a survivor come in. A re-run over unchanged data writes nothing, which matters
// because each credits row written costs five foreign-key checks and three index entries.
const SAME_CREDIT = sql.raw(`n.transaction_id = c.transaction_id and n.person_id = c.person_id and n.kind = c.kind
    and n.measure = c.measure and n.date = c.date and n.share::text = c.share::text
    and n.amount::text = c.amount::text and n.currency = c.currency
    and n.cancels_transaction_id is not distinct from c.cancels_transaction_id
    and n.source_person_id is not distinct from c.source_person_id
    and n.territory_id is not distinct from c.territory_id
    and n.basis_date is not distinct from c.basis_date
    and n.account_id is not distinct from c.account_id and n.product_id is not distinct from c.product_id`);

// The credits deleted and written are noted with a sign (credit_changes): only their (payee, day)
// pairs' credit_day_totals rows are worked out again, and the credit totals add the differences
// (metrics/credit-totals.ts).
const changed = (c: string) =>
  sql.raw(`${c}person_id, ${c}date, coalesce(${c}basis_date, ${c}date),
    ${c}kind in ('owner', 'split', 'opportunity_owner', 'territory'), ${c}amount, ${c}currency, ${c}account_id, ${c}product_id`);
export const replaceCredits = [
  sql`create temp table credit_changes (sign integer, person_id bigint, date date, chain_date date, rolls_up boolean,
        amount numeric, currency char(3), account_id bigint, product_id bigint) on commit drop`,
  sql`with gone as (
        delete from credits c using crediting_scope s
        where s.transaction_id = c.transaction_id
          and not exists (select 1 from crediting_result n where ${SAME_CREDIT})
        returning ${changed('c.')})
      insert into credit_changes select -1, * from gone`,
  sql`with added as (
        insert into credits (transaction_id, person_id, kind, measure, date, share, amount, currency,
          cancels_transaction_id, source_person_id, territory_id, basis_date, account_id, product_id)
        select n.transaction_id, n.person_id, n.kind, n.measure, n.date, n.share, n.amount, n.currency,
          n.cancels_transaction_id, n.source_person_id, n.territory_id, n.basis_date, n.account_id, n.product_id
        from crediting_result n
        where not exists (select 1 from credits c
                          where c.transaction_id = n.transaction_id and c.person_id = n.person_id and c.kind = n.kind)
        returning ${changed('')})
      insert into credit_changes select 1, * from added`,
  sql`delete from credit_day_totals t
      using (select distinct person_id, date from credit_changes) x
      where t.person_id = x.person_id and t.date = x.date`,
  sql`insert into credit_day_totals (person_id, date, chain_date, currency, measure, rolls_up, amount, credits)
      select c.person_id, c.date, coalesce(c.basis_date, c.date), c.currency, c.measure,
        c.kind in ('owner', 'split', 'opportunity_owner', 'territory'), sum(c.amount), count(*)
      from credits c join (select distinct person_id, date from credit_changes) x
        on x.person_id = c.person_id and x.date = c.date
      group by 1, 2, 3, 4, 5, 6`,
];

export const deleteExceptions = sql`
  delete from credit_exceptions e using crediting_scope s
  where s.transaction_id = e.transaction_id`;

export const insertFinalExceptions = sql`
  insert into credit_exceptions (transaction_id, code, message, details)
  select s.transaction_id, 'CREDIT_CANCELS_INVALID',
    'Transaction ' || s.external_id || ' is a cancellation that ' || s.cancel_problem,
    jsonb_strip_nulls(jsonb_build_object('transaction', s.external_id, 'cancels', s.cancels_external_id))
  from crediting_scope s where s.cancel_problem is not null
  union all
  select s.transaction_id, e.code,
    'Transaction ' || s.external_id ||
      case when s.basis_id <> s.transaction_id then ' cancels ' || b.external_id || ', which ' else ' ' end ||
      e.reason,
    case when s.basis_id <> s.transaction_id
      then e.details || jsonb_build_object('transaction', s.external_id, 'cancels', b.external_id)
      else e.details end
  from crediting_scope s
  join basis_exceptions e on e.basis_id = s.basis_id
  join crediting_basis b on b.basis_id = s.basis_id`;
