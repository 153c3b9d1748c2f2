// The home dashboard's figures, set-based in SQL and limited to what the viewer may see: bookings
// by fiscal quarter, open pipeline by stage, top accounts, and the headline KPIs. Amounts are in
// the reporting currency at the fact date's rate (open pipeline at today's rate).
import { fiscalYear, fiscalYearOf } from '@attain/core/calendar/fiscal-year.ts';
import { periodsBetween } from '@attain/core/calendar/period-of.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import { dailyFxRates } from '../fx/daily-fx-rates.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';

export interface DashboardFigures {
  currency: string;
  asOf: string;
  /** The fiscal year the year-to-date figures cover, e.g. 'FY2026'. */
  fiscalYear: string;
  kpis: { bookingsYtd: string; openPipeline: string; winRate: string | null; openDeals: number };
  bookingsByQuarter: { period: string; amount: string }[];
  pipelineByStage: { stage: string; count: number; amount: string }[];
  topAccounts: { account: string; externalId: string; amount: string }[];
}

const STAGE_ORDER = sql`case lower(o.stage)
  when 'prospecting' then 1 when 'qualification' then 2 when 'discovery' then 3 when 'proposal' then 4
  when 'negotiation' then 5 else 9 end`;

export async function dashboardFigures(
  db: Kysely<Database>,
  visibility: Visibility,
  today: string,
): Promise<DashboardFigures> {
  const { reportingCurrency: currency, fiscalCalendar } = await readSettings(db);
  const thisYear = fiscalYearOf(fiscalCalendar, today);
  const firstYear = fiscalYear(fiscalCalendar, Number(thisYear.year.replace('FY', '')) - 2);
  const quarters = periodsBetween(fiscalCalendar, 'quarter', firstYear.start, today);
  const from = firstYear.start;
  const bookedBy = visibleCondition(visibility, 'own.owner_id');
  const ownedBy = visibleCondition(visibility, 'o.owner_id');

  const bookings = sql`
    with fx as materialized (${dailyFxRates(currency, from, today)}),
    booked as (
      select t.date, t.account_id, t.amount * fx.rate as amount
      from transactions t
      left join opportunities op on op.id = t.opportunity_id
      join fx on fx.currency = t.currency and fx.day = t.date
      cross join lateral (select coalesce(t.owner_id, op.owner_id) as owner_id) own
      where t.type in ('booking', 'cancellation') and t.date between ${from}::date and ${today}::date and ${bookedBy}
    )`;

  const byQuarter = await sql<{ period: string; amount: string }>`
    ${bookings}
    select q.label as period, coalesce(sum(b.amount), 0)::numeric(30, 2)::text as amount
    from unnest(${quarters.map((q) => q.period)}::text[], ${quarters.map((q) => q.start)}::date[],
                ${quarters.map((q) => q.end)}::date[]) with ordinality as q(label, start_date, end_date, n)
    left join booked b on b.date between q.start_date and q.end_date
    group by q.label, q.n order by q.n`.execute(db);

  const ytd = await sql<{ amount: string }>`
    ${bookings}
    select coalesce(sum(amount), 0)::numeric(30, 2)::text as amount from booked where date >= ${thisYear.start}::date`.execute(
    db,
  );

  const topAccounts = await sql<{ account: string; externalId: string; amount: string }>`
    ${bookings}
    select a.name as account, a.external_id as "externalId", sum(b.amount)::numeric(30, 2)::text as amount
    from booked b join accounts a on a.id = b.account_id
    where b.date >= ${thisYear.start}::date
    group by a.id, a.name, a.external_id
    order by sum(b.amount) desc, a.external_id limit 10`.execute(db);

  const pipeline = await sql<{ stage: string; count: string; amount: string }>`
    with fx as materialized (${dailyFxRates(currency, today, today)})
    select coalesce(o.stage, '(none)') as stage, count(*)::text as count,
      coalesce(sum(o.amount * fx.rate), 0)::numeric(30, 2)::text as amount
    from opportunities o
    left join fx on fx.currency = o.currency
    where o.status = 'open' and ${ownedBy}
    group by o.stage, ${STAGE_ORDER}
    order by ${STAGE_ORDER}, o.stage`.execute(db);

  const winRate = await sql<{ won: string; lost: string }>`
    select count(*) filter (where o.status = 'won')::text as won, count(*) filter (where o.status = 'lost')::text as lost
    from opportunities o
    where o.status in ('won', 'lost') and o.close_date between ${thisYear.start}::date and ${today}::date and ${ownedBy}`.execute(
    db,
  );

  const won = new Decimal(winRate.rows[0]?.won ?? 0);
  const lost = new Decimal(winRate.rows[0]?.lost ?? 0);
  const openPipeline = pipeline.rows.reduce((sum, r) => sum.plus(r.amount), new Decimal(0));
  return {
    currency,
    asOf: today,
    fiscalYear: thisYear.year,
    kpis: {
      bookingsYtd: ytd.rows[0]?.amount ?? '0.00',
      openPipeline: openPipeline.toFixed(2),
      winRate: won.plus(lost).isZero() ? null : won.dividedBy(won.plus(lost)).toFixed(4),
      openDeals: pipeline.rows.reduce((n, r) => n + Number(r.count), 0),
    },
    bookingsByQuarter: byQuarter.rows,
    pipelineByStage: pipeline.rows.map((r) => ({ stage: r.stage, count: Number(r.count), amount: r.amount })),
    topAccounts: topAccounts.rows,
  };
}
