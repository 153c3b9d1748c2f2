// What moves with an account (DESIGN §5.1), in the reporting currency, as of today:
//   openPipeline     its open opportunities, at today's FX rate;
//   trailingBookings its booking and cancellation transactions dated in (today − 12 months, today],
//                    each at its date's rate;
//   quota            the share of the from-territory owner's bookings quota for the quota period
//                    that holds the effective date (the shortest such period; a territory quota when
//                    the owner has none), converted at today's rate:
//                    share   = account's trailing bookings ÷ from-territory's trailing bookings
//                              (accounts in the territory today; 0 when the territory booked ≤ 0)
//                    full    = share × quota
//                    prorata = share × quota × remaining days ÷ period days, remaining days counted
//                              from the effective date to the period's end, both inclusive
//                    none    = 0
// One statement, each figure a scalar subquery; FX is looked up per fact (DESIGN §6: the latest
// direct rate on or before the date, else 1 ÷ the reverse) — one account's facts are few, and the
// day grid of fx/daily-fx-rates.ts makes PostgreSQL's planner over-estimate and JIT-compile.
import { addDays, addMonths, daysBetween } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import { formatAmount, money } from '@attain/core/money/money.ts';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';

export type QuotaTreatment = 'none' | 'prorata' | 'full';

export interface MoveImpact {
  currency: string;
  asOf: string;
  openPipeline: string;
  openOpportunities: number;
  trailingBookings: string;
  trailingFrom: string;
  trailingTo: string;
  quota: {
    treatment: QuotaTreatment;
    period: string | null;
    owner: string | null;
    ownerQuota: string | null;
    territoryTrailingBookings: string;
    share: string;
    remainingDays: number | null;
    periodDays: number | null;
    moved: string;
  };
}

export interface ImpactInput {
  accountId: string;
  fromTerritoryId: string | null;
  effective: string;
  treatment: QuotaTreatment;
  today: string;
}

function rateTo(rc: string) {
  return (currency: RawBuilder<unknown>, day: RawBuilder<unknown>) => sql`(case when ${currency} = ${rc} then 1::numeric
    else coalesce(
      (select r.rate from fx_rates r where r.from_currency = ${currency} and r.to_currency = ${rc} and r.date <= ${day}
        order by r.date desc limit 1),
      (select 1 / r.rate from fx_rates r where r.from_currency = ${rc} and r.to_currency = ${currency} and r.date <= ${day}
        order by r.date desc limit 1)) end)`;
}

export async function impactPreview(
  db: Kysely<Database> | Transaction<Database>,
  input: ImpactInput,
): Promise<MoveImpact> {
  const { reportingCurrency: rc } = await readSettings(db as Kysely<Database>);
  const { today, effective } = input;
  const trailingFrom = addDays(addMonths(today, -12), 1);
  const from = input.fromTerritoryId;
  const rate = rateTo(rc);
  const { rows } = await sql<{
    pipeline: string | null;
    opportunities: string;
    pipeline_missing: string;
    account_bookings: string | null;
    territory_bookings: string | null;
    bookings_missing: string;
    quota: string | null;
    quota_rate: string | null;
    quota_currency: string | null;
    period: string | null;
    period_start: string | null;
    period_end: string | null;
    owner: string | null;
  }>`
    with territory_accounts as (
      select distinct ta.account_id from territory_assignments ta
      where ta.territory_id = ${from}::bigint and ta.valid_from <= ${today}::date
        and (ta.valid_to is null or ta.valid_to > ${today}::date)),
    bookings as (
      select x.account_id, x.amount * ${rate(sql`x.currency`, sql`x.date`)} as amount from transactions x
      where x.type in ('booking', 'cancellation') and x.date between ${trailingFrom}::date and ${today}::date
        and (x.account_id = ${input.accountId}::bigint or x.account_id in (select account_id from territory_accounts))),
    owner as (
      select tow.person_id from territory_owners tow where tow.territory_id = ${from}::bigint
        and tow.valid_from <= ${effective}::date and (tow.valid_to is null or tow.valid_to > ${effective}::date)
      order by tow.valid_from desc limit 1),
    quota as (
      select q.amount, q.currency, q.period, q.period_start, q.period_end,
        ${rate(sql`q.currency`, sql`${today}::date`)} as rate
      from quotas q
      where (q.person_id = (select person_id from owner) or q.territory_id = ${from}::bigint)
        and q.measure = 'bookings' and ${effective}::date between q.period_start and q.period_end
        and q.valid_from <= ${today}::date and (q.valid_to is null or q.valid_to > ${today}::date)
      order by q.period_end - q.period_start, q.person_id is null, q.id limit 1)
    select
      (select sum(o.amount * ${rate(sql`o.currency`, sql`${today}::date`)}) from opportunities o where o.account_id = ${input.accountId}::bigint and o.status = 'open') as pipeline,
      (select count(*) from opportunities o where o.account_id = ${input.accountId}::bigint and o.status = 'open')::text as opportunities,
      (select count(*) from opportunities o where o.account_id = ${input.accountId}::bigint and o.status = 'open'
        and ${rate(sql`o.currency`, sql`${today}::date`)} is null)::text as pipeline_missing,
      (select sum(amount) from bookings where account_id = ${input.accountId}::bigint) as account_bookings,
      (select sum(amount) from bookings where account_id in (select account_id from territory_accounts)) as territory_bookings,
      (select count(*) from bookings where amount is null)::text as bookings_missing,
      q.amount as quota, q.rate as quota_rate, q.currency as quota_currency, q.period, q.period_start, q.period_end,
      (select p.external_id from people p where p.id = (select person_id from owner)) as owner
    from (select 1) one left join quota q on true`.execute(db);
  const r = rows[0]!;
  if (Number(r.pipeline_missing) > 0 || Number(r.bookings_missing) > 0 || (r.quota !== null && r.quota_rate === null)) {
    throw new AttainError('FX_RATE_MISSING', `No FX rate to ${rc} for an amount of this account's impact preview`, {
      currency: rc,
    });
  }
  const amount = (value: string | null | Decimal) => formatAmount(money(value ?? 0, rc));
  const accountBookings = new Decimal(r.account_bookings ?? 0);
  const territoryBookings = new Decimal(r.territory_bookings ?? 0);
  const share = territoryBookings.greaterThan(0) ? accountBookings.dividedBy(territoryBookings) : ZERO;
  const ownerQuota = r.quota === null ? null : new Decimal(r.quota).times(r.quota_rate!);
  const periodDays = r.period_start && r.period_end ? daysBetween(r.period_start, r.period_end) + 1 : null;
  const remainingDays = r.period_end ? daysBetween(effective, r.period_end) + 1 : null;
  let moved = ZERO;
  if (ownerQuota && input.treatment === 'full') moved = share.times(ownerQuota);
  if (ownerQuota && input.treatment === 'prorata') {
    moved = share.times(ownerQuota).times(remainingDays!).dividedBy(periodDays!);
  }
  return {
    currency: rc,
    asOf: today,
    openPipeline: amount(r.pipeline),
    openOpportunities: Number(r.opportunities),
    trailingBookings: amount(accountBookings),
    trailingFrom,
    trailingTo: today,
    quota: {
      treatment: input.treatment,
      period: r.period,
      owner: r.owner,
      ownerQuota: ownerQuota === null ? null : amount(ownerQuota),
      territoryTrailingBookings: amount(territoryBookings),
      share: share.toFixed(4),
      remainingDays,
      periodDays,
      moved: amount(moved),
    },
  };
}
