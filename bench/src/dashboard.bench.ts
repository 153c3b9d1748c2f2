// The home dashboard's SQL for the whole company and for one manager's team.
import { dashboardFigures } from '@attain/store/dashboard/dashboard-figures.ts';
import { visiblePeople } from '@attain/store/visibility/visible-people.ts';
import type { BenchContext } from './run.ts';

export async function run(context: BenchContext): Promise<void> {
  const db = context.store.db;
  let started = performance.now();
  await dashboardFigures(db, { kind: 'all' }, context.today);
  context.record('dashboard figures: whole company', performance.now() - started);

  const manager = await db
    .selectFrom('person_history')
    .select('person_id')
    .where('job_role', '=', 'manager')
    .orderBy('person_id')
    .executeTakeFirstOrThrow();
  const visibility = await visiblePeople(db, { role: 'manager', personId: manager.person_id }, context.today);
  started = performance.now();
  await dashboardFigures(db, visibility, context.today);
  context.record('dashboard figures: one manager team', performance.now() - started);
}
