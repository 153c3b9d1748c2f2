// attain comp close --period P: locks the approved run. From then on its results never change
// (a trigger refuses it); later changes reach the payee as prior-period adjustments in the first
// open period, and no effective-dated change may land inside it. Periods close in order.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import type { RunDecision } from './approve-comp-run.ts';
import { currentRun } from './current-run.ts';

export async function closeCompPeriod(
  db: Kysely<Database>,
  options: { period: string; actor: string },
): Promise<RunDecision> {
  return db.transaction().execute(async (trx) => {
    const run = await currentRun(trx, options.period);
    if (run?.status !== 'approved') {
      const status = run?.status ?? 'not run';
      throw new AttainError(
        status === 'closed' ? 'PERIOD_CLOSED' : 'PERIOD_NOT_APPROVED',
        status === 'closed'
          ? `Period ${options.period} is already closed`
          : `Period ${options.period} is ${status === 'not run' ? 'not run yet' : status}: approve its run before closing`,
        { period: options.period, status },
      );
    }
    const open = await sql<{ period: string; status: string }>`
      select distinct on (period) period, status from comp_runs
       where period_end < ${run.periodStart} and status <> 'superseded'
       order by period, id desc`.execute(trx);
    const earlier = open.rows.filter((r) => r.status !== 'closed').map((r) => r.period);
    if (earlier.length > 0) {
      throw new AttainError(
        'PERIOD_ORDER',
        `Close ${earlier.join(', ')} before ${options.period}: periods close in order`,
        { period: options.period, open: earlier },
      );
    }
    await trx
      .updateTable('comp_runs')
      .set({ status: 'closed', closed_by: options.actor, closed_at: new Date().toISOString() })
      .where('id', '=', run.id)
      .execute();
    await sql`
      insert into closed_periods (period, start_date, end_date, closed_by)
      values (${run.period}, ${run.periodStart}, ${run.periodEnd}, ${options.actor})
      on conflict (period) do nothing`.execute(trx);
    await writeAudit(trx, {
      actor: options.actor,
      action: 'comp.close',
      entity: 'comp_run',
      entityId: run.id,
      before: { status: 'approved' },
      after: { status: 'closed' },
    });
    return { runId: run.id, period: run.period, status: 'closed', by: options.actor };
  });
}
