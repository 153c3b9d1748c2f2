import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrations } from '../migrations/index.ts';
import { openStore, type Store } from './open-store.ts';
import { openTestStore } from './test-store.ts';

describe('the store on the database under test', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  test('DATE, NUMERIC and BIGINT come back as exact strings', async () => {
    const { rows } = await sql<{ d: string; n: string; i: string }>`
      select '2026-02-28'::date as d, 12345678901234567890.125::numeric as n, 9007199254740993::int8 as i`.execute(
      store.db,
    );
    expect(rows[0]).toEqual({ d: '2026-02-28', n: '12345678901234567890.125', i: '9007199254740993' });
  });

  test('a failed transaction leaves nothing behind', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('org_units').values({ external_id: 'ou-tx', name: 'Tx', type: 'team' }).execute();
        await trx.insertInto('org_units').values({ external_id: 'ou-tx', name: 'Duplicate', type: 'team' }).execute();
      }),
    ).rejects.toThrow();
    const count = await store.db.selectFrom('org_units').where('external_id', '=', 'ou-tx').select('id').execute();
    expect(count).toHaveLength(0);
  });

  test('money columns keep every digit', async () => {
    await store.db
      .insertInto('fx_rates')
      .values({ from_currency: 'EUR', to_currency: 'USD', date: '2026-01-01', rate: '1.0834567891234' })
      .execute();
    const row = await store.db.selectFrom('fx_rates').select('rate').executeTakeFirstOrThrow();
    expect(row.rate).toBe('1.0834567891234');
  });

  test('the audit log is append-only', async () => {
    await store.db.insertInto('audit_log').values({ actor: 'test', action: 'create', entity: 'x' }).execute();
    await expect(sql`update audit_log set actor = 'someone else'`.execute(store.db)).rejects.toThrow(
      /AUDIT_APPEND_ONLY/,
    );
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
  });

  test('effective-dated history rejects an empty interval', async () => {
    await store.db.insertInto('people').values({ id: 1, external_id: 'p1', name: 'Ada' }).execute();
    await expect(
      store.db
        .insertInto('person_history')
        .values({ person_id: '1', valid_from: '2026-02-01', valid_to: '2026-02-01', job_role: 'rep' })
        .execute(),
    ).rejects.toThrow();
  });
});

describe('the embedded data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'attain-store-'));

  test('a second opener is told DATA_IN_USE with the holder pid, and the folder works after close', async () => {
    const dir = join(root, 'shared');
    const first = await openStore({ dataDir: dir, purpose: 'attain serve' });
    writeFileSync(join(dir, 'attain.lock'), JSON.stringify({ pid: process.ppid, purpose: 'attain serve' }));
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({
      code: 'DATA_IN_USE',
      details: { pid: process.ppid },
    });
    await first.close();
    const again = await openStore({ dataDir: dir });
    await again.close();
  });

  test('a folder that is not a database is DATA_CORRUPT and is left as it was', async () => {
    const dir = join(root, 'corrupt');
    mkdirSync(join(dir, 'pgdata'), { recursive: true });
    writeFileSync(join(dir, 'pgdata', 'garbage'), 'not a database');
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_CORRUPT' });
  });

  test('a database from a newer version is refused with DATA_NEWER_VERSION and not migrated', async () => {
    const dir = join(root, 'newer');
    const store = await openStore({ dataDir: dir });
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-from-the-future', 'x')`.execute(
      store.db,
    );
    await store.close();
    await expect(openStore({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_NEWER_VERSION' });
    const raw = await openStore({ dataDir: dir, migrate: false });
    const { rows } = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(raw.db);
    expect(rows[0]?.n).toBe(String(Object.keys(migrations).length + 1));
    await raw.close();
  });
});
