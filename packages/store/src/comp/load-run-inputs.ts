// What a compensation run reads for a batch of payees, a few set-based queries per batch: plan
// assignments, people, quotas, credits (with what `when` filters on), FX rows, MBO scores, what
// closed runs posted, the opening draw balance and approved manual adjustments.
import type { Credit, FxRate } from '@attain/core/comp/scenario-schema.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { creditRowsOf, stagedCreditRowsOf } from './run-credit-rows.ts';

export interface AssignmentRow {
  personId: string;
  planId: string;
  validFrom: string;
  validTo: string | null;
  targetIncentive: Decimal | undefined;
}

export interface QuotaRow {
  measure: string;
  period: string;
  start: string;
  end: string;
  amount: Decimal;
  currency: string;
}

export interface PayeeInputs {
  personId: string;
  externalId: string;
  hireDate: string | null;
  termDate: string | null;
  assignments: AssignmentRow[];
  quotas: QuotaRow[];
  /** `transactionId` null: a day's credits summed (see `LoadWindow.bundlePlans`). */
  credits: (Credit & { transactionId: string | null })[];
  mbo: Record<string, Record<string, Decimal>>;
  posted: { planId: string; component: string; period: string; amount: Decimal }[];
  openingDrawBalance: Decimal;
  adjustments: { id: string; amount: Decimal }[];
}

/** Everyone a run of [start, end] may pay: a plan assignment reaching into the lookback, or an adjustment. */
export async function payeesOfRun(
  db: Kysely<Database>,
  window: { lookbackFrom: string; end: string; period: string },
): Promise<string[]> {
  const rows = await sql<{ person_id: string }>`
    select person_id from plan_assignments
     where valid_from <= ${window.end} and (valid_to is null or valid_to > ${window.lookbackFrom})
    union
    select person_id from comp_adjustments where period = ${window.period} and approver is not null
    order by 1`.execute(db);
  return rows.rows.map((r) => r.person_id);
}

export interface LoadWindow {
  lookbackFrom: string;
  start: string;
  end: string;
  period: string;
  /**
   * Plans that read credits only through running totals (`isCreditBlind`). A payee all of whose
   * assignments are on such plans gets the credits dated before `start` summed per day, measure
   * and currency; credits of the run's period, cancellations and cancelled credits stay single,
   * so statements, explanations and clawbacks still name transactions.
   */
  bundlePlans?: readonly string[];
  /** The credits rows were staged for the whole run (`stageCreditRows`); `bundlePlans` is then unused. */
  staged?: boolean;
}

export async function loadPayeeInputs(
  db: Kysely<Database>,
  personIds: readonly string[],
  window: LoadWindow,
): Promise<Map<string, PayeeInputs>> {
  const ids = personIds.map(String);
  const byPerson = new Map<string, PayeeInputs>();
  const people = await sql<{ id: string; external_id: string; hire_date: string | null; term_date: string | null }>`
    select id, external_id, hire_date, term_date from people where id = any(${ids}::bigint[])`.execute(db);
  for (const p of people.rows) {
    byPerson.set(p.id, {
      personId: p.id,
      externalId: p.external_id,
      hireDate: p.hire_date,
      termDate: p.term_date,
      assignments: [],
      quotas: [],
      credits: [],
      mbo: {},
      posted: [],
      openingDrawBalance: new Decimal(0),
      adjustments: [],
    });
  }
  const of = (id: string) => byPerson.get(id)!;

  const assignments = await sql<{
    person_id: string;
    plan_id: string;
    valid_from: string;
    valid_to: string | null;
    target_incentive: string | null;
  }>`
    select person_id, plan_id, valid_from, valid_to, target_incentive from plan_assignments
     where person_id = any(${ids}::bigint[])
     order by person_id, valid_from`.execute(db);
  for (const a of assignments.rows) {
    of(a.person_id).assignments.push({
      personId: a.person_id,
      planId: a.plan_id,
      validFrom: a.valid_from,
      validTo: a.valid_to,
      targetIncentive: a.target_incentive === null ? undefined : new Decimal(a.target_incentive),
    });
  }

  const quotas = await sql<{
    person_id: string;
    measure: string;
    period: string;
    period_start: string;
    period_end: string;
    amount: string;
    currency: string;
  }>`
    select person_id, measure, period, period_start, period_end, amount, currency from quotas
     where person_id = any(${ids}::bigint[]) and valid_to is null
       and period_end >= ${window.lookbackFrom} and period_start <= ${window.end}`.execute(db);
  for (const q of quotas.rows) {
    of(q.person_id).quotas.push({
      measure: q.measure,
      period: q.period,
      start: q.period_start,
      end: q.period_end,
      amount: new Decimal(q.amount),
      currency: q.currency,
    });
  }

  const credits = window.staged
    ? await stagedCreditRowsOf(db, ids)
    : await creditRowsOf(db, ids, await bundledPayees(db, ids, window.bundlePlans ?? []), window);
  for (const c of credits) {
    if (c.n !== null) {
      of(c.person_id).credits.push({
        id: `${c.n} ${c.measure} credits of ${c.date} in ${c.currency}`,
        transactionId: null,
        date: c.date,
        measure: c.measure,
        amount: new Decimal(c.amount),
        currency: c.currency,
      });
      continue;
    }
    const suffix = creditSuffix(c.kind!);
    of(c.person_id).credits.push({
      id: c.external_id + suffix,
      transactionId: c.transaction_id,
      date: c.date,
      measure: c.measure,
      amount: new Decimal(c.amount),
      currency: c.currency,
      ...(c.deal_type === null ? {} : { type: c.deal_type }),
      ...(c.product === null ? {} : { product: c.product }),
      ...(c.family === null ? {} : { productFamily: c.family }),
      ...(c.contract_months === null ? {} : { contractMonths: Number(c.contract_months) }),
      ...(c.cancels === null ? {} : { cancels: c.cancels + suffix }),
    });
  }

  const scores = await sql<{ person_id: string; component: string; period: string; score: string }>`
    select person_id, component, period, score from mbo_scores where person_id = any(${ids}::bigint[])`.execute(db);
  for (const s of scores.rows) {
    const mbo = of(s.person_id).mbo;
    mbo[s.period] = { ...mbo[s.period], [s.component]: new Decimal(s.score) };
  }

  const posted = await sql<{ person_id: string; plan_id: string; component: string; period: string; amount: string }>`
    select l.person_id, l.plan_id, l.component, coalesce(l.source_period, r.period) as period, sum(l.amount) as amount
      from comp_result_lines l join comp_runs r on r.id = l.run_id
     where r.status = 'closed' and l.kind in ('component', 'prior_period') and l.person_id = any(${ids}::bigint[])
     group by 1, 2, 3, 4`.execute(db);
  for (const p of posted.rows) {
    of(p.person_id).posted.push({
      planId: p.plan_id,
      component: p.component,
      period: p.period,
      amount: new Decimal(p.amount),
    });
  }

  const balances = await sql<{ person_id: string; draw_balance: string }>`
    select distinct on (cr.person_id) cr.person_id, cr.draw_balance
      from comp_results cr join comp_runs r on r.id = cr.run_id
     where r.status <> 'superseded' and r.period_end < ${window.start} and cr.person_id = any(${ids}::bigint[])
     order by cr.person_id, r.period_end desc, r.id desc`.execute(db);
  for (const b of balances.rows) of(b.person_id).openingDrawBalance = new Decimal(b.draw_balance);

  const adjustments = await sql<{ id: string; person_id: string; amount: string }>`
    select id, person_id, amount from comp_adjustments
     where period = ${window.period} and approver is not null and person_id = any(${ids}::bigint[])
     order by id`.execute(db);
  for (const a of adjustments.rows) of(a.person_id).adjustments.push({ id: a.id, amount: new Decimal(a.amount) });

  return byPerson;
}

