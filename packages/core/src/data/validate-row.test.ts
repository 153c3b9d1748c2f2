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
