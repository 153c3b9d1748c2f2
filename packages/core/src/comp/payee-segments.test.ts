import { describe, expect, it } from 'vitest';
import type { CalendarInput } from '../calendar/calendar-schema.ts';
import { parsePeriod } from '../calendar/parse-period.ts';
import { Decimal } from '../money/decimal.ts';
import { type PayeeSegmentsInput, payeeSegments } from './payee-segments.ts';
import { validatePlan } from './plan-schema.ts';

const GREGORIAN: CalendarInput = { type: 'gregorian', fiscalYearStartMonth: 1 };
const d = (x: string | number) => new Decimal(x);
const planOf = (id: string, extra: Record<string, unknown> = {}) =>
  validatePlan(
    { id, currency: 'USD', components: [{ id: 'commission', kind: 'rate-table', tiers: [{ rate: 0.1 }] }], ...extra },
    id,
  );
const plans = new Map([
  ['ae', { plan: planOf('ae'), version: 2 }],
  ['ae-2', { plan: planOf('ae-2'), version: 1 }],
  [
    'mbo',
    {
      plan: planOf('mbo', { components: [{ id: 'goals', kind: 'mbo', weight: 0.1 }] }),
      version: 1,
    },
  ],
]);

function input(more: Partial<PayeeSegmentsInput>): PayeeSegmentsInput {
  return {
    payeeId: 'rep-1',
    calendar: GREGORIAN,
    period: parsePeriod(GREGORIAN, '2026-09'),
    lookbackFrom: '2026-01-01',
    assignments: [],
    plans,
    quotas: [{ measure: 'bookings', period: 'FY2026', amount: d(120000), currency: 'USD' }],
    employment: {},
    credits: [],
    mbo: {},
    ...more,
  };
}

describe('payeeSegments', () => {
  it('prorates the quota and target incentive by days across a plan change, adding up exactly', () => {
    // ae Jan–Jun: 181 of 365 days → 120,000 × 181 / 365 = 59,506.849… → 59,506.85; ae-2 takes the
    // rest of the rounded total: 120,000.00 − 59,506.85 = 60,493.15. Target 50,000 likewise.
    const segments = payeeSegments(
      input({
        assignments: [
          { planId: 'ae', validFrom: '2026-01-01', validTo: '2026-07-01', targetIncentive: d(50000) },
          { planId: 'ae-2', validFrom: '2026-07-01', validTo: null, targetIncentive: d(50000) },
        ],
      }),
    );
    expect(segments.map((s) => [s.plan.id, s.planVersion, s.quota.FY2026!.bookings!.toFixed(2)])).toEqual([
      ['ae', 2, '59506.85'],
      ['ae-2', 1, '60493.15'],
    ]);
    expect(segments.map((s) => s.targetIncentive.FY2026!.toFixed(2))).toEqual(['24794.52', '25205.48']);
  });

  it('prorates a mid-year hire by the days employed', () => {
    // Hired 1 April: 275 of 365 days → 120,000 × 275 / 365 = 90,410.958… → 90,410.96.
    const [segment] = payeeSegments(
      input({
        employment: { hireDate: '2026-04-01' },
        assignments: [{ planId: 'ae', validFrom: '2026-04-01', validTo: null, targetIncentive: undefined }],
      }),
    );
    expect(segment!.quota.FY2026!.bookings!.toFixed(2)).toBe('90410.96');
    expect(segment!.targetIncentive).toEqual({});
  });

  it('gives each credit to the assignment of its date, and a cancellation to the plan that paid', () => {
    const segments = payeeSegments(
      input({
        assignments: [
          { planId: 'ae', validFrom: '2026-01-01', validTo: '2026-07-01', targetIncentive: undefined },
          { planId: 'ae-2', validFrom: '2026-07-01', validTo: null, targetIncentive: undefined },
        ],
        credits: [
          { id: 'T1', date: '2026-03-01', measure: 'bookings', amount: d(1000) },
          { id: 'T2', date: '2026-08-01', measure: 'bookings', amount: d(2000) },
          { id: 'T3', date: '2026-08-15', measure: 'bookings', amount: d(-1000), cancels: 'T1' },
        ],
      }),
    );
    expect(segments.map((s) => s.credits.map((c) => c.id))).toEqual([['T1', 'T3'], ['T2']]);
  });

  it('drops the cancellation of a credit no plan paid on (dated before the first assignment)', () => {
    const [segment] = payeeSegments(
      input({
        assignments: [{ planId: 'ae', validFrom: '2026-03-01', validTo: null, targetIncentive: undefined }],
        credits: [
          { id: 'T1', date: '2026-02-01', measure: 'bookings', amount: d(1000) },
          { id: 'T2', date: '2026-04-01', measure: 'bookings', amount: d(-1000), cancels: 'T1' },
        ],
      }),
    );
    expect(segment!.credits).toEqual([]);
  });

  it('keeps the MBO scores of the plan’s own components and pay periods', () => {
    const [segment] = payeeSegments(
      input({
        assignments: [{ planId: 'mbo', validFrom: '2026-01-01', validTo: null, targetIncentive: d(10000) }],
        mbo: {
          '2026-03': { goals: d('0.8'), other: d(1) },
          '2026-Q1': { goals: d(1) },
          '2026-10': { goals: d(1) },
        },
      }),
    );
    expect(segment!.mbo).toEqual({ '2026-03': { goals: d('0.8') } });
  });

  it('names the plan an assignment points to when no version of it is in force', () => {
    expect(() =>
      payeeSegments(
        input({
          assignments: [{ planId: 'nope', validFrom: '2026-01-01', validTo: null, targetIncentive: undefined }],
        }),
      ),
    ).toThrowError(
      expect.objectContaining({ code: 'PLAN_NOT_FOUND', details: expect.objectContaining({ plan: 'nope' }) }),
    );
  });

  it('refuses a quota in another currency than the plan pays in', () => {
    expect(() =>
      payeeSegments(
        input({
          assignments: [{ planId: 'ae', validFrom: '2026-01-01', validTo: null, targetIncentive: undefined }],
          quotas: [{ measure: 'bookings', period: 'FY2026', amount: d(1), currency: 'EUR' }],
        }),
      ),
    ).toThrowError(expect.objectContaining({ code: 'QUOTA_CURRENCY_MISMATCH' }));
  });
});
