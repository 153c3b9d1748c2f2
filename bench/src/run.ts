// Runs the benchmarks in order on one fresh database and prints a line per measurement.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoSize } from '@attain/core/demo/demo-size.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import * as compRun from './comp-run.bench.ts';
import * as dashboard from './dashboard.bench.ts';
import * as demoLoad from './demo-load.bench.ts';
import * as forecast from './forecast.bench.ts';
import * as importTransactions from './import-transactions.bench.ts';
import * as metrics from './metrics.bench.ts';
import * as pipeline from './pipeline.bench.ts';
import * as territoryBalance from './territory-balance.bench.ts';

export interface BenchContext {
  store: Awaited<ReturnType<typeof openStore>>;
  size: DemoSize;
  today: string;
  record(measurement: string, ms: number, note?: string): void;
}

const sizeArg = process.argv.indexOf('--size');
const size = (sizeArg > 0 ? process.argv[sizeArg + 1] : 'medium') as DemoSize;
const today = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'attain-bench-'));
const database = await createTestDatabase();
const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: dir });
const driver = store.driver;

const context: BenchContext = {
  store,
  size,
  today,
  record(measurement, ms, note) {
    console.log(
      `${measurement.padEnd(48)} ${size.padEnd(7)} ${driver.padEnd(9)} ${(ms / 1000).toFixed(2).padStart(8)} s${note ? `  ${note}` : ''}`,
    );
  },
};

// `--only comp,dashboard` runs the demo load and just those benchmarks.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1]!.split(',') : undefined;
const benches = {
  dashboard,
  pipeline,
  forecast,
  comp: compRun,
  metrics,
  territory: territoryBalance,
  import: importTransactions,
};
try {
  await demoLoad.run(context);
  for (const [key, bench] of Object.entries(benches)) if (!only || only.includes(key)) await bench.run(context);
} finally {
  await store.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
}
