import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

// Each case runs the real binary on a fresh embedded database, or on a fresh database of
// DATABASE_URL's server when the suite runs on PostgreSQL.
const data = mkdtempSync(join(tmpdir(), 'attain-user-'));
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});
const email = (name: string) => `${name}@example.com`;
const add = (args: string[], password = 'a long enough password') =>
  runCli(['--data', data, 'user', 'add', ...args, '--password-stdin'], {
    input: `${password}\n`,
    env: database ? { DATABASE_URL: database.url } : {},
  });

describe('attain user add', () => {
  test('creates an admin and refuses the same email twice', () => {
    const first = add(['--email', email('ada'), '--role', 'admin']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`Created admin ${email('ada')}`);
    const again = add(['--email', email('ADA').replace('ADA', 'ada'), '--role', 'ops']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('USER_EXISTS');
  });

  test('a rep needs a person, and the person must exist', () => {
    const noPerson = add(['--email', email('rep'), '--role', 'rep']);
    expect(noPerson.status).toBe(1);
    expect(noPerson.stderr).toMatch(/USER_INVALID.*--person/);
    const unknown = add(['--email', email('rep'), '--role', 'rep', '--person', 'P-404']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('USER_UNKNOWN_PERSON');
  });

  test('a short password, a bad email and an unknown role are refused', () => {
    expect(add(['--email', email('short'), '--role', 'ops'], 'short').stderr).toMatch(/USER_INVALID.*at least 10/);
    expect(add(['--email', 'not-an-email', '--role', 'ops']).stderr).toMatch(/USER_INVALID/);
    const role = add(['--email', email('x'), '--role', 'king']);
    expect(role.status).toBe(2);
    expect(role.stderr).toMatch(/Allowed choices are admin, ops, finance, manager, rep/);
  });

  test('an unknown command or option is a usage error with a hint', () => {
    const typo = runCli(['usr']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean user\?/);
    const option = runCli(['user', 'add', '--email', 'a@b.c', '--role', 'ops', '--password-stdin', '--colour', 'red']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--colour'/);
  });
});
