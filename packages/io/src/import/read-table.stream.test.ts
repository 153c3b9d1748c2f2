// Streaming: a 200,000-row file goes through the whole parsing pipeline without the heap growing
// with the file (the file is ~25 MB; holding its rows would take hundreds of MB). No timing asserted.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openImportFile } from './open-import-file.ts';

const ROWS = 200_000;
let dir: string;
let path: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attain-stream-'));
  path = join(dir, 'transactions.csv');
  const out = createWriteStream(path);
  out.write('externalId,type,date,amount,currency,account,owner,contractMonths,note\r\n');
  for (let i = 0; i < ROWS; i += 1) {
    const line = `T-${i},booking,2026-${String((i % 12) + 1).padStart(2, '0')}-15,"${Math.floor(i / 1000) + 1},${String(i % 1000).padStart(3, '0')}.50",USD,Account ${i % 5000},Rep ${i % 300},12,"a note, with ""quotes"" ${i}"\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a 200,000-row CSV streams through openImportFile with bounded heap', async () => {
  expect((await stat(path)).size).toBeGreaterThan(20_000_000);
  const source = await openImportFile(path, { entity: 'transactions' });
  expect(source.unknownColumns).toEqual(['note']);
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let count = 0;
  let invalid = 0;
  let lastRow = 0;
  for await (const row of source.rows) {
    count += 1;
    lastRow = row.row;
    if (row.issues.length > 0) invalid += 1;
    if (count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  expect(count).toBe(ROWS);
  expect(lastRow).toBe(ROWS + 1);
  expect(invalid).toBe(0);
  expect(peak - before).toBeLessThan(64 * 1024 * 1024);
});
