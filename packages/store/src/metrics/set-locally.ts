import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Sets a planner setting for the rest of the transaction; returns what it was. */
export async function setLocally(db: Kysely<Database>, name: string, value: string): Promise<string> {
  const { rows } = await sql<{ was: string }>`select current_setting(${name}) as was`.execute(db);
  await sql`select set_config(${name}, ${value}, true)`.execute(db);
  return rows[0]!.was;
}
