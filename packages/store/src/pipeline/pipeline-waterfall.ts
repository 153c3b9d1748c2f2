// The pipeline waterfall between two dates (issue 6; rules and precedence in
// core/pipeline/waterfall-rules.ts, which this statement mirrors case for case):
//   start + created + pulledIn + increased − decreased − pushedOut − lost − won = end
// for deals whose close date, as known at each date, falls in the period (default: the fiscal
// quarter holding D2). Every amount is converted at D2's rate for its currency and rounded to the
// cent per deal before adding, so the identity holds exactly on the figures printed.
// Plan: only deals with a snapshot up to D2 closing inside the period can move in it (every step
// needs the close date in the period at D1 or at D2), so an index range scan on the close date
// (opportunity_snapshots_close) picks them, in deal order → two primary-key probes each (the state
// as of D1 and as of D2), materialised → one-day FX rates, one hash join per date (joined inside
// the probes, PostgreSQL built a one-row hash per deal: 0.5 s of 2 on the large demo) → per-deal
// classification (at most two movements) → group by step.
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { WATERFALL_STEPS, type WaterfallStep } from '@attain/core/pipeline/waterfall-rules.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { fxRatesOn, inReportingCurrency, periodOrQuarter, withHistoryPlanning } from './snapshot-state.ts';

export interface WaterfallQuery {
  from: string;
  to: string;
  period?: string | undefined;
  /** Also list each deal with its movements (the drill-down). */
  deals?: boolean;
}

export interface WaterfallDeal {
  externalId: string;
  name: string | null;
  owner: string | null;
  steps: WaterfallStep[];
  /** In the reporting currency at the `to` date's rates; null when not seen by that date. */
  fromAmount: string | null;
  toAmount: string;
  fromCloseDate: string | null;
  toCloseDate: string | null;
  fromStatus: string | null;
  toStatus: string;
}

export interface WaterfallResult {
  from: string;
  to: string;
  period: { period: string; start: string; end: string };
  currency: string;
  /** start, created, pulledIn, increased, decreased, pushedOut, lost, won, end — in that order. */
  steps: { step: WaterfallStep; amount: string; count: number }[];
  deals?: WaterfallDeal[];
}

export function pipelineWaterfall(
  db: Kysely<Database>,
  visibility: Visibility,
  query: WaterfallQuery,
): Promise<WaterfallResult> {
  return withHistoryPlanning(db, (trx) => waterfall(trx, visibility, query));
}

