// A 100,000-row transactions file imports whole, in one transaction, with every amount exact
// (issue 3). Timing lives in bench/ (npm run bench), not here.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openImportFile } from '@attain/io/import/open-import-file.ts';
import { importRows } from '@attain/store/data/import-entity.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROWS = 100_000;
let store: Store;
let file: string;

beforeAll(async () => {
  store = await openTestStore();
  await store.db
    .insertInto('accounts')
    .values([
      { external_id: 'A-1', name: 'Northwind' },
      { external_id: 'A-2', name: 'Contoso' },
    ])
    .execute();
  file = join(mkdtempSync(join(tmpdir(), 'attain-large-')), 'transactions.csv');
  const out = createWriteStream(file);
  out.write('Transaction ID;Type;Date;Amount;Currency;Account\r\n');
  for (let i = 1; i <= ROWS; i++) {
    // amounts i + 0.01 with thousands separators: the sum is Σi + 0.01·ROWS
    const amount = (i + 0.01).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const line = `TX-${i};booking;2026-${String(1 + (i % 12)).padStart(2, '0')}-15;"${amount}";EUR;${i % 2 ? 'A-1' : 'Contoso'}\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});
afterAll(async () => {
  await store.close();
});

test('100,000 rows land in one import, references resolved by id and by name, amounts exact', async () => {
  const source = await openImportFile(file, {
    entity: 'transactions',
    mapping: { entity: 'transactions', columns: { externalId: 'Transaction ID' } },
  });
  const summary = await importRows(store.db, 'transactions', source, {
    asOf: '2026-11-24',
    actor: 'test',
    fileName: 'large',
  });
  expect(summary).toMatchObject({ rows: ROWS, created: ROWS, updated: 0, rejected: 0, issueCount: 0 });
  const { rows } = await sql<{ n: string; total: string; contoso: string }>`
    select count(*) as n, sum(amount)::text as total,
      count(*) filter (where account_id = (select id from accounts where external_id = 'A-2')) as contoso
    from transactions`.execute(store.db);
  // Σ 1..100000 = 5,000,050,000; plus 100,000 × 0.01 = 1,000
  expect(rows[0]).toEqual({ n: '100000', total: '5000051000.00', contoso: '50000' });
});
