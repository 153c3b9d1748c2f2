// The facts a metric of the catalog is computed from (DESIGN §8), one row per fact in the same
// columns for every basis: kind, fact_date, status, amount, currency, probability, created_date,
// owner_id, account_id, product_id — deals by close or created date, each deal's latest open
// snapshot as of a date, credits (summed, credit-facts.ts), payouts, quotas, forecast calls — and
// the dates they span.
import type { CalendarInput } from '@attain/core/calendar/calendar-schema.ts';
import type { Period } from '@attain/core/calendar/period.ts';
import { periodOf } from '@attain/core/calendar/period-of.ts';
import type { MetricBasis, MetricDefinition } from '@attain/core/metrics/catalog.ts';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { openSnapshotsAsOf, snapshotsAsOfClosing } from '../pipeline/snapshot-state.ts';
import type { Database } from '../schema.ts';
import { type Visibility, visibleCondition } from '../visibility/visible-people.ts';
import { type CreditConditions, type CreditKeys, creditFacts } from './credit-facts.ts';
import type { CreditTotalsCurrent } from './credit-totals.ts';

/**
 * Dates covering every fact's date, to bound the FX grid and the calendar periods (a wider range
 * changes no figure). Where the basis fixes them they are not read: the open pipeline's facts are
 * all dated the as-of date, and reading them twice costs a latest-snapshot pass (1.3 s, large demo).
 */
export async function factDateRange(
  db: Kysely<Database>,
  basis: MetricBasis,
  facts: RawBuilder<unknown>,
  asOf: string,
  quotaPeriod: Period | undefined,
  period: Period | undefined,
): Promise<{ first: string | null | undefined; last: string | null | undefined }> {
  const p = quotaPeriod;
  // --period keeps only the facts dated inside it (inPeriod below), so they need no other dates
  if (period && !['open', 'attainment', 'coverage', 'forecast'].includes(basis)) {
    return { first: period.start, last: period.end };
  }
  switch (basis) {
    case 'open':
      return { first: asOf, last: asOf };
    case 'coverage':
      return { first: p!.start, last: asOf };
    case 'attainment':
      return { first: p!.start, last: p!.end < asOf ? p!.end : asOf };
    case 'forecast':
      return { first: p!.start, last: p!.end };
    case 'credit': {
      // every credit's date, and the earliest the account and holder totals keep (a date whose
      // credits have since been replaced stays their first: the grid must cover it too)
      const { rows } = await sql<{ first: string | null; last: string | null }>`
        select least(min(date), (select min(first_date) from credit_account_totals),
            (select min(first_date) from credit_holder_totals))::text as first,
          max(date)::text as last from credits`.execute(db);
      return rows[0] ?? { first: null, last: null };
    }
    default: {
      const { rows } = await sql<{ first: string | null; last: string | null }>`
        select min(fact_date)::text as first, max(fact_date)::text as last from (${facts}) f`.execute(db);
      return rows[0] ?? { first: null, last: null };
    }
  }
}

/**
 * Attainment and coverage compare with quotas, which exist per quota period: --period names it
 * (a fiscal year, half or quarter label); without it, attainment takes the fiscal year of the
 * as-of date and coverage its fiscal quarter.
 */
export function quotaPeriodOf(
  metric: MetricDefinition,
  calendar: CalendarInput,
  period: Period | undefined,
  asOf: string,
): Period | undefined {
  if (!['attainment', 'coverage', 'forecast'].includes(metric.basis)) return undefined;
  if (period) return period;
  return periodOf(calendar, asOf, metric.basis === 'attainment' ? 'year' : 'quarter');
}

const DEAL_COLUMNS = sql`o.status, o.amount, o.currency, o.probability, o.created_date, o.owner_id, o.account_id, o.product_id`;

/** How credit facts are read: the keys kept (credit-facts.ts), and what they may skip. */
export interface CreditScope {
  keys: CreditKeys;
  visibility: Visibility;
  /** --period for credited_amount: the facts outside it are filtered out anyway. */
  period: Period | undefined;
  /** --where values as conditions on the credits (credit-facts.ts creditNarrowing). */
  narrowing: CreditConditions;
  /** Credit facts come in it, converted by the statement's `fx` grid (credit-facts.ts). */
  reportingCurrency: string;
  /** Which credit totals crediting keeps are current in it (credit-totals.ts). */
  creditTotals: CreditTotalsCurrent;
}

/**
 * One row per fact: kind, fact_date, status, amount, currency, probability, created_date, owner,
 * account, product (credits: summed per day, currency and the keys the dimensions read; credit-facts.ts).
 */
