// attain comp run --period P (docs/compensation.md): credit the transactions (set-based SQL), then
// for every payee compute the pay period through the same engine as `attain simulate`, and store
// a draft run: results, lines, what each credit earned, and holds for payees that cannot be paid
// without guessing. One transaction: a run lands whole or not at all. Incremental by default: a
// payee whose inputs hash equals the current run's is copied, not recomputed.
import { createHash } from 'node:crypto';
import { fiscalYearOf } from '@attain/core/calendar/fiscal-year.ts';
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { Period } from '@attain/core/calendar/period.ts';
import { computePayPeriod, type PayPeriodResult } from '@attain/core/comp/compute-pay-period.ts';
import { isCreditBlind } from '@attain/core/comp/credit-blind.ts';
import { payeeSegments } from '@attain/core/comp/payee-segments.ts';
import type { Plan } from '@attain/core/comp/plan-schema.ts';
import type { FxRate } from '@attain/core/comp/scenario-schema.ts';
import { AttainError, isAttainError } from '@attain/core/errors.ts';
import { Decimal } from '@attain/core/money/decimal.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { type CreditingMode, creditIfChanged } from './credit-if-changed.ts';
import type { CreditingResult } from './credit-transactions.ts';
import { bundledPayees, fxRowsFor, loadPayeeInputs, type PayeeInputs, payeesOfRun } from './load-run-inputs.ts';
import { planVersionsInForce, type StoredPlan, versionInForce } from './plan-versions.ts';
import { stageCreditRows } from './run-credit-rows.ts';
import { writeHold, writeResult } from './write-run-results.ts';

export interface RunCompOptions {
  period: string;
  /** incremental (default) copies unchanged payees from the period's current run; full recomputes all. */
  mode?: 'full' | 'incremental';
  actor: string;
  /** Payees per batch of queries; bounds memory on large companies. */
  batchSize?: number;
  /**
   * false skips crediting: only for a caller that has just credited the look-back itself and
   * changed nothing since (the demo runs a year of months after one crediting).
   */
  credit?: boolean;
  /** Told as the run goes: `crediting`, `reading credits`, then `payees` done of total. */
  onProgress?: (step: string, done: number, total?: number) => void;
}

export interface Hold {
  person: string;
  code: string;
  message: string;
}

export interface RunCompResult {
  runId: string;
  period: string;
  start: string;
  end: string;
  mode: 'full' | 'incremental';
  status: 'draft';
  payees: number;
  recomputed: number;
  unchanged: number;
  held: number;
  holds: Hold[];
  totals: { currency: string; earned: string; paid: string }[];
  crediting: CreditingResult & { uncredited: number; mode: CreditingMode };
  supersedes: string | null;
}

