// What the first manager of the demo sees: the team the benchmarks measure a manager's view on.
import { type Visibility, visiblePeople } from '@attain/store/visibility/visible-people.ts';
import type { BenchContext } from './run.ts';

export async function oneManagerTeam(context: BenchContext): Promise<Visibility> {
  const manager = await context.store.db
    .selectFrom('person_history')
    .select('person_id')
    .where('job_role', '=', 'manager')
    .orderBy('person_id')
    .executeTakeFirstOrThrow();
  return visiblePeople(context.store.db, { role: 'manager', personId: manager.person_id }, context.today);
}