export function factsOf(
  basis: MetricBasis,
  asOf: string,
  quotaPeriod: Period | undefined,
  scope: CreditScope,
): RawBuilder<unknown> {
  // the outer statement filters every fact by visibility too; on credits it is applied before summing
  const visibleCredits = scope.visibility.kind === 'all' ? [] : [visibleCondition(scope.visibility, 'c.person_id')];
  const openAsOf = sql`select 'open' as kind, ${asOf}::date as fact_date, s.status, s.amount, s.currency, s.probability,
      s.deal_created_date as created_date, s.owner_id, s.account_id, s.deal_product_id as product_id
    from ${openSnapshotsAsOf(asOf)} s`;
  const closed = sql`select 'deal' as kind, o.close_date as fact_date, ${DEAL_COLUMNS} from opportunities o
    where o.status in ('won', 'lost') and o.close_date is not null`;
  const won = sql`select 'won' as kind, o.close_date as fact_date, ${DEAL_COLUMNS} from opportunities o
    where o.status = 'won' and o.close_date is not null`;
  const payouts = sql`select 'payout' as kind, r.period_end as fact_date, null::text as status, cr.paid as amount,
      cr.currency, null::numeric as probability, null::date as created_date, cr.person_id as owner_id,
      null::bigint as account_id, null::bigint as product_id
    from comp_results cr join comp_runs r on r.id = cr.run_id
    where r.status in ('approved', 'closed')`;
  const quotas = (
    p: Period,
    date: string,
  ) => sql`select 'quota' as kind, ${date}::date as fact_date, null::text as status,
      q.amount, q.currency, null::numeric as probability, null::date as created_date, q.person_id as owner_id,
      null::bigint as account_id, null::bigint as product_id
    from quotas q
    where q.person_id is not null and q.measure = 'bookings' and q.valid_to is null and q.period = ${p.period}`;
  switch (basis) {
    case 'open':
      return openAsOf;
    case 'created':
      return sql`select 'deal' as kind, o.created_date as fact_date, ${DEAL_COLUMNS} from opportunities o
        where o.created_date is not null`;
    case 'credit':
      return creditFacts(
        scope.keys,
        {
          credit: [
            ...(scope.period ? [sql`c.date between ${scope.period.start}::date and ${scope.period.end}::date`] : []),
            ...scope.narrowing.credit,
          ],
          holder: [...visibleCredits, ...scope.narrowing.holder],
          onDate: scope.period !== undefined || scope.narrowing.onDate === true,
        },
        scope.reportingCurrency,
        scope.creditTotals,
      );
    case 'payout':
      return payouts;
    case 'cost':
      return sql`${payouts} union all ${won}`;
    case 'attainment': {
      const p = quotaPeriod!;
      const to = p.end < asOf ? p.end : asOf;
      return sql`${quotas(p, to)} union all ${creditFacts(
        scope.keys,
        {
          credit: [
            sql`c.measure = 'bookings'`,
            sql`c.date between ${p.start}::date and ${to}::date`,
            ...scope.narrowing.credit,
          ],
          holder: [
            ...visibleCredits,
            sql`exists (select 1 from quotas q where q.person_id = c.person_id and q.measure = 'bookings'
          and q.valid_to is null and q.period = ${p.period})`,
            ...scope.narrowing.holder,
          ],
        },
        scope.reportingCurrency,
      )}`;
    }
    case 'coverage': {
      const p = quotaPeriod!;
      const to = p.end < asOf ? p.end : asOf;
      return sql`${quotas(p, asOf)} union all
        select 'open', ${asOf}::date, s.status, s.amount, s.currency, s.probability, o.created_date, s.owner_id,
          s.account_id, o.product_id
        from ${snapshotsAsOfClosing(asOf, p.start, p.end)} s
        join opportunities o on o.id = s.opportunity_id
        where s.status = 'open'
        union all
        select * from (${won}) w where w.fact_date between ${p.start}::date and ${to}::date`;
    }
    case 'forecast': {
      // Each person's own call (commit) last submitted before the period ended, against the deals
      // they won in it; people without a call are left out.
      const p = quotaPeriod!;
      return sql`select 'call' as kind, ${p.end}::date as fact_date, null::text as status, c.commit_amount as amount,
          c.currency, null::numeric as probability, null::date as created_date, c.person_id as owner_id,
          null::bigint as account_id, null::bigint as product_id
        from (select distinct on (person_id) * from forecast_calls
              where scope = 'own' and period = ${p.period} and submitted_at < (${p.end}::date + 1)
              order by person_id, submitted_at desc, id desc) c
        union all
        select * from (${won}) w
        where w.fact_date between ${p.start}::date and ${p.end}::date
          and exists (select 1 from forecast_calls c where c.person_id = w.owner_id and c.scope = 'own'
                        and c.period = ${p.period} and c.submitted_at < (${p.end}::date + 1))`;
    }
    default:
      return closed;
  }
}