export async function runComp(db: Kysely<Database>, options: RunCompOptions): Promise<RunCompResult> {
  const settings = await readSettings(db);
  const calendar = settings.fiscalCalendar;
  const period = parsePeriod(calendar, options.period);
  const mode = options.mode ?? 'incremental';
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('attain.comp-run'))`.execute(trx);
    const previous = await trx
      .selectFrom('comp_runs')
      .select(['id', 'status'])
      .where('period', '=', period.period)
      .where('status', '<>', 'superseded')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (previous?.status === 'closed') {
      throw new AttainError(
        'PERIOD_CLOSED',
        `Period ${period.period} is closed: its results never change; a later run posts any difference as a prior-period adjustment`,
        { period: period.period, run: previous.id },
      );
    }
    const progress = options.onProgress ?? (() => {});
    const lookbackFrom = await lookbackStart(trx, calendar, period);
    progress('crediting', 0);
    const crediting =
      options.credit === false
        ? { transactions: 0, credits: 0, exceptions: 0, mode: 'skipped' as const }
        : await creditIfChanged(trx, { from: lookbackFrom, to: period.end }, { force: mode === 'full' });
    const uncredited = await trx
      .selectFrom('credit_exceptions')
      .innerJoin('transactions', 'transactions.id', 'credit_exceptions.transaction_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('transactions.date', '>=', lookbackFrom)
      .where('transactions.date', '<=', period.end)
      .executeTakeFirstOrThrow();

    const run = await trx
      .insertInto('comp_runs')
      .values({
        period: period.period,
        period_start: period.start,
        period_end: period.end,
        mode,
        run_by: options.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const previousHashes =
      mode === 'incremental' && previous ? await hashesOf(trx, previous.id) : new Map<string, string>();
    const closedPeriods = (
      await trx
        .selectFrom('comp_runs')
        .select(['period', 'period_start', 'period_end'])
        .where('status', '=', 'closed')
        .execute()
    ).map((r) => ({ period: r.period, start: r.period_start, end: r.period_end }));

    const payees = await payeesOfRun(trx, { lookbackFrom, end: period.end, period: period.period });
    const planIds = (await trx.selectFrom('plan_assignments').select('plan_id').distinct().execute()).map(
      (r) => r.plan_id,
    );
    const versions = await planVersionsInForce(trx, planIds);
    const plansAtEnd = new Map<string, { plan: Plan; version: number }>();
    for (const [id, list] of versions) {
      const v: StoredPlan | undefined = versionInForce(list, period.end);
      if (v) plansAtEnd.set(id, { plan: v.plan, version: v.version });
    }

    // Plans whose every version reads credits only through totals: their payees' earlier credits
    // arrive summed per day (load-run-inputs), the same numbers at a fraction of the work.
    const bundlePlans = [...versions].filter(([, list]) => list.every((v) => isCreditBlind(v.plan))).map(([id]) => id);

    progress('reading credits', 0);
    const creditWindow = { lookbackFrom, start: period.start, end: period.end };
    await stageCreditRows(trx, payees, await bundledPayees(trx, payees, bundlePlans), creditWindow);

    const summary = { recomputed: 0, unchanged: 0, held: 0, holds: [] as Hold[] };
    const totals = new Map<string, { earned: Decimal; paid: Decimal }>();
    const batchSize = options.batchSize ?? 50;
    const load = (i: number) => {
      if (i >= payees.length) return undefined;
      const loading = loadPayeeInputs(trx, payees.slice(i, i + batchSize), {
        ...creditWindow,
        period: period.period,
        staged: true,
      });
      // Awaited on the next turn of the loop; a failure meanwhile must not go unhandled.
      loading.catch(() => {});
      return loading;
    };
    let next = load(0);
    for (let i = 0; i < payees.length; i += batchSize) {
      const inputs = await next!;
      const prepared = new Map<string, ReturnType<typeof prepare>>();
      for (const [personId, payee] of inputs) {
        prepared.set(personId, prepare(payee, { calendar, period, lookbackFrom, plansAtEnd, closedPeriods }));
      }
      const fx = await fxRowsFor(
        trx,
        [...prepared.values()].flatMap((p) => ('needs' in p ? p.needs : [])),
      );
      // The next batch's reads run in the database while this batch computes here; this batch's
      // writes queue behind them.
      next = load(i + batchSize);
      const copy: string[] = [];
      const holds: [string, { code: string; message: string; details: Record<string, unknown> }][] = [];
      const results: [string, PayPeriodResult, string, ReadonlyMap<string, string>][] = [];
      for (const [personId, p] of prepared) {
        if ('hold' in p) {
          holds.push([personId, p.hold]);
          continue;
        }
        const input = { ...p.input, fx: fxFor(fx, p.needs) };
        const hash = hashOf(input);
        if (previousHashes.get(personId) === hash) {
          copy.push(personId);
          continue;
        }
        try {
          const result = computePayPeriod(input);
          if (result.due) results.push([personId, result, hash, p.transactionOf]);
        } catch (error) {
          if (!isAttainError(error)) throw error;
          holds.push([personId, { code: error.code, message: error.message, details: error.details }]);
        }
      }
      for (const [personId, hold] of holds) {
        await writeHold(trx, run.id, personId, hold);
        summary.held++;
        if (summary.holds.length < 50) summary.holds.push({ person: inputs.get(personId)!.externalId, ...hold });
      }
      for (const [personId, result, hash, transactionOf] of results) {
        await writeResult(trx, run.id, personId, result, hash, transactionOf);
        summary.recomputed++;
      }
      if (copy.length > 0) {
        await copyResults(trx, previous!.id, run.id, copy);
        summary.unchanged += copy.length;
      }
      progress('payees', Math.min(i + batchSize, payees.length), payees.length);
    }
    // Totals include the copied payees.
    const copiedTotals = await sql<{ currency: string; earned: string; paid: string }>`
      select currency, sum(earned) as earned, sum(paid) as paid from comp_results
       where run_id = ${run.id} group by currency order by currency`.execute(trx);
    totals.clear();
    for (const t of copiedTotals.rows) addTotals(totals, t.currency, new Decimal(t.earned), new Decimal(t.paid));

    if (previous)
      await trx.updateTable('comp_runs').set({ status: 'superseded' }).where('id', '=', previous.id).execute();
    const paidPayees = summary.recomputed + summary.unchanged;
    await trx
      .updateTable('comp_runs')
      .set({
        finished_at: sql`now()`,
        payees: paidPayees,
        recomputed: summary.recomputed,
        held: summary.held,
      })
      .where('id', '=', run.id)
      .execute();
    await writeAudit(trx, {
      actor: options.actor,
      action: 'comp.run',
      entity: 'comp_run',
      entityId: run.id,
      after: { period: period.period, mode, payees: paidPayees, recomputed: summary.recomputed, held: summary.held },
    });
    return {
      runId: run.id,
      period: period.period,
      start: period.start,
      end: period.end,
      mode,
      status: 'draft' as const,
      payees: paidPayees,
      recomputed: summary.recomputed,
      unchanged: summary.unchanged,
      held: summary.held,
      holds: summary.holds,
      totals: [...totals].map(([currency, t]) => ({
        currency,
        earned: t.earned.toFixed(2),
        paid: t.paid.toFixed(2),
      })),
      crediting: { ...crediting, uncredited: Number(uncredited.n) },
      supersedes: previous?.id ?? null,
    };
  });
}

/**
 * How far back a run reads: the fiscal year holding the period, extended to the fiscal year of any
 * credit a cancellation in that span takes back (its quota period is re-priced).
 */
export async function lookbackStart(
  trx: Kysely<Database>,
  calendar: Parameters<typeof fiscalYearOf>[0],
  period: Period,
) {
  const yearStart = fiscalYearOf(calendar, period.end).start;
  const earliest = await sql<{ date: string | null }>`
    select min(x.date) as date from transactions t join transactions x on x.id = t.cancels_id
     where t.date between ${yearStart} and ${period.end}`.execute(trx);
  const date = earliest.rows[0]?.date;
  return date && date < yearStart ? fiscalYearOf(calendar, date).start : yearStart;
}

type Prepared =
  | { hold: { code: string; message: string; details: Record<string, unknown> } }
  | {
      input: Omit<Parameters<typeof computePayPeriod>[0], 'fx'>;
      needs: { from: string; to: string; date: string }[];
      transactionOf: Map<string, string>;
    };

function prepare(
  payee: PayeeInputs,
  context: {
    calendar: Parameters<typeof payeeSegments>[0]['calendar'];
    period: Period;
    lookbackFrom: string;
    plansAtEnd: Map<string, { plan: Plan; version: number }>;
    closedPeriods: Period[];
  },
): Prepared {
  try {
    const segments = payeeSegments({
      payeeId: payee.externalId,
      calendar: context.calendar,
      period: context.period,
      lookbackFrom: context.lookbackFrom,
      assignments: payee.assignments,
      plans: context.plansAtEnd,
      quotas: payee.quotas,
      employment: {
        ...(payee.hireDate ? { hireDate: payee.hireDate } : {}),
        ...(payee.termDate ? { termDate: payee.termDate } : {}),
      },
      credits: payee.credits,
      mbo: payee.mbo,
    });
    const needs: { from: string; to: string; date: string }[] = [];
    for (const s of segments) {
      for (const c of s.credits) {
        if (c.currency !== undefined && c.currency !== s.plan.currency) {
          needs.push({ from: c.currency, to: s.plan.currency, date: c.date });
        }
      }
    }
    return {
      input: {
        payeeId: payee.externalId,
        calendar: context.calendar,
        period: context.period,
        segments,
        posted: payee.posted,
        closedPeriods: context.closedPeriods,
        adjustments: payee.adjustments,
        openingDrawBalance: payee.openingDrawBalance,
      },
      needs: dedupe(needs),
      transactionOf: new Map(payee.credits.flatMap((c) => (c.transactionId === null ? [] : [[c.id, c.transactionId]]))),
    };
  } catch (error) {
    if (!isAttainError(error)) throw error;
    return { hold: { code: error.code, message: error.message, details: error.details } };
  }
}

function dedupe(needs: { from: string; to: string; date: string }[]) {
  const seen = new Map<string, { from: string; to: string; date: string }>();
  for (const n of needs) seen.set(`${n.from}${n.to}${n.date}`, n);
  return [...seen.values()];
}

/** Only the rows of the pairs this payee converts, so the engine's lookups stay short. */
function fxFor(rows: readonly FxRate[], needs: readonly { from: string; to: string }[]): FxRate[] {
  const pairs = new Set(needs.flatMap((n) => [`${n.from}${n.to}`, `${n.to}${n.from}`]));
  return rows.filter((r) => pairs.has(`${r.from}${r.to}`));
}

// The engine's input holds plain objects, arrays, strings, numbers and Decimals (whose toJSON
// writes their digits) — no Map or Set, which JSON would write as {} — so it is stringified as is:
// a replacer called for each of a large company's hundred million values took 9 s of a run.
function hashOf(input: Parameters<typeof computePayPeriod>[0]): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

async function hashesOf(trx: Transaction<Database>, runId: string): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('comp_results')
    .select(['person_id', 'inputs_hash'])
    .where('run_id', '=', runId)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.inputs_hash]));
}

async function copyResults(trx: Transaction<Database>, from: string, to: string, personIds: string[]) {
  await sql`
    insert into comp_results (run_id, person_id, currency, earned, paid, draw_balance, inputs_hash, plans, explain)
    select ${to}, person_id, currency, earned, paid, draw_balance, inputs_hash, plans, explain from comp_results
     where run_id = ${from} and person_id = any(${personIds}::bigint[])`.execute(trx);
  await sql`
    insert into comp_result_lines (run_id, person_id, line, kind, plan_id, component, source_period, amount, currency, adjustment_id)
    select ${to}, person_id, line, kind, plan_id, component, source_period, amount, currency, adjustment_id from comp_result_lines
     where run_id = ${from} and person_id = any(${personIds}::bigint[])`.execute(trx);
  await sql`
    insert into comp_credit_earnings (run_id, person_id, transaction_id, plan_id, component, amount, currency)
    select ${to}, person_id, transaction_id, plan_id, component, amount, currency from comp_credit_earnings
     where run_id = ${from} and person_id = any(${personIds}::bigint[])`.execute(trx);
}

function addTotals(
  totals: Map<string, { earned: Decimal; paid: Decimal }>,
  currency: string,
  earned: Decimal,
  paid: Decimal,
) {
  const t = totals.get(currency) ?? { earned: new Decimal(0), paid: new Decimal(0) };
  totals.set(currency, { earned: t.earned.plus(earned), paid: t.paid.plus(paid) });
}
