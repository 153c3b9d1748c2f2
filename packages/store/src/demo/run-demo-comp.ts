// The demo's compensation year: credit the fiscal year (and what its cancellations reach back to) once, then run every complete month of it
// in order — approve and close each, except the last, which is left approved so the close (and
// payroll) can be tried — the way an ops team would have, month by month.
import { fiscalYearOf } from '@attain/core/calendar/fiscal-year.ts';
import { periodOf, periodsBetween } from '@attain/core/calendar/period-of.ts';
import { addDays } from '@attain/core/dates/iso-date.ts';
import type { Kysely } from 'kysely';
import { approveCompRun } from '../comp/approve-comp-run.ts';
import { closeCompPeriod } from '../comp/close-comp-period.ts';
import { creditIfChanged } from '../comp/credit-if-changed.ts';
import { lookbackStart, runComp } from '../comp/run-comp.ts';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';

export interface DemoCompResult {
  months: string[];
  closed: string[];
  approved: string | null;
  held: number;
}

export async function runDemoComp(
  db: Kysely<Database>,
  options: { today: string; onProgress?: (step: string, done: number, total?: number) => void },
): Promise<DemoCompResult> {
  const { fiscalCalendar } = await readSettings(db);
  const lastComplete = addDays(periodOf(fiscalCalendar, options.today, 'month').start, -1);
  const year = fiscalYearOf(fiscalCalendar, lastComplete);
  const months = periodsBetween(fiscalCalendar, 'month', year.start, lastComplete);
  const actor = 'demo:ops';
  options.onProgress?.('crediting', 0);
  const last = months.at(-1);
  if (!last) return { months: [], closed: [], approved: null, held: 0 };
  await creditIfChanged(db, { from: await lookbackStart(db, fiscalCalendar, last), to: lastComplete });
  options.onProgress?.('crediting', 1, 1);
  const closed: string[] = [];
  let held = 0;
  for (const [i, month] of months.entries()) {
    options.onProgress?.('compensation runs', i, months.length);
    const run = await runComp(db, { period: month.period, mode: 'full', actor, credit: false });
    held = run.held;
    await approveCompRun(db, { period: month.period, actor: 'demo:finance' });
    if (i < months.length - 1) {
      await closeCompPeriod(db, { period: month.period, actor: 'demo:finance' });
      closed.push(month.period);
    }
  }
  options.onProgress?.('compensation runs', months.length, months.length);
  return { months: months.map((m) => m.period), closed, approved: months.at(-1)?.period ?? null, held };
}
