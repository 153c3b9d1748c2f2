// The current run of a pay period (lead's contract for comp_runs): the highest id whose status is
// not 'superseded'. A period is approved when its current run is 'approved' or 'closed'; payroll
// files and the ASC 340-40 schedule are only produced from approved periods.
import { AttainError } from '@attain/core/errors.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface CurrentRun {
  id: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  status: 'draft' | 'approved' | 'closed';
}

export async function currentRun(db: Kysely<Database>, period: string): Promise<CurrentRun | undefined> {
  const run = await db
    .selectFrom('comp_runs')
    .select(['id', 'period', 'period_start', 'period_end', 'status'])
    .where('period', '=', period)
    .where('status', '<>', 'superseded')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  return {
    id: run.id,
    period: run.period,
    periodStart: run.period_start,
    periodEnd: run.period_end,
    status: run.status as CurrentRun['status'],
  };
}

export function isApproved(run: CurrentRun): boolean {
  return run.status === 'approved' || run.status === 'closed';
}

/** The period's current run when it is approved or closed, else PERIOD_NOT_APPROVED with its status. */
export async function approvedRun(db: Kysely<Database>, period: string): Promise<CurrentRun> {
  const run = await currentRun(db, period);
  if (run && isApproved(run)) return run;
  const status = run?.status ?? 'not run';
  throw new AttainError(
    'PERIOD_NOT_APPROVED',
    `Period ${period} is ${status === 'not run' ? 'not run yet' : status}: approve its compensation run first`,
    { period, status },
  );
}

/** The current runs of every period ending on or before `end` that are approved or closed, oldest first. */
export async function approvedRunsUpTo(db: Kysely<Database>, end: string): Promise<CurrentRun[]> {
  const rows = await db
    .selectFrom('comp_runs')
    .select(['id', 'period', 'period_start', 'period_end', 'status'])
    .where('period_end', '<=', end)
    .where('status', '<>', 'superseded')
    .orderBy('period')
    .orderBy('id', 'desc')
    .distinctOn('period')
    .execute();
  return rows
    .map((run) => ({
      id: run.id,
      period: run.period,
      periodStart: run.period_start,
      periodEnd: run.period_end,
      status: run.status as CurrentRun['status'],
    }))
    .filter(isApproved)
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
}
