// attain pipeline … on the hand-built history of store/pipeline/pipeline-fixture.test-helper.ts
// (figures worked there and in the store tests), through the real binary.
import { D1, D2, seedPipelineHistory } from '@attain/store/pipeline/pipeline-fixture.test-helper.ts';
import { describe, expect, test } from 'vitest';
import { seededCli } from '../seeded-cli.test-helper.ts';

const { run, json: runJson } = seededCli('pipeline', seedPipelineHistory);
const pipeline = (...args: string[]) => run('pipeline', ...args);
const json = (...args: string[]) => runJson('pipeline', ...args);

describe('attain pipeline', () => {
  test('waterfall --format json: the steps in order, adding up', () => {
    const result = json('waterfall', '--from', D1, '--to', D2);
    expect(result.period).toEqual({ period: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(result.steps.map((s: { step: string; amount: string }) => `${s.step} ${s.amount}`)).toEqual([
      'start 7950.00',
      'created 1150.00',
      'pulledIn 1000.00',
      'increased 500.00',
      'decreased 600.00',
      'pushedOut 800.00',
      'lost 500.00',
      'won 3450.00',
      'end 5250.00',
    ]);
  });

  test('waterfall as a table, and its deals as CSV', () => {
    const table = pipeline('waterfall', '--from', D1, '--to', D2);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Pipeline waterfall 2026-07-06 → 2026-08-31 for 2026-Q3');
    expect(table.stdout).toMatch(/pushedOut\s+-\s+800\.00\s+1/);
    const csv = pipeline('waterfall', '--from', D1, '--to', D2, '--deals', '--format', 'csv').stdout.split('\n');
    expect(csv[0]).toBe('step,sign,amount,count');
    expect(csv).toContain('O-7,Deal 7,Lee,created+won,,450.00,,2026-08-17,,won');
  });

  test('asof by stage and forecast category; aging; coverage says covered', () => {
    const asOf = json('asof', '--as-of', D2, '--by', 'stage');
    expect(asOf.total).toEqual({ count: 8, amount: '6450.00', weighted: '2620.00' });
    expect(asOf.rows[0]).toEqual({ stage: 'Prospecting', count: 3, amount: '1100.00', weighted: '110.00' });
    const aging = json('aging', '--as-of', D2);
    expect(aging.total).toMatchObject({ count: 8, amount: '6450.00' });
    const coverage = pipeline('coverage', '--as-of', D2, '--period', '2026-Q3');
    expect(coverage.stdout).toMatch(/Lee\s+P-LEE\s+2000\.00\s+3650\.00\s+-1650\.00\s+250\.00\s+covered/);
    expect(coverage.stdout).toMatch(/Raj\s+P-RAJ\s+3000\.00\s+0\.00\s+3000\.00\s+2200\.00\s+0\.7333/);
  });

  test('funnel and velocity', () => {
    const funnel = json('funnel', '--period', '2026-Q3', '--basis', 'closed');
    expect(funnel.stages[0]).toMatchObject({ stage: 'Prospecting', reached: 3, reachedNext: 2, conversion: '0.6667' });
    const velocity = json('velocity', '--period', '2026-Q3', '--as-of', '2026-09-15');
    expect(velocity).toMatchObject({ openDeals: 9, velocityPerDay: '119.03' });
  });

  test('wrong input is a coded error on stderr and exit 1', () => {
    const backwards = pipeline('waterfall', '--from', D2, '--to', D1);
    expect(backwards.status).toBe(1);
    expect(backwards.stderr).toContain('RANGE_INVALID');
    const by = pipeline('asof', '--by', 'colour');
    expect(by.status).toBe(1);
    expect(by.stderr).toContain('DIMENSION_UNKNOWN');
  });
});
