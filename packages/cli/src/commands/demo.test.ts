// attain demo end to end, as a user runs it: load the small company, log in data is there, a second
// run reuses it, and a served folder is locked against a second process (DATA_IN_USE).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, startCli } from '../run-cli.test-helper.ts';

// The embedded database is what `attain demo` is for; DATABASE_URL is removed so both CI runs test it.
const embedded = { DATABASE_URL: '' };
const data = mkdtempSync(join(tmpdir(), 'attain-demo-'));

test('demo --no-serve loads the company and prints one login per role; a second run reuses it', () => {
  const first = runCli(['--data', data, 'demo', '--size', 'small', '--no-serve', '--as-of', '2026-11-24'], {
    env: embedded,
  });
  expect(first.status).toBe(0);
  expect(first.stderr).toMatch(/Loaded in [\d.]+ s: .*accounts 2,000/);
  for (const role of ['admin', 'ops', 'finance', 'manager', 'rep']) {
    expect(first.stderr).toContain(`${role}@attain.demo`);
  }
  expect(first.stderr).toContain('password for all: attain-demo');
  // The fiscal year's compensation so far: January to September closed, October approved.
  expect(first.stderr).toMatch(/Compensation 2026-01–2026-10 in [\d.]+ s: 9 months closed, 2026-10 approved/);
  const payroll = join(data, 'payroll-2026-10.csv');
  const paid = runCli(['--data', data, 'comp', 'payroll', '--period', '2026-10', '--out', payroll], { env: embedded });
  expect(paid.status).toBe(0);
  const rows = readFileSync(payroll, 'utf8').trim().split('\n');
  expect(rows[0]).toContain('employeeId');
  expect(rows.length).toBeGreaterThan(5);

  const again = runCli(['--data', data, 'demo', '--size', 'small', '--no-serve'], { env: embedded });
  expect(again.status).toBe(0);
  expect(again.stderr).toContain('already holds the demo company');

  const query = runCli(['--data', data, 'query', 'won_count', '--format', 'json'], { env: embedded });
  expect(query.status).toBe(0);
  const result = JSON.parse(query.stdout) as { metric: string; rows: { value: string }[] };
  expect(result.metric).toBe('won_count');
  expect(Number(result.rows[0]!.value)).toBeGreaterThan(100);
}, 300_000);

test('a command on a folder that attain serve holds says DATA_IN_USE with the pid, at once', async () => {
  const server = startCli(['--data', data, 'serve', '--port', '0'], embedded);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('serve did not start')), 60_000);
      server.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Attain is running at')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const blocked = runCli(
      ['--data', data, 'user', 'add', '--email', 'late@example.com', '--role', 'ops', '--password-stdin'],
      {
        input: 'a long enough password\n',
        env: embedded,
      },
    );
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain(`error DATA_IN_USE`);
    expect(blocked.stderr).toContain(`process ${server.pid} (attain serve)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  // after the server stops, the folder is free again
  const after = runCli(['--data', data, 'query', 'lost_count'], { env: embedded });
  expect(after.status).toBe(0);
});
