// Generating and loading the demo company (issue 2: medium in under a minute).
import { loadDemoCompany } from '@attain/store/demo/load-demo-company.ts';
import type { BenchContext } from './run.ts';

export async function run(context: BenchContext): Promise<void> {
  const started = performance.now();
  const result = await loadDemoCompany(context.store.db, { size: context.size, seed: 42, today: context.today });
  const rows = Object.values(result.counts).reduce((a, b) => a + Number(b), 0);
  context.record('demo company: generate + load', performance.now() - started, `${rows.toLocaleString('en-US')} rows`);
}
