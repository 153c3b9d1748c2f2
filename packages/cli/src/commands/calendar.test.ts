// Runs the real `attain` binary, as a user would (DESIGN §7, §10 exit codes).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/attain.js', import.meta.url));

function attain(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('calendar FY2023 --calendar nrf-454 --format json prints the NRF year: 53 weeks, 4-5-4 months', () => {
  const run = attain('calendar', 'FY2023', '--calendar', 'nrf-454', '--format', 'json');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const year = JSON.parse(run.stdout);
  expect(Object.keys(year)).toEqual(['year', 'start', 'end', 'weeks', 'quarters', 'months', 'halves']);
  expect(year).toMatchObject({ year: 'FY2023', start: '2023-01-29', end: '2024-02-03', weeks: 53 });
  expect(year.quarters).toEqual([
    { period: '2023-Q1', start: '2023-01-29', end: '2023-04-29' },
    { period: '2023-Q2', start: '2023-04-30', end: '2023-07-29' },
    { period: '2023-Q3', start: '2023-07-30', end: '2023-10-28' },
    { period: '2023-Q4', start: '2023-10-29', end: '2024-02-03' },
  ]);
  expect(year.months).toHaveLength(12);
  expect(year.months[1]).toEqual({ period: '2023-M02', start: '2023-02-26', end: '2023-04-01' });
  // The 53rd week goes to the last month: 2023-12-31 .. 2024-02-03 is five weeks.
  expect(year.months[11]).toEqual({ period: '2023-M12', start: '2023-12-31', end: '2024-02-03' });
  expect(run.stdout).toBe(`${JSON.stringify(year, null, 2)}\n`);
});

test('wrong usage exits 2 with the reason on stderr', () => {
  const badChoice = attain('calendar', 'FY2023', '--calendar', '446');
  expect(badChoice.status).toBe(2);
  expect(badChoice.stdout).toBe('');
  expect(badChoice.stderr).toContain("argument '446' is invalid");

  const optionOfAnotherCalendar = attain('calendar', '2026', '--weekday', 'sat');
  expect(optionOfAnotherCalendar.status).toBe(2);
  expect(optionOfAnotherCalendar.stderr).toContain('--weekday cannot be used with --calendar gregorian');
});
