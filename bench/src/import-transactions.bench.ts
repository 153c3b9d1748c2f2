// Importing a 1,000,000-row transactions CSV (issue 3: under 60 s on PostgreSQL on 2 cores, with
// bounded memory). The file references the demo company's accounts, so references are resolved.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openImportFile } from '@attain/io/import/open-import-file.ts';
import { importRows } from '@attain/store/data/import-entity.ts';
import type { BenchContext } from './run.ts';

const ROWS = 1_000_000;

async function writeFile(path: string, accounts: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('externalId,type,date,amount,currency,account,contractMonths\n');
  for (let i = 1; i <= ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    const account = `A-${String(1 + (i % accounts)).padStart(5, '0')}`;
    const line = `BX-${i},booking,2026-${month}-${day},"${(i % 97) * 1000 + 0.25}",USD,${account},12\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function run(context: BenchContext): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'attain-import-bench-'));
  const file = join(dir, 'transactions.csv');
  try {
    const accounts = await context.store.db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await writeFile(file, Math.min(Number(accounts.n), 20_000));
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 250);
    const started = performance.now();
    const source = await openImportFile(file, { entity: 'transactions' });
    const summary = await importRows(context.store.db, 'transactions', source, {
      asOf: context.today,
      actor: 'bench',
      fileName: 'transactions.csv',
    });
    clearInterval(sampler);
    context.record(
      'import 1,000,000 transactions (CSV)',
      performance.now() - started,
      `${summary.created.toLocaleString('en-US')} created; peak RSS +${Math.round((peak - rssBefore) / 1e6)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
