// Applies the frozen migrations at start, under Kysely's advisory lock. A database that has run a
// migration this build does not know is from a newer Attain: refuse it before touching anything.
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from '../migrations/index.ts';

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  await refuseNewerSchema(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new AttainError('MIGRATION_FAILED', `Migration ${failed ?? '(unknown)'} failed: ${String(error)}`, {
      migration: failed,
    });
  }
}

async function refuseNewerSchema(db: Kysely<unknown>): Promise<void> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass('public.kysely_migration') is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return;
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new AttainError(
      'DATA_NEWER_VERSION',
      `This database was written by a newer Attain (it has migration ${unknown[0]}, which this version does not know). Upgrade Attain; nothing was changed.`,
      { unknown },
    );
  }
}
