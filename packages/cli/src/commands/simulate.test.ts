// Runs the real `attain simulate`, as a user would (DESIGN §6, §10 exit codes).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../run-cli.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'attain-simulate-'));
mkdirSync(join(dir, 'plans'));

// Retroactive attainment, quota 100,000: 0–1 at 5 %, 1+ at 10 %. Jan 60,000 → 0.6 × 5 % × 100,000 = 3,000;
// Feb +60,000 → 1.2 × 10 % × 100,000 = 12,000 to date, so Feb 9,000; Mar nothing.
const plan = [
  'id: ae',
  'currency: USD',
  'quotaPeriod: quarter',
  'components:',
  '  - id: commission',
  '    kind: rate-table',
  '    input: attainment',
  '    method: retroactive',
  '    tiers:',
  '      - { to: 1, rate: 0.05 }',
  '      - { rate: 0.10 }',
].join('\n');
const scenario = [
  'planFile: ./plans/ae.yaml',
  'payees:',
  '  - id: rep-1',
  '    quota: { bookings: 100000 }',
  '    credits:',
  '      - { id: c1, date: 2026-01-15, amount: 60000 }',
  '      - { id: c2, date: 2026-02-15, amount: 60000 }',
].join('\n');

test('simulate --format json prints the DESIGN §6 shape with 2-space indent', () => {
  writeFileSync(join(dir, 'scenario.yaml'), scenario);
  writeFileSync(join(dir, 'plans', 'ae.yaml'), plan);
  const run = runCli(['simulate', join(dir, 'scenario.yaml'), '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const row = (period: string, amount: string) => ({
    period,
    components: { commission: amount },
    earned: amount,
    paid: amount,
    drawBalance: '0.00',
  });
  const expected = {
    payees: [
      {
        id: 'rep-1',
        currency: 'USD',
        periods: [row('2026-01', '3000.00'), row('2026-02', '9000.00'), row('2026-03', '0.00')],
        total: { earned: '12000.00', paid: '12000.00' },
      },
    ],
  };
  expect(run.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);

  const table = runCli(['simulate', join(dir, 'scenario.yaml')]);
  expect(table.status).toBe(0);
  expect(table.stdout).toContain('2026-02     9000.00');
});

test('a bad plan exits 1 with PLAN_INVALID and the line of the problem', () => {
  writeFileSync(join(dir, 'plans', 'bad.yaml'), plan.replace('method: retroactive', 'method: retroactiv'));
  writeFileSync(join(dir, 'bad.yaml'), scenario.replace('ae.yaml', 'bad.yaml'));
  const run = runCli(['simulate', join(dir, 'bad.yaml'), '--format', 'json']);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  // line 8 of the plan file holds `method: retroactiv`
  expect(run.stderr).toMatch(/^error PLAN_INVALID: Invalid plan \.\/plans\/bad\.yaml line 8: components\.0\.method: /);
});
