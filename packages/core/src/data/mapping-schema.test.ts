import { expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { parseMapping, validateMapping } from './mapping-schema.ts';
import { HUBSPOT_PRESET } from './presets/hubspot.ts';
import { SALESFORCE_PRESET } from './presets/salesforce.ts';

const DESIGN_EXAMPLE = `entity: opportunities
columns:            # canonical column: the file's column
  externalId: opportunity_id
  owner: sales_agent
  amount: close_value
values:             # per canonical column: file value -> canonical value
  status: { Won: won, Lost: lost, Engaging: open, Prospecting: open }
derive:             # a canonical column computed from another file column through a value map
  status: { from: deal_stage }
defaults: { currency: USD }
dateFormat: YYYY-MM-DD   # or MM/DD/YYYY, DD/MM/YYYY
`;

function mappingError(text: string): AttainError {
  try {
    parseMapping(text, 'map.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(AttainError);
    return error as AttainError;
  }
  throw new Error('expected MAPPING_INVALID');
}

test('the example of DESIGN §4 parses as written', () => {
  expect(parseMapping(DESIGN_EXAMPLE, 'map.yaml')).toEqual({
    entity: 'opportunities',
    columns: { externalId: 'opportunity_id', owner: 'sales_agent', amount: 'close_value' },
    values: { status: { Won: 'won', Lost: 'lost', Engaging: 'open', Prospecting: 'open' } },
    derive: { status: { from: 'deal_stage' } },
    defaults: { currency: 'USD' },
    dateFormat: 'YYYY-MM-DD',
  });
});

test('scalars are text as written: numbers, booleans and "a|b" keys keep their spelling', () => {
  const mapping = parseMapping(
    'entity: opportunities\nderive: { status: { from: [Closed, Won] } }\nvalues:\n  status: { "1|0": lost, true|true: won, 0: open }\ndefaults: { probability: 0.50 }\n',
    'm.yaml',
  );
  expect(mapping.values?.status).toEqual({ '1|0': 'lost', 'true|true': 'won', '0': 'open' });
  expect(mapping.defaults).toEqual({ probability: '0.50' });
  expect(mapping.derive?.status?.from).toEqual(['Closed', 'Won']);
});

test('an unknown field is MAPPING_INVALID naming its path and line', () => {
  const error = mappingError('entity: opportunities\ncolumns:\n  externalId: id\nderive:\n  status: { form: stage }\n');
  expect(error.code).toBe('MAPPING_INVALID');
  expect(error.message).toBe('Invalid mapping map.yaml line 5: derive.status.form: unknown field (and 1 more)');
  expect(error.details).toMatchObject({ line: 5, path: 'derive.status.form', source: 'map.yaml' });

  const top = mappingError('entity: opportunities\n\ncolumn:\n  externalId: id\n');
  expect(top.message).toBe('Invalid mapping map.yaml line 3: column: unknown field');
});

test('a canonical column the entity does not have is an error at its line', () => {
  const error = mappingError('entity: opportunities\ncolumns:\n  externalId: id\n  closeDte: close\n');
  expect(error.details).toMatchObject({ line: 4, path: 'columns.closeDte' });
  expect(error.message).toContain('"closeDte" is not a column; columns of opportunities are externalId, name,');
});

test('entity, dateFormat, defaults and derive are checked', () => {
  expect(mappingError('entity: deals\n').message).toBe(
    'Invalid mapping map.yaml line 1: entity: entity must be one of orgUnits, people, products, accounts, territories, opportunities, opportunitySplits, transactions, quotas, fxRates, planAssignments, mboScores',
  );
  expect(mappingError('columns: { name: x }\n').message).toBe('Invalid mapping map.yaml line 1: entity: is required');
  expect(mappingError('entity: opportunities\ndateFormat: DD.MM.YYYY\n').details).toMatchObject({
    line: 2,
    path: 'dateFormat',
  });
  expect(mappingError('entity: opportunities\ndefaults:\n  currency: dollars\n').message).toBe(
    'Invalid mapping map.yaml line 3: defaults.currency: is not an ISO 4217 currency code such as USD',
  );
  expect(mappingError('entity: opportunities\ncolumns: { status: s }\nderive: { status: { from: x } }\n').message).toBe(
    'Invalid mapping map.yaml line 3: derive.status: status is both mapped in columns and derived; keep one',
  );
  expect(mappingError('entity: opportunities\nderive: { status: { from: [] } }\n').details).toMatchObject({
    path: 'derive.status.from',
  });
});

test('YAML syntax errors and duplicate keys name the line', () => {
  expect(mappingError('entity: opportunities\ncolumns:\n  name: a\n  name: b\n').details).toMatchObject({ line: 4 });
  expect(mappingError('entity: opportunities\ncolumns: { name: a\n').code).toBe('MAPPING_INVALID');
});

test('validateMapping checks a mapping given as a value, and the presets are valid mappings', () => {
  expect(() => validateMapping({ entity: 'accounts', columns: { owner: 'Owner' } })).toThrow(/columns\.owner/);
  for (const preset of [SALESFORCE_PRESET, HUBSPOT_PRESET]) {
    for (const mapping of Object.values(preset)) expect(validateMapping(mapping)).toEqual(mapping);
  }
});
