// Opens the database: PostgreSQL when DATABASE_URL is given, else embedded PGlite in a data folder
// (--data, env ATTAIN_DATA, default ./.attain). Migrations are applied before anything else runs.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AttainError } from '@attain/core/errors.ts';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.ts';
import { migrateToLatest } from './migrate.ts';
import { pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';
import { identity, TEXT_AS_IS } from './type-parsers.ts';

export type Driver = 'pglite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  driver: Driver;
  /** Where the data lives: the data folder, or the server URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An in-memory PGlite, for tests that need no folder. */
  memory?: boolean;
  /** Who holds the data folder, shown to a second process that finds it locked. */
  purpose?: string;
  migrate?: boolean;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ATTAIN_DATA ?? '.attain');
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(store.db as Kysely<unknown>);
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        TEXT_AS_IS.includes(oid) ? identity : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (restart, failover, a dropped test database) must not crash
  // the process; the pool replaces it on the next query.
  pool.on('error', (error) => {
    process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, driver: 'postgres', location: redact(url), close: () => db.destroy() };
}

async function openPglite(options: OpenStoreOptions): Promise<Store> {
  const parsers = Object.fromEntries(TEXT_AS_IS.map((oid) => [oid, identity]));
  if (options.memory) {
    const pglite = await PGlite.create({ parsers });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) as never }) });
    return { db, driver: 'pglite', location: 'memory', close: () => db.destroy() };
  }
  const dir = resolve(options.dataDir ?? defaultDataDir());
  const unlock = lockDataFolder(dir, options.purpose ?? `attain ${process.argv.slice(2, 3).join(' ')}`.trim());
  const pgdata = join(dir, 'pgdata');
  const isNew = !existsSync(pgdata) || readdirSync(pgdata).length === 0;
  if (!isNew && !existsSync(join(pgdata, 'PG_VERSION'))) {
    unlock();
    throw new AttainError(
      'DATA_CORRUPT',
      `${pgdata} is not an Attain database folder (no PG_VERSION); nothing was changed`,
      {
        dir: pgdata,
      },
    );
  }
  mkdirSync(pgdata, { recursive: true });
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: pgdata, parsers });
    await pglite.query('select 1');
  } catch (error) {
    unlock();
    throw new AttainError(
      'DATA_CORRUPT',
      `The database in ${pgdata} cannot be opened (${error instanceof Error ? error.message : String(error)}). Restore a backup or use another --data folder; nothing was changed.`,
      { dir: pgdata },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) as never }) });
  return {
    db,
    driver: 'pglite',
    location: dir,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
