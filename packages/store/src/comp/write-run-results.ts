// Writes one payee's result into a run: the result row, its lines, and what each credit earned
// (aggregated per transaction, plan and component); or the hold that kept the payee from being paid.
import type { PayPeriodResult } from '@attain/core/comp/compute-pay-period.ts';
import type { Decimal } from '@attain/core/money/decimal.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export async function writeResult(
  trx: Transaction<Database>,
  runId: string,
  personId: string,
  result: PayPeriodResult,
  inputsHash: string,
  transactionOf: ReadonlyMap<string, string>,
): Promise<void> {
  await trx
    .insertInto('comp_results')
    .values({
      run_id: runId,
      person_id: personId,
      currency: result.currency,
      earned: result.earned.toFixed(),
      paid: result.paid.toFixed(),
      draw_balance: result.drawBalance.toFixed(),
      inputs_hash: inputsHash,
      plans: JSON.stringify(result.plans),
      explain: JSON.stringify(result.explain),
    })
    .execute();
  if (result.lines.length > 0) {
    await trx
      .insertInto('comp_result_lines')
      .values(
        result.lines.map((l, i) => ({
          run_id: runId,
          person_id: personId,
          line: i + 1,
          kind: l.kind,
          plan_id: l.planId ?? null,
          component: l.component ?? null,
          source_period: l.sourcePeriod ?? null,
          amount: l.amount.toFixed(),
          currency: result.currency,
          adjustment_id: l.adjustmentId ?? null,
        })),
      )
      .execute();
  }
  const earnings = new Map<string, { transaction: string; plan: string; component: string; amount: Decimal }>();
  for (const e of result.creditEarnings) {
    const transaction = transactionOf.get(e.credit);
    if (transaction === undefined) continue;
    const key = `${transaction}|${e.planId}|${e.component}`;
    const before = earnings.get(key);
    earnings.set(key, {
      transaction,
      plan: e.planId,
      component: e.component,
      amount: before ? before.amount.plus(e.amount) : e.amount,
    });
  }
  const rows = [...earnings.values()].map((e) => ({
    run_id: runId,
    person_id: personId,
    transaction_id: e.transaction,
    plan_id: e.plan,
    component: e.component,
    amount: e.amount.toFixed(),
    currency: result.currency,
  }));
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('comp_credit_earnings')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
}

export async function writeHold(
  trx: Transaction<Database>,
  runId: string,
  personId: string,
  hold: { code: string; message: string; details: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('comp_holds')
    .values({
      run_id: runId,
      person_id: personId,
      code: hold.code,
      message: hold.message,
      details: JSON.stringify(hold.details),
    })
    .execute();
}
