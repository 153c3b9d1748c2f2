import { describe, expect, test } from 'vitest';
import {
  type Choices,
  choicesFrom,
  DERIVED,
  ignoredHeaders,
  mappingFrom,
  missingRequired,
  sampleValues,
  usedMapping,
} from './mapping-choices.ts';
import type { EntityColumn, Mapping, Preview } from './types.ts';

// A Salesforce report shaped like the preset expects (DESIGN §4): status derived from Closed and Won.
const headers = ['Opportunity ID', 'Opportunity Name', 'Amount', 'Closed', 'Won', 'Next Step'];
const columns: EntityColumn[] = [
  { name: 'externalId', kind: 'text', required: true },
  { name: 'name', kind: 'text', required: false },
  { name: 'amount', kind: 'money', required: false },
  { name: 'currency', kind: 'currency', required: false },
  { name: 'status', kind: 'enum', required: false, values: ['open', 'won', 'lost'] },
];
const preset: Mapping = {
  entity: 'opportunities',
  columns: { externalId: 'Opportunity ID', name: 'Opportunity Name', currency: 'Opportunity Currency' },
  derive: { status: { from: ['Closed', 'Won'] } },
  values: { status: { '1|1': 'won' } },
  defaults: { currency: 'USD' },
  dateFormat: 'MM/DD/YYYY',
};
const preview = {
  mapping: preset,
  columnSources: { amount: 'AMOUNT', status: 'derived from Closed|Won', currency: 'default' },
} as unknown as Preview;

describe('the mapping screen’s choices', () => {
  test('come from the mapping, the derived columns and the headers matched by name', () => {
    expect(choicesFrom(preview, columns, headers)).toEqual({
      externalId: 'Opportunity ID',
      name: 'Opportunity Name',
      amount: 'Amount', // "AMOUNT" names the header by the name rule
      currency: '', // the preset's "Opportunity Currency" is not in this file
      status: DERIVED,
    });
  });

  test('turn back into a mapping that keeps the preset’s values, derive and defaults', () => {
    const choices = choicesFrom(preview, columns, headers);
    expect(mappingFrom(preset, choices, 'MM/DD/YYYY')).toEqual({
      entity: 'opportunities',
      columns: { externalId: 'Opportunity ID', name: 'Opportunity Name', amount: 'Amount' },
      values: { status: { '1|1': 'won' } },
      derive: { status: { from: ['Closed', 'Won'] } },
      defaults: { currency: 'USD' },
      dateFormat: 'MM/DD/YYYY',
    });
  });

  test('a derived column the user maps to a file column is no longer derived', () => {
    const choices: Choices = { ...choicesFrom(preview, columns, headers), status: 'Won' };
    const mapping = mappingFrom(preset, choices, undefined);
    expect(mapping.columns?.status).toBe('Won');
    expect(mapping.derive).toBeUndefined();
    expect(mapping.dateFormat).toBeUndefined();
  });

  test('list the ignored headers and the required columns left without a source', () => {
    const choices: Choices = { ...choicesFrom(preview, columns, headers), externalId: '' };
    expect(ignoredHeaders(headers, choices, preset)).toEqual(['Opportunity ID', 'Next Step']);
    expect(missingRequired(columns, choices, preset)).toEqual(['externalId']);
  });

  test('sample values skip blanks and repeats', () => {
    const sample = [{ Stage: 'Won' }, { Stage: ' ' }, { Stage: 'Won' }, { Stage: 'Lost' }, { Stage: 'Open' }];
    expect(sampleValues(sample, 'Stage', 2)).toEqual(['Won', 'Lost']);
  });
});

test('a preset the server names instead of spelling out still shows its derived column', () => {
  const named = {
    mapping: { entity: 'opportunities', preset: 'salesforce' },
    columnSources: { externalId: 'Opportunity ID', status: 'derived from Closed|Won' },
  } as unknown as Preview;
  expect(usedMapping(named)).toEqual({ entity: 'opportunities', derive: { status: { from: ['Closed', 'Won'] } } });
  expect(choicesFrom(named, columns, headers)).toMatchObject({ externalId: 'Opportunity ID', status: DERIVED });
});
