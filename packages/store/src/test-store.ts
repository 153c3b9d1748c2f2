// A fresh, migrated database for one test file: a new database on the PostgreSQL server named by
// DATABASE_URL when it is set (CI runs the suite once that way), else an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from './open-store.ts';

export async function openTestStore(): Promise<Store> {
  const database = await createTestDatabase();
  if (!database) return openStore({ memory: true });
  const store = await openStore({ databaseUrl: database.url });
  return {
    ...store,
    close: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** A new empty database on DATABASE_URL's server, or undefined when tests run on PGlite. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const name = `attain_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return { url: testUrl.toString(), drop: () => adminQuery(url, `drop database if exists ${name} with (force)`) };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
