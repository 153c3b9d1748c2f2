import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addDays, fromParts } from '../dates/iso-date.ts';
import { Decimal } from '../money/decimal.ts';
import { type ProratedSegment, type ProrationInput, prorate } from './prorate.ts';

const YEAR_2026 = { start: '2026-01-01', end: '2026-12-31' };
const wholePlan = { plan: 'A', validFrom: '2025-01-01', validTo: null };

/** Segments as strings, so expectations read like the worked examples. */
function run(input: Partial<ProrationInput>) {
  return prorate({ period: YEAR_2026, currency: 'USD', assignments: [wholePlan], ...input }).map(show);
}

function show(s: ProratedSegment) {
  return {
    plan: s.plan,
    start: s.start,
    end: s.end,
    days: s.days,
    periodDays: s.periodDays,
    quota: Object.fromEntries(Object.entries(s.quota).map(([m, q]) => [m, q.toFixed(2)])),
    targetIncentive: s.targetIncentive?.toFixed(2),
  };
}

function errorOf(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; details: unknown };
  }
  throw new Error('expected an error');
}

test('worked example of docs/proration.md: hired in March, plan change in July, 14 days of leave', () => {
  // Quota year 2026 = 365 days; default quota 120,000 and TI 60,000; plan B has quota 150,000.
  // A: 2026-03-01 (hire) … 2026-06-30 = 31 + 30 + 31 + 30 = 122 days
  //    quota 120,000 × 122 ÷ 365 = 40,109.5890… → running 40,109.59 → 40,109.59
  //    TI     60,000 × 122 ÷ 365 = 20,054.7945… → running 20,054.79 → 20,054.79
  // B: 2026-07-01 … 2026-12-31 = 184 days − 14 days of leave (08-03 … 08-16) = 170 days
  //    quota 150,000 × 170 ÷ 365 = 69,863.0136…; running 109,972.6027… → 109,972.60 − 40,109.59 = 69,863.01
  //    TI     60,000 × 170 ÷ 365 = 27,945.2054…; running 60,000 × 292 ÷ 365 = 48,000.00 − 20,054.79 = 27,945.21
  const segments = prorate({
    period: YEAR_2026,
    currency: 'USD',
    quota: { bookings: '120000' },
    targetIncentive: '60000',
    assignments: [
      { plan: 'A', validFrom: '2026-01-01', validTo: '2026-07-01' },
      { plan: 'B', validFrom: '2026-07-01', validTo: null, quota: { bookings: '150000' } },
    ],
    employment: { hireDate: '2026-03-01' },
    leaves: [{ from: '2026-08-03', to: '2026-08-16' }],
  });
  expect(segments.map(show)).toEqual([
    {
      plan: 'A',
      start: '2026-03-01',
      end: '2026-06-30',
      days: 122,
      periodDays: 365,
      quota: { bookings: '40109.59' },
      targetIncentive: '20054.79',
    },
    {
      plan: 'B',
      start: '2026-07-01',
      end: '2026-12-31',
      days: 170,
      periodDays: 365,
      quota: { bookings: '69863.01' },
      targetIncentive: '27945.21',
    },
  ]);
  expect(segments[0]!.share.toFixed(6)).toBe('0.334247');
  expect(segments[1]!.share.toFixed(6)).toBe('0.465753');
  expect(segments[0]!.exactQuota.bookings!.toFixed(10)).toBe('40109.5890410959');
  expect(segments[1]!.exactTargetIncentive!.toFixed(10)).toBe('27945.2054794521');
});