/** The payees all of whose plan assignments are on plans that read credits only through totals. */
export async function bundledPayees(db: Kysely<Database>, ids: string[], plans: readonly string[]): Promise<string[]> {
  if (plans.length === 0) return [];
  const rows = await sql<{ person_id: string }>`
    select person_id from plan_assignments where person_id = any(${ids}::bigint[])
     group by person_id having bool_and(plan_id = any(${[...plans]}::text[]))`.execute(db);
  return rows.rows.map((r) => r.person_id);
}

/** A payee may hold a transaction twice (own deal, and a team member's roll-up): the ids differ by kind. */
export function creditSuffix(kind: string): string {
  return kind === 'overlay' || kind === 'rollup' ? `/${kind}` : '';
}

/**
 * The FX rows the engine needs to convert each (currency, plan currency, date), looked up set-based:
 * the direct pair's latest row on or before the date, else the reverse pair's. Giving the engine
 * exactly these table rows makes it pick the same rate the table holds.
 */
export async function fxRowsFor(
  db: Kysely<Database>,
  needs: readonly { from: string; to: string; date: string }[],
): Promise<FxRate[]> {
  if (needs.length === 0) return [];
  const rows = await sql<{
    f: string;
    t: string;
    d_date: string | null;
    d_rate: string | null;
    r_date: string | null;
    r_rate: string | null;
  }>`
    select n.f::text as f, n.t::text as t, d.date as d_date, d.rate as d_rate, r.date as r_date, r.rate as r_rate
      from unnest(${needs.map((n) => n.from)}::char(3)[], ${needs.map((n) => n.to)}::char(3)[], ${needs.map((n) => n.date)}::date[]) as n(f, t, d)
      left join lateral (select date, rate from fx_rates
                          where from_currency = n.f and to_currency = n.t and date <= n.d
                          order by date desc limit 1) d on true
      left join lateral (select date, rate from fx_rates
                          where from_currency = n.t and to_currency = n.f and date <= n.d
                          order by date desc limit 1) r on d.date is null`.execute(db);
  const seen = new Set<string>();
  const out: FxRate[] = [];
  for (const row of rows.rows) {
    const rate =
      row.d_date !== null
        ? { date: row.d_date, from: row.f, to: row.t, rate: new Decimal(row.d_rate!) }
        : row.r_date !== null
          ? { date: row.r_date, from: row.t, to: row.f, rate: new Decimal(row.r_rate!) }
          : undefined;
    if (!rate) continue;
    const key = `${rate.from}${rate.to}${rate.date}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(rate);
    }
  }
  return out;
}
