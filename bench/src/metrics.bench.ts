// The metrics catalog (issue 6's target: each `attain query` under 2 s on PostgreSQL with the
// large demo): every metric in total and by each dimension over the whole history, each in total
// for one manager's team, and the forms a QBR asks for with a period. Credits come from the comp
// benchmark's run; alone (`--only metrics`) the demo's transactions are credited first.
import { DIMENSIONS, type Dimension, METRICS } from '@attain/core/metrics/catalog.ts';
import { creditTransactions } from '@attain/store/comp/credit-transactions.ts';
import { queryMetric } from '@attain/store/metrics/query-metric.ts';
import type { Visibility } from '@attain/store/visibility/visible-people.ts';
import { sql } from 'kysely';
import { oneManagerTeam } from './one-manager-team.ts';
import type { BenchContext } from './run.ts';

const TARGET_MS = 2000;

export async function run(context: BenchContext): Promise<void> {
  const db = context.store.db;
  const credited = await sql<{ any: boolean }>`select exists (select 1 from credits) as any`.execute(db);
  if (!credited.rows[0]?.any) {
    const range = await sql<{ from: string; to: string }>`
      select min(date)::text as from, max(date)::text as to from transactions`.execute(db);
    const { from, to } = range.rows[0]!;
    const started = performance.now();
    const result = await creditTransactions(db, { from, to });
    context.record('metrics: crediting the demo first', performance.now() - started, `${result.credits} credits`);
  }

  const team = await oneManagerTeam(context);
  const all: Visibility = { kind: 'all' };

  const questions: [string, Visibility, Dimension[], string | undefined][] = [];
  for (const metric of METRICS) {
    questions.push([metric.name, all, [], undefined]);
    for (const dimension of DIMENSIONS) questions.push([metric.name, all, [dimension], undefined]);
    questions.push([metric.name, team, [], undefined]);
  }
  for (const name of ['won_amount', 'credited_amount', 'attainment']) {
    questions.push([name, all, ['owner'], 'FY2026'], [name, all, ['manager', 'quarter'], 'FY2026']);
  }

  const slow: string[] = [];
  for (const [name, visibility, by, period] of questions) {
    const label = `query ${name}${by.length > 0 ? ` by ${by.join(',')}` : ''}${period ? ` ${period}` : ''}${
      visibility === team ? ': one manager team' : ''
    }`;
    const metric = METRICS.find((m) => m.name === name)!;
    const started = performance.now();
    const result = await queryMetric(db, visibility, { metric, by, period, today: context.today });
    const ms = performance.now() - started;
    context.record(label, ms, `${result.rows.length} rows`);
    if (ms >= TARGET_MS) slow.push(`${label.slice('query '.length)} ${(ms / 1000).toFixed(1)} s`);
  }
  context.record(
    `metrics: ${questions.length - slow.length} of ${questions.length} under 2 s`,
    0,
    slow.length > 0 ? `over: ${slow.join('; ')}` : undefined,
  );
}
