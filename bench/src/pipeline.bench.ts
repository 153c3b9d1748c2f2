// Pipeline history (issue 6) on the demo: each question for the whole company and for one
// manager's team, the waterfall from the start of the quarter to today with its drill-down.
// Target, as for the metrics queries: under 2 s each on PostgreSQL with the large demo.
import { periodOf } from '@attain/core/calendar/period-of.ts';
import { pipelineAging } from '@attain/store/pipeline/pipeline-aging.ts';
import { pipelineAsOf } from '@attain/store/pipeline/pipeline-as-of.ts';
import { pipelineCoverage } from '@attain/store/pipeline/pipeline-coverage.ts';
import { pipelineFunnel } from '@attain/store/pipeline/pipeline-funnel.ts';
import { pipelineVelocity } from '@attain/store/pipeline/pipeline-velocity.ts';
import { pipelineWaterfall } from '@attain/store/pipeline/pipeline-waterfall.ts';
import { readSettings } from '@attain/store/settings/workspace-settings.ts';
import type { Visibility } from '@attain/store/visibility/visible-people.ts';
import { oneManagerTeam } from './one-manager-team.ts';
import type { BenchContext } from './run.ts';

export async function run(context: BenchContext): Promise<void> {
  const db = context.store.db;
  const today = context.today;
  const { fiscalCalendar } = await readSettings(db);
  const quarterStart = periodOf(fiscalCalendar, today, 'quarter').start;
  const team = await oneManagerTeam(context);

  const questions: [string, (v: Visibility) => Promise<unknown>][] = [
    ['asof by stage', (v) => pipelineAsOf(db, v, { asOf: today, by: ['stage'] })],
    ['waterfall quarter start → today', (v) => pipelineWaterfall(db, v, { from: quarterStart, to: today })],
    ['waterfall with deals', (v) => pipelineWaterfall(db, v, { from: quarterStart, to: today, deals: true })],
    ['funnel created this quarter', (v) => pipelineFunnel(db, v, { basis: 'created', today })],
    ['funnel closed this quarter', (v) => pipelineFunnel(db, v, { basis: 'closed', today })],
    ['velocity this quarter', (v) => pipelineVelocity(db, v, { today })],
    ['aging today', (v) => pipelineAging(db, v, { asOf: today })],
    ['coverage by manager', (v) => pipelineCoverage(db, v, { asOf: today, by: 'manager' })],
  ];
  for (const [scope, visibility] of [
    ['whole company', { kind: 'all' } as Visibility],
    ['one manager team', team],
  ] as const) {
    for (const [name, question] of questions) {
      const started = performance.now();
      await question(visibility);
      context.record(`pipeline ${name}: ${scope}`, performance.now() - started);
    }
  }
}
