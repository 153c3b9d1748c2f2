// The home dashboard's SQL for the whole company and for one manager's team.
import { dashboardFigures } from '@attain/store/dashboard/dashboard-figures.ts';
import { oneManagerTeam } from './one-manager-team.ts';
import type { BenchContext } from './run.ts';

export async function run(context: BenchContext): Promise<void> {
  const db = context.store.db;
  let started = performance.now();
  await dashboardFigures(db, { kind: 'all' }, context.today);
  context.record('dashboard figures: whole company', performance.now() - started);

  const visibility = await oneManagerTeam(context);
  started = performance.now();
  await dashboardFigures(db, visibility, context.today);
  context.record('dashboard figures: one manager team', performance.now() - started);
}
