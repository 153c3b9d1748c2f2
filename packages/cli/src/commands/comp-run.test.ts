// attain comp run | approve | close | adjust | adjustments through the real binary, on the run
// tests' hand-built company (store/comp/run-comp-fixture.test-helper.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedRunCompany } from '@attain/store/comp/run-comp-fixture.test-helper.ts';
import { openStore } from '@attain/store/open-store.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const data = mkdtempSync(join(tmpdir(), 'attain-comp-run-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const comp = (args: string[], user = 'ana') =>
  runCli(['--data', data, 'comp', ...args], {
    env: { USER: user, ...(database ? { DATABASE_URL: database.url } : {}) },
  });

beforeAll(async () => {
  database = await createTestDatabase();
  const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
  try {
    await seedRunCompany(store.db);
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await database?.drop();
});

test('run prints the draft, its totals and the held payees; approve and close lock it', () => {
  const run = comp(['run', '--period', '2026-01']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Run 1 of 2026-01 (2026-01-01 – 2026-01-31), incremental: draft');
  expect(run.stdout).toContain('payees paid 2 (recomputed 2, unchanged 0), held 1');
  expect(run.stdout).toContain('USD: earned 7400.00, paid 7400.00');
  expect(run.stdout).toMatch(/P-LEE {2}QUOTA_MISSING/);
  // Progress goes to stderr, so stdout stays the result; the last line says every payee is done.
  expect(run.stderr).toBe('  crediting\n  reading credits\n  payees 100%\n');

  const json = JSON.parse(comp(['run', '--period', '2026-01', '--format', 'json']).stdout);
  expect(json).toMatchObject({
    runId: '2',
    unchanged: 2,
    recomputed: 0,
    supersedes: '1',
    crediting: { mode: 'skipped' },
  });

  const early = comp(['close', '--period', '2026-01']);
  expect(early.status).toBe(1);
  expect(early.stderr).toContain('PERIOD_NOT_APPROVED');
  expect(comp(['approve', '--period', '2026-01']).stdout).toBe('Approved run 2 of 2026-01\n');
  expect(comp(['close', '--period', '2026-01']).stdout).toBe('Closed 2026-01 (run 2)\n');
  const again = comp(['run', '--period', '2026-01']);
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('PERIOD_CLOSED');
});

test('an adjustment needs a reason and a second person to approve it', () => {
  const missing = comp(['adjust', '--person', 'P-RAJ', '--period', '2026-02', '--amount', '250']);
  expect(missing.status).toBe(2);
  const bad = comp(['adjust', '--person', 'P-RAJ', '--period', '2026-02', '--amount', 'lots', '--reason', 'x']);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toContain('ADJUSTMENT_INVALID');
  const made = comp(['adjust', '--person', 'P-RAJ', '--period', '2026-02', '--amount', '250', '--reason', 'SPIFF']);
  expect(made.stdout).toBe('Adjustment 1: 250.00 USD for P-RAJ in 2026-02, awaiting approval\n');
  const self = comp(['adjustments', 'approve', '1']);
  expect(self.status).toBe(1);
  expect(self.stderr).toContain('ADJUSTMENT_SELF_APPROVAL');
  expect(comp(['adjustments', 'approve', '1'], 'ben').stdout).toContain('Approved adjustment 1');
  expect(comp(['adjustments', '--period', '2026-02']).stdout).toMatch(/250\.00 USD {2}approved by cli:ben {2}SPIFF/);
  const run = JSON.parse(comp(['run', '--period', '2026-02', '--format', 'json']).stdout);
  // Raj: 60,000 + 50,000 EUR × 1.10 → F(1.15) = 0.1225 → 12,250 − 6,000 = 6,250, +250; Mia 2% × 55,000 = 1,100.
  expect(run.totals).toEqual([{ currency: 'USD', earned: '7600.00', paid: '7600.00' }]);
});