async function waterfall(
  db: Kysely<Database>,
  visibility: Visibility,
  query: WaterfallQuery,
): Promise<WaterfallResult> {
  const from = assertIsoDate(query.from, 'from');
  const to = assertIsoDate(query.to, 'to');
  if (from >= to) {
    throw new AttainError('RANGE_INVALID', `The waterfall runs from an earlier date to a later one: ${from} .. ${to}`, {
      from,
      to,
    });
  }
  const settings = await readSettings(db);
  const period = periodOrQuarter(settings, query.period, to);
  const inP = (column: string) =>
    sql.raw(`(${column} is not null and ${column} between '${period.start}' and '${period.end}')`);

  // One row per deal seen by D2 with its state at both dates; in_start / in_end as in the rules.
  const deals = sql`
    with fx as (${fxRatesOn(settings.reportingCurrency, to)}),
    moved as (
      -- in deal order, so that the probes below walk the primary key and the table forward
      -- (in hash order they cost 9 µs each instead of 2 on the large demo: 1.7 s → 1.3 s)
      select distinct c.opportunity_id as id from opportunity_snapshots c
      where c.close_date between ${period.start}::date and ${period.end}::date and c.snapshot_date <= ${to}::date
      order by 1
    ),
    states as materialized (
      select s2.opportunity_id, s2.owner_id, s1.opportunity_id is not null as seen1, s1.status as status1,
        s1.close_date as close1, s1.amount as amount1, s1.currency as currency1,
        s2.status as status2, s2.close_date as close2, s2.amount as amount2, s2.currency as currency2
      from moved
      cross join lateral (select * from opportunity_snapshots x where x.opportunity_id = moved.id
        and x.snapshot_date <= ${to}::date order by x.snapshot_date desc limit 1) s2
      left join lateral (select * from opportunity_snapshots x where x.opportunity_id = moved.id
        and x.snapshot_date <= ${from}::date order by x.snapshot_date desc limit 1) s1 on true
      where ${visibleCondition(visibility, 's2.owner_id')}
    ),
    d as (
      select st.opportunity_id, st.owner_id, st.seen1, st.status1, st.close1,
        ${inReportingCurrency('st.amount1', 'fx1')} as a1, st.status2, st.close2,
        ${inReportingCurrency('st.amount2', 'fx2')} as a2
      from states st
      left join fx fx1 on fx1.currency = st.currency1
      left join fx fx2 on fx2.currency = st.currency2
    ),
    c as (
      select d.*, coalesce(d.seen1 and d.status1 = 'open' and ${inP('d.close1')}, false) as in_start,
        (d.status2 = 'open' and ${inP('d.close2')}) as in_end,
        -- in P at D2 and not closed at both dates: a deal won before D1 is no movement
        ${inP('d.close2')} and (not d.seen1 or d.status1 = 'open' or d.status2 = 'open') as in_p2
      from d
    ),
    m as (
      select c.*,
        case
          when c.in_start then case
            when c.status2 in ('won', 'lost') then c.status2
            when not c.in_end then 'pushedOut'
            when c.a2 > c.a1 then 'increased'
            when c.a2 < c.a1 then 'decreased' end
          when c.in_p2 then case when c.seen1 then 'pulledIn' else 'created' end
        end as step1,
        case
          when c.in_start then case when c.status2 = 'open' and c.in_end then abs(c.a2 - c.a1) else c.a1 end
          else c.a2
        end as amount1,
        case when not c.in_start and c.in_p2 and c.status2 in ('won', 'lost') then c.status2 end as step2
      from c
    )`;

  const result = (steps: WaterfallResult['steps'], dealList?: WaterfallDeal[]): WaterfallResult => ({
    from,
    to,
    period: { period: period.period, start: period.start, end: period.end },
    currency: settings.reportingCurrency,
    steps,
    ...(dealList ? { deals: dealList } : {}),
  });

  if (!query.deals) {
    const { rows } = await sql<{ step: WaterfallStep; amount: string; count: string }>`
      ${deals}
      select step, sum(amount)::numeric(20, 2)::text as amount, count(*)::text as count from (
        select 'start' as step, a1 as amount from m where in_start
        union all select 'end', a2 from m where in_end
        union all select step1, amount1 from m where step1 is not null
        union all select step2, a2 from m where step2 is not null
      ) movement group by step`.execute(db);
    const byStep = new Map(rows.map((r) => [r.step, r]));
    return result(
      WATERFALL_STEPS.map((step) => ({
        step,
        amount: byStep.get(step)?.amount ?? '0.00',
        count: Number(byStep.get(step)?.count ?? 0),
      })),
    );
  }

  // With the drill-down, one pass: the deals, and the steps added up from them (cents, so exact).
  const list = await sql<{
    external_id: string;
    name: string | null;
    owner: string | null;
    in_start: boolean;
    in_end: boolean;
    step1: WaterfallStep | null;
    amount1: string;
    step2: WaterfallStep | null;
    a1: string | null;
    a2: string;
    close1: string | null;
    close2: string | null;
    status1: string | null;
    status2: string;
  }>`
    ${deals}
    select o.external_id, o.name, p.name as owner, m.in_start, m.in_end, m.step1, m.amount1::text as amount1,
      m.step2, case when m.seen1 then m.a1::text end as a1, m.a2::text as a2, m.close1, m.close2, m.status1, m.status2
    from m join opportunities o on o.id = m.opportunity_id left join people p on p.id = m.owner_id
    where m.in_start or m.in_end or m.step1 is not null
    order by o.external_id`.execute(db);
  const sums = new Map(WATERFALL_STEPS.map((step) => [step, { amount: new Decimal(0), count: 0 }]));
  const add = (step: WaterfallStep, amount: string) => {
    const sum = sums.get(step)!;
    sum.amount = sum.amount.plus(amount);
    sum.count += 1;
  };
  for (const r of list.rows) {
    if (r.in_start) add('start', r.a1!);
    if (r.step1) add(r.step1, r.amount1);
    if (r.step2) add(r.step2, r.a2);
    if (r.in_end) add('end', r.a2);
  }
  return result(
    WATERFALL_STEPS.map((step) => ({ step, amount: sums.get(step)!.amount.toFixed(2), count: sums.get(step)!.count })),
    list.rows.map((r) => ({
      externalId: r.external_id,
      name: r.name,
      owner: r.owner,
      steps: [r.step1, r.step2].filter((step): step is WaterfallStep => step !== null),
      fromAmount: r.a1,
      toAmount: r.a2,
      fromCloseDate: r.close1,
      toCloseDate: r.close2,
      fromStatus: r.status1,
      toStatus: r.status2,
    })),
  );
}
