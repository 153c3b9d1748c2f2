// CLI tests on a hand-built fixture: one data folder (or a fresh database on DATABASE_URL's
// server) seeded once for the file, and the real binary run against it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@attain/store/open-store.ts';
import type { Database } from '@attain/store/schema.ts';
import { createTestDatabase } from '@attain/store/test-store.ts';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { type CliResult, runCli } from './run-cli.test-helper.ts';

export function seededCli(name: string, seed: (db: Kysely<Database>) => Promise<void>) {
  const data = mkdtempSync(join(tmpdir(), `attain-${name}-`));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    const store = await openStore(database ? { databaseUrl: database.url } : { dataDir: data });
    try {
      await seed(store.db);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await database?.drop();
  });
  const run = (...args: string[]): CliResult =>
    runCli(['--data', data, ...args], { env: database ? { DATABASE_URL: database.url } : {} });
  /** Runs with `--format json`, expecting success and nothing on stderr. */
  const json = (...args: string[]) => {
    const result = run(...args, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout);
  };
  return { run, json };
}
