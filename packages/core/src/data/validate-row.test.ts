import { expect, test } from 'vitest';
import { validateRow } from './validate-row.ts';

test('a required column that is empty is IMPORT_REQUIRED_VALUE, named by its file column', () => {
  expect(validateRow(7, { externalId: null, name: 'Acme' }, 'accounts', { externalId: 'Account ID' })).toEqual([
    {
      row: 7,
      column: 'Account ID',
      value: '',
      code: 'IMPORT_REQUIRED_VALUE',
      message: 'Row 7, column "Account ID": a value is required (accounts.externalId)',
    },
  ]);
});

test('a column that already failed to parse is not reported again as missing', () => {
  expect(validateRow(3, { date: null }, 'fxRates', {}, new Set(['date'])).map((i) => i.column)).toEqual([
    'from',
    'to',
    'rate',
  ]);
});

test('a quota belongs to exactly one of a person or a territory', () => {
  const base = { measure: 'bookings', period: '2026-Q1', amount: '100000' };
  expect(validateRow(2, { ...base, person: 'P1', territory: null }, 'quotas', {})).toEqual([]);
  expect(validateRow(2, { ...base, person: null, territory: 'T1' }, 'quotas', {})).toEqual([]);
  const neither = validateRow(2, { ...base, person: null, territory: null }, 'quotas', { person: 'Rep' });
  expect(neither.map((i) => [i.code, i.column, i.message])).toEqual([
    ['IMPORT_REQUIRED_VALUE', 'Rep / territory', 'Row 2: a quota needs a person or a territory; both are empty'],
  ]);
  const both = validateRow(2, { ...base, person: 'P1', territory: 'T1' }, 'quotas', {});
  expect(both.map((i) => i.code)).toEqual(['IMPORT_CONFLICTING_VALUES']);
});

test('a plan assignment ends after it starts and has no negative target incentive (DESIGN §3 half-open)', () => {
  const base = { person: 'P1', plan: 'ae-usd', validFrom: '2026-01-01' };
  expect(validateRow(2, { ...base, validTo: '2026-01-02', targetIncentive: '0' }, 'planAssignments', {})).toEqual([]);
  const sameDay = validateRow(2, { ...base, validTo: '2026-01-01' }, 'planAssignments', { validTo: 'End' });
  expect(sameDay.map((i) => [i.code, i.column, i.value])).toEqual([['IMPORT_OUT_OF_RANGE', 'End', '2026-01-01']]);
  const negative = validateRow(2, { ...base, targetIncentive: '-1' }, 'planAssignments', {});
  expect(negative.map((i) => [i.code, i.column])).toEqual([['IMPORT_OUT_OF_RANGE', 'targetIncentive']]);
});

test('an MBO score lies between 0 and 1', () => {
  const base = { person: 'P1', component: 'goals', period: '2026-03' };
  expect(validateRow(2, { ...base, score: '1' }, 'mboScores', {})).toEqual([]);
  expect(validateRow(2, { ...base, score: '0' }, 'mboScores', {})).toEqual([]);
  expect(validateRow(4, { ...base, score: '1.2' }, 'mboScores', {}).map((i) => [i.code, i.message])).toEqual([
    ['IMPORT_OUT_OF_RANGE', 'Row 4, column "score": a score is between 0 and 1, not 1.2'],
  ]);
});
