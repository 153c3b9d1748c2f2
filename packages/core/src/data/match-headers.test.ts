import { expect, test } from 'vitest';
import type { AttainError } from '../errors.ts';
import { describeSource, guessMapping, matchHeaders } from './match-headers.ts';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as AttainError).code;
  }
  return 'no error';
}

test('without a mapping, names match ignoring case, spaces, dashes and underscores', () => {
  const { sources, unknownColumns } = matchHeaders(
    ['External ID', 'NAME', 'close-date', 'forecast_category', 'Next Step'],
    'opportunities',
  );
  expect(Object.fromEntries(Object.entries(sources).map(([k, s]) => [k, describeSource(s)]))).toEqual({
    externalId: 'External ID',
    name: 'NAME',
    closeDate: 'close-date',
    forecastCategory: 'forecast_category',
  });
  expect(unknownColumns).toEqual(['Next Step']);
});

test('a missing required column is IMPORT_MISSING_COLUMN listing what is missing and the headers', () => {
  try {
    matchHeaders(['Name', 'Amount'], 'transactions');
    expect.unreachable();
  } catch (error) {
    expect((error as AttainError).code).toBe('IMPORT_MISSING_COLUMN');
    expect((error as AttainError).message).toBe(
      "The file has no column for externalId, type, date (required for transactions); the file's columns are: Name, Amount. Rename the column or map it with --map",
    );
  }
  expect(codeOf(() => matchHeaders(['measure', 'period', 'amount'], 'quotas'))).toBe('IMPORT_MISSING_COLUMN');
  expect(Object.keys(matchHeaders(['territory', 'measure', 'period', 'amount'], 'quotas').sources)).toContain(
    'territory',
  );
});

test('a default or a derive counts as a source for a required column', () => {
  const { sources } = matchHeaders(['id', 'when', 'value', 'kind'], 'transactions', {
    entity: 'transactions',
    columns: { externalId: 'id', date: 'when', amount: 'value' },
    derive: { type: { from: 'kind' } },
    defaults: { currency: 'USD' },
  });
  expect(Object.values(sources).map(describeSource)).toEqual(['id', 'when', 'value', 'derived from kind', 'default']);
});

test('a mapping naming a column the file lacks is an error, unless lenient (presets)', () => {
  const mapping = { entity: 'accounts' as const, columns: { externalId: 'Id', name: 'Name', industry: 'Sector' } };
  expect(codeOf(() => matchHeaders(['Id', 'Name'], 'accounts', mapping))).toBe('IMPORT_MISSING_COLUMN');
  expect(Object.keys(matchHeaders(['Id', 'Name'], 'accounts', mapping, { lenient: true }).sources)).toEqual([
    'externalId',
    'name',
  ]);
});

test('a column the mapping uses is not matched again by name; two columns matching one name are an error', () => {
  const { sources, unknownColumns } = matchHeaders(['Id', 'account', 'Account Name'], 'opportunities', {
    entity: 'opportunities',
    columns: { externalId: 'Id', name: 'account', account: 'Account Name' },
  });
  expect(Object.values(sources).map(describeSource)).toEqual(['Id', 'account', 'Account Name']);
  expect(unknownColumns).toEqual([]);
  expect(codeOf(() => matchHeaders(['externalId', 'close_date', 'Close Date'], 'opportunities'))).toBe(
    'IMPORT_DUPLICATE_COLUMN',
  );
});

test('guessMapping adds the labels the presets know', () => {
  expect(guessMapping(['Opportunity ID', 'Deal Name', 'Stage', 'Close Date', 'Misc'], 'opportunities')).toEqual({
    stage: 'Stage',
    closeDate: 'Close Date',
    externalId: 'Opportunity ID',
    name: 'Deal Name',
  });
});
