// The ASC 340-40 schedule of an approved period (docs/asc-340-40.md): the commission costs of the
// current approved or closed run of every period up to it, classified and amortised by
// core/comp/amortize-commissions.ts. A run's costs are incurred on its period_end:
//   - per credit, per component (comp_credit_earnings), with the transaction's contract term and
//     the component's kind from the plan version the payee was on;
//   - the rest of what the result earned (attainment bonuses, MBOs, guarantees, prior-period and
//     manual adjustments, rounding) as one uncapitalised cost;
//   - a non-recoverable draw's forgiven top-up: paid − earned − (draw balance − last period's).
import {
  type AmortizationReport,
  amortizeCommissions,
  type CommissionCost,
} from '@attain/core/comp/amortize-commissions.ts';
import { Decimal, ZERO } from '@attain/core/money/decimal.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { approvedRun, approvedRunsUpTo } from './current-run.ts';

export interface AmortizationOptions {
  /** A benefit period replacing every contract's term (e.g. the expected customer life, with renewals). */
  benefitMonths?: number;
}

export async function amortizationSchedule(
  db: Kysely<Database>,
  period: string,
  options: AmortizationOptions = {},
): Promise<AmortizationReport & { runs: { period: string; runId: string; status: string }[] }> {
  const target = await approvedRun(db, period);
  const runs = await approvedRunsUpTo(db, target.periodEnd);
  const runIds = runs.map((r) => r.id);
  const endOf = new Map(runs.map((r) => [r.id, r.periodEnd]));
  const costs: CommissionCost[] = [];
  if (runIds.length > 0) {
    const kinds = await componentKinds(db, runIds);
    const earnings = await db
      .selectFrom('comp_credit_earnings as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .innerJoin('transactions as t', 't.id', 'e.transaction_id')
      .select([
        'e.run_id',
        'e.person_id',
        'p.external_id as payee',
        't.external_id as transaction',
        't.contract_months',
        'e.plan_id',
        'e.component',
        'e.amount',
        'e.currency',
      ])
      .where('e.run_id', 'in', runIds)
      .execute();
    const attributed = new Map<string, Decimal>();
    for (const e of earnings) {
      const key = `${e.run_id}/${e.person_id}`;
      attributed.set(key, (attributed.get(key) ?? ZERO).plus(e.amount));
      costs.push({
        payee: e.payee,
        transaction: e.transaction,
        kind: kinds.get(`${e.run_id}/${e.person_id}/${e.plan_id}/${e.component}`) ?? 'unknown',
        incurred: endOf.get(e.run_id)!,
        amount: new Decimal(e.amount),
        currency: e.currency.trim(),
        contractMonths: e.contract_months,
        ...(options.benefitMonths !== undefined ? { benefitMonths: options.benefitMonths } : {}),
      });
    }
    const results = await db
      .selectFrom('comp_results as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select([
        'r.run_id',
        'r.person_id',
        'p.external_id as payee',
        'r.currency',
        'r.earned',
        'r.paid',
        'r.draw_balance',
      ])
      .where('r.run_id', 'in', runIds)
      .execute();
    const order = new Map(runs.map((r, i) => [r.id, i]));
    results.sort((a, b) => order.get(a.run_id)! - order.get(b.run_id)!);
    const lastBalance = new Map<string, Decimal>();
    for (const r of results) {
      const incurred = endOf.get(r.run_id)!;
      const currency = r.currency.trim();
      const rest = new Decimal(r.earned).minus(attributed.get(`${r.run_id}/${r.person_id}`) ?? ZERO);
      if (!rest.isZero()) costs.push({ payee: r.payee, kind: 'other', incurred, amount: rest, currency });
      const before = lastBalance.get(r.person_id) ?? ZERO;
      const forgiven = new Decimal(r.paid).minus(r.earned).minus(new Decimal(r.draw_balance).minus(before));
      if (!forgiven.isZero()) costs.push({ payee: r.payee, kind: 'draw', incurred, amount: forgiven, currency });
      lastBalance.set(r.person_id, new Decimal(r.draw_balance));
    }
  }
  const report = amortizeCommissions(costs, {
    period: target.period,
    start: target.periodStart,
    end: target.periodEnd,
  });
  return { ...report, runs: runs.map((r) => ({ period: r.period, runId: r.id, status: r.status })) };
}

/**
 * The kind of each (run, payee, plan, component) from the plan versions the result lists, the
 * latest version first; a component the documents do not name is 'unknown' (expensed).
 */
async function componentKinds(db: Kysely<Database>, runIds: string[]): Promise<Map<string, string>> {
  const results = await db
    .selectFrom('comp_results')
    .select(['run_id', 'person_id', 'plans'])
    .where('run_id', 'in', runIds)
    .execute();
  const plans = await db.selectFrom('plans').select(['plan_id', 'version', 'document']).execute();
  const documents = new Map(plans.map((p) => [`${p.plan_id}@${p.version}`, p.document]));
  const kinds = new Map<string, string>();
  for (const result of results) {
    const listed = (Array.isArray(result.plans) ? result.plans : []) as { planId?: string; version?: number }[];
    for (const { planId, version } of [...listed].sort((a, b) => (a.version ?? 0) - (b.version ?? 0))) {
      const document = documents.get(`${planId}@${version}`) as { components?: { id?: string; kind?: string }[] };
      for (const component of document?.components ?? []) {
        if (component.id && component.kind) {
          kinds.set(`${result.run_id}/${result.person_id}/${planId}/${component.id}`, component.kind);
        }
      }
    }
  }
  return kinds;
}
