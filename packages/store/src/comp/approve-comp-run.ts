// attain comp approve --period P: the period's current run, reviewed, becomes the one to pay.
import { AttainError } from '@attain/core/errors.ts';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';
import { currentRun } from './current-run.ts';

export interface RunDecision {
  runId: string;
  period: string;
  status: 'approved' | 'closed';
  by: string;
}

export async function approveCompRun(
  db: Kysely<Database>,
  options: { period: string; actor: string },
): Promise<RunDecision> {
  return db.transaction().execute(async (trx) => {
    const run = await currentRun(trx, options.period);
    if (!run) {
      throw new AttainError('RUN_NOT_FOUND', `Period ${options.period} has no compensation run: run it first`, {
        period: options.period,
      });
    }
    if (run.status !== 'draft') {
      throw new AttainError('RUN_NOT_DRAFT', `The run of ${options.period} is already ${run.status}`, {
        period: options.period,
        run: run.id,
        status: run.status,
      });
    }
    await trx
      .updateTable('comp_runs')
      .set({ status: 'approved', approved_by: options.actor, approved_at: new Date().toISOString() })
      .where('id', '=', run.id)
      .execute();
    await writeAudit(trx, {
      actor: options.actor,
      action: 'comp.approve',
      entity: 'comp_run',
      entityId: run.id,
      before: { status: 'draft' },
      after: { status: 'approved' },
    });
    return { runId: run.id, period: run.period, status: 'approved', by: options.actor };
  });
}