describe('edge cases', () => {
  const figures = { quota: { bookings: '120000' }, targetIncentive: '60000' };

  test('an assignment covering the whole period leaves the figures unchanged', () => {
    const [segment] = prorate({ period: YEAR_2026, currency: 'USD', assignments: [wholePlan], ...figures });
    expect(show(segment!)).toEqual({
      plan: 'A',
      start: '2026-01-01',
      end: '2026-12-31',
      days: 365,
      periodDays: 365,
      quota: { bookings: '120000.00' },
      targetIncentive: '60000.00',
    });
    expect(segment!.share.eq(1)).toBe(true);
  });

  test('joining on the last day of the period counts 1 day', () => {
    // 120,000 ÷ 365 = 328.7671… → 328.77; 60,000 ÷ 365 = 164.3835… → 164.38
    expect(run({ ...figures, employment: { hireDate: '2026-12-31' } })).toEqual([
      {
        plan: 'A',
        start: '2026-12-31',
        end: '2026-12-31',
        days: 1,
        periodDays: 365,
        quota: { bookings: '328.77' },
        targetIncentive: '164.38',
      },
    ]);
  });

  test('leaving on the first day of the period (termDate is the last day worked) counts 1 day', () => {
    expect(run({ ...figures, employment: { termDate: '2026-01-01' } })).toEqual([
      {
        plan: 'A',
        start: '2026-01-01',
        end: '2026-01-01',
        days: 1,
        periodDays: 365,
        quota: { bookings: '328.77' },
        targetIncentive: '164.38',
      },
    ]);
  });

  test('a leap year has 366 days', () => {
    // 2024-07-01 … 2024-12-31 = 184 days; 120,000 × 184 ÷ 366 = 60,327.8688… → 60,327.87
    // TI 60,000 × 184 ÷ 366 = 30,163.9344… → 30,163.93
    expect(
      run({
        ...figures,
        period: { start: '2024-01-01', end: '2024-12-31' },
        assignments: [{ plan: 'A', validFrom: '2024-07-01', validTo: null }],
      }),
    ).toEqual([
      {
        plan: 'A',
        start: '2024-07-01',
        end: '2024-12-31',
        days: 184,
        periodDays: 366,
        quota: { bookings: '60327.87' },
        targetIncentive: '30163.93',
      },
    ]);
  });

  test('no overlap with the period or with employment gives no segments', () => {
    expect(run({ ...figures, assignments: [{ plan: 'A', validFrom: '2025-01-01', validTo: '2026-01-01' }] })).toEqual(
      [],
    );
    expect(run({ ...figures, assignments: [{ plan: 'A', validFrom: '2027-01-01', validTo: null }] })).toEqual([]);
    expect(run({ ...figures, employment: { termDate: '2025-12-31' } })).toEqual([]);
    expect(run({ ...figures, employment: { hireDate: '2027-01-01' } })).toEqual([]);
    expect(run({ ...figures, assignments: [] })).toEqual([]);
    // plan A ends before the hire date: only plan B remains
    expect(
      run({
        ...figures,
        assignments: [
          { plan: 'A', validFrom: '2025-01-01', validTo: '2026-03-01' },
          { plan: 'B', validFrom: '2026-03-01', validTo: null },
        ],
        employment: { hireDate: '2026-04-01' },
      }).map((s) => s.plan),
    ).toEqual(['B']);
  });

  test('leave outside employment is ignored; overlapping leaves remove each day once', () => {
    // employed 2026-01-01 … 2026-01-31 (31 days); leave 12-20 … 01-05 removes only 01-01 … 01-05 (5),
    // leaves 01-10 … 01-14 and 01-12 … 01-16 remove 01-10 … 01-16 (7), leave in March removes nothing:
    // 31 − 5 − 7 = 19 days; 120,000 × 19 ÷ 365 = 6,246.5753… → 6,246.58
    const [segment] = run({
      ...figures,
      employment: { termDate: '2026-01-31' },
      leaves: [
        { from: '2025-12-20', to: '2026-01-05' },
        { from: '2026-01-10', to: '2026-01-14' },
        { from: '2026-01-12', to: '2026-01-16' },
        { from: '2026-03-01', to: '2026-03-31' },
      ],
    });
    expect(segment).toMatchObject({ start: '2026-01-01', end: '2026-01-31', days: 19, quota: { bookings: '6246.58' } });
  });

  test('an assignment wholly on leave keeps its segment with 0 days and 0.00', () => {
    expect(
      run({
        ...figures,
        assignments: [
          { plan: 'A', validFrom: '2026-01-01', validTo: '2026-02-01' },
          { plan: 'B', validFrom: '2026-02-01', validTo: null },
        ],
        leaves: [{ from: '2026-01-01', to: '2026-01-31' }],
      }).map((s) => [s.plan, s.days, s.quota.bookings, s.targetIncentive]),
    ).toEqual([
      ['A', 0, '0.00', '0.00'],
      // 334 days: 120,000 × 334 ÷ 365 = 109,808.2191… → 109,808.22; 60,000 × 334 ÷ 365 = 54,904.1095… → 54,904.11
      ['B', 334, '109808.22', '54904.11'],
    ]);
  });

  test('cumulative rounding: three one-day plans of a 3-day period add up to the full 100.00', () => {
    // each is 33.3333…; rounded alone they would sum to 99.99. Running totals 33.33, 66.67, 100.00
    // give 33.33, 33.34, 33.33.
    const assignments = ['A', 'B', 'C'].map((plan, i) => ({
      plan,
      validFrom: addDays('2026-01-01', i),
      validTo: i === 2 ? null : addDays('2026-01-01', i + 1),
    }));
    expect(
      run({ period: { start: '2026-01-01', end: '2026-01-03' }, quota: { bookings: '100' }, assignments }).map(
        (s) => s.quota.bookings,
      ),
    ).toEqual(['33.33', '33.34', '33.33']);
  });

  test('a running total that is exactly a half cent rounds up (found by the property below)', () => {
    // 2020 has 366 days; quota 54,387.425 split 1 + 277 + 88 days. The running total after the
    // last segment is 54,387.425 × 366 ÷ 366 = 54,387.425 exactly → 54,387.43; summing the three
    // divided parts instead would give 54,387.42499… → 54,387.42.
    const assignments = [
      { plan: 'A', validFrom: '2019-12-01', validTo: '2020-01-02' },
      { plan: 'B', validFrom: '2020-01-02', validTo: '2020-10-05' },
      { plan: 'C', validFrom: '2020-10-05', validTo: null },
    ];
    const segments = run({
      period: { start: '2020-01-01', end: '2020-12-31' },
      quota: { bookings: '54387.425' },
      assignments,
    });
    expect(segments.map((s) => s.days)).toEqual([1, 277, 88]);
    const total = segments.reduce((sum, s) => sum.plus(s.quota.bookings!), new Decimal(0));
    expect(total.toFixed(2)).toBe('54387.43');
  });

  test('an assignment’s own figures win per measure; others fall back; no target incentive stays absent', () => {
    const [segment] = run({
      quota: { bookings: '120000', renewals: '36500' },
      assignments: [{ plan: 'A', validFrom: '2025-01-01', validTo: null, quota: { bookings: '73000' } }],
      employment: { termDate: '2026-01-10' },
    });
    // 10 days: 73,000 × 10 ÷ 365 = 2,000.00; 36,500 × 10 ÷ 365 = 1,000.00
    expect(segment).toMatchObject({ days: 10, quota: { bookings: '2000.00', renewals: '1000.00' } });
    expect(segment!.targetIncentive).toBeUndefined();
  });

  test('a currency with no minor unit rounds to whole units', () => {
    // JPY: 1,000,000 × 1 ÷ 365 = 2,739.7260… → 2,740
    const [segment] = prorate({
      period: YEAR_2026,
      currency: 'JPY',
      quota: { bookings: '1000000' },
      assignments: [wholePlan],
      employment: { hireDate: '2026-12-31' },
    });
    expect(segment!.quota.bookings!.toString()).toBe('2740');
  });

  test('overlapping assignments are PLAN_ASSIGNMENT_OVERLAP', () => {
    const error = errorOf(() =>
      run({
        assignments: [
          { plan: 'B', validFrom: '2026-06-30', validTo: null },
          { plan: 'A', validFrom: '2026-01-01', validTo: '2026-07-01' },
        ],
      }),
    );
    expect(error.code).toBe('PLAN_ASSIGNMENT_OVERLAP');
    expect(error.details).toMatchObject({ plans: ['A', 'B'] });
  });

  test('malformed input is PRORATION_INVALID or DATE_INVALID', () => {
    expect(errorOf(() => run({ period: { start: '2026-12-31', end: '2026-01-01' } })).code).toBe('PRORATION_INVALID');
    expect(errorOf(() => run({ leaves: [{ from: '2026-02-02', to: '2026-02-01' }] })).code).toBe('PRORATION_INVALID');
    expect(errorOf(() => run({ employment: { hireDate: '2026-05-01', termDate: '2026-04-30' } })).code).toBe(
      'PRORATION_INVALID',
    );
    expect(
      errorOf(() => run({ assignments: [{ plan: 'A', validFrom: '2026-05-01', validTo: '2026-05-01' }] })).code,
    ).toBe('PRORATION_INVALID');
    expect(errorOf(() => run({ quota: { bookings: '-1' } })).code).toBe('PRORATION_INVALID');
    expect(errorOf(() => run({ targetIncentive: 'lots' })).code).toBe('PRORATION_INVALID');
    expect(errorOf(() => run({ employment: { hireDate: '2026-02-30' } })).code).toBe('DATE_INVALID');
  });
});

