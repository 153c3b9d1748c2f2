// The database a command works on: DATABASE_URL when set, else the embedded one in --data
// (env ATTAIN_DATA, default ./.attain) — DESIGN §10.
import { defaultDataDir, openStore, type Store } from '@attain/store/open-store.ts';
import type { Command } from 'commander';

export function dataDirOf(command: Command): string {
  const data = command.optsWithGlobals<{ data?: string }>().data;
  return data ?? defaultDataDir();
}

export function openCliStore(command: Command, purpose: string): Promise<Store> {
  return openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: dataDirOf(command), purpose });
}

/** Runs `work` on the store and always closes it, so the data folder is never left locked. */
export async function withStore<T>(command: Command, purpose: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(command, purpose);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
