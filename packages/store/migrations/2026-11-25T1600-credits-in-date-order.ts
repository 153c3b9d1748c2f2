// The credits rows back in date order. Migration 2026-11-25T1400 wrote every credits row again to
// fill in its account and product; PostgreSQL put the new versions wherever the update met them,
// so a range of dates, which crediting had written together, became spread over the whole table
// (1.3 GB instead of 0.75 GB on the large demo). A comp run reads its look-back by date range: on
// the large demo a run with nothing to credit took 160–168 s after that update and 141.5 s once
// clustered. CLUSTER rewrites the table in the order of credits_date without the dead space (34 s
// there); rows crediting writes later come in per run.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`cluster credits using credits_date`.execute(db);
  await sql`analyze credits`.execute(db);
}

export async function down(_db: Kysely<unknown>): Promise<void> {
  // the order of rows is no schema: nothing to undo
}