test('property: consecutive assignments with the same figures and no leave add up to the rounded full figures', () => {
  // A random year (leap or not), cut at random days into consecutive assignments; the first may start
  // before the period and the last is open-ended. Figures carry 4 decimals so rounding matters.
  const scenario = fc.record({
    year: fc.integer({ min: 2020, max: 2031 }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 364 }), { maxLength: 20 }),
    quota: fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => new Decimal(n).dividedBy(10_000).toString()),
    target: fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => new Decimal(n).dividedBy(10_000).toString()),
  });
  fc.assert(
    fc.property(scenario, ({ year, cuts, quota, target }) => {
      const start = fromParts(year, 1, 1);
      const bounds = [...cuts].sort((a, b) => a - b).map((c) => addDays(start, c));
      const froms = [addDays(start, -30), ...bounds];
      const assignments = froms.map((validFrom, i) => ({ plan: `P${i}`, validFrom, validTo: bounds[i] ?? null }));
      const segments = prorate({
        period: { start, end: fromParts(year, 12, 31) },
        currency: 'USD',
        quota: { bookings: quota },
        targetIncentive: target,
        assignments,
      });
      const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));
      expect(segments).toHaveLength(assignments.length);
      expect(segments.reduce((n, s) => n + s.days, 0)).toBe(segments[0]!.periodDays);
      expect(sum(segments.map((s) => s.quota.bookings!)).toFixed(2)).toBe(new Decimal(quota).toFixed(2));
      expect(sum(segments.map((s) => s.targetIncentive!)).toFixed(2)).toBe(new Decimal(target).toFixed(2));
      for (const s of segments) {
        // each rounded part is within one cent of its exact figure
        expect(s.quota.bookings!.minus(s.exactQuota.bookings!).abs().lte('0.01')).toBe(true);
      }
    }),
    { numRuns: 300 },
  );
});
