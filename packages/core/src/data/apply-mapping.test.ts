// The mapping contract of DESIGN §4, record by record: columns, values, derive, defaults, dateFormat.
import { expect, test } from 'vitest';
import { applyMapping, compileMapping } from './apply-mapping.ts';
import type { EntityName } from './entity-columns.ts';
import { type Mapping, parseMapping } from './mapping-schema.ts';
import { matchHeaders } from './match-headers.ts';
import { parseRow } from './parse-row.ts';

function run(entity: EntityName, yaml: string | undefined, records: Record<string, string>[]) {
  const mapping: Mapping | undefined = yaml === undefined ? undefined : parseMapping(yaml, 'map.yaml');
  const headers = Object.keys(records[0]!);
  const { sources } = matchHeaders(headers, entity, mapping);
  const parser = { entity, mapper: compileMapping(sources, mapping), dateFormat: mapping?.dateFormat ?? 'YYYY-MM-DD' };
  return records.map((record, i) => parseRow(i + 2, record, parser));
}

test('columns rename file columns; the name rule fills the rest (close_date -> closeDate)', () => {
  const [row] = run(
    'opportunities',
    'entity: opportunities\ncolumns: { externalId: opportunity_id, amount: close_value }\n',
    [{ opportunity_id: 'D-1', close_value: '1,000', close_date: '2026-03-01', Notes: 'x' }],
  );
  expect(row!.values).toMatchObject({ externalId: 'D-1', amount: '1000', closeDate: '2026-03-01', name: null });
  expect(row!.issues).toEqual([]);
});

test('values map trimmed file values; unmapped values pass through unchanged', () => {
  const yaml = 'entity: opportunities\nvalues:\n  product: { GTXPro: GTX Pro }\n  status: { Engaging: open }\n';
  const rows = run('opportunities', yaml, [
    { externalId: '1', product: ' GTXPro ', status: ' Engaging' },
    { externalId: '2', product: 'MG Special', status: 'WON' },
    { externalId: '3', product: 'gtxpro', status: 'Dormant' },
  ]);
  expect(rows.map((r) => [r.values.product, r.values.status])).toEqual([
    ['GTX Pro', 'open'],
    ['MG Special', 'won'],
    ['gtxpro', null],
  ]);
  expect(rows[2]!.issues).toEqual([
    {
      row: 4,
      column: 'status',
      value: 'Dormant',
      code: 'IMPORT_INVALID_ENUM',
      message: 'Row 4, column "status": "Dormant" is not one of open, won, lost',
    },
  ]);
});

test('derive from one column goes through values.<column>', () => {
  const yaml = `entity: opportunities
values:
  status: { Won: won, Lost: lost, Engaging: open, Prospecting: open }
derive:
  status: { from: deal_stage }
`;
  const rows = run('opportunities', yaml, [
    { externalId: '1', deal_stage: 'Won' },
    { externalId: '2', deal_stage: 'Prospecting' },
  ]);
  expect(rows.map((r) => r.values.status)).toEqual(['won', 'open']);
});

test('derive from several columns joins their trimmed values with "|"', () => {
  const yaml = `entity: opportunities
derive: { status: { from: [Closed, Won] } }
values: { status: { "true|true": won, "true|false": lost, "false|false": open } }
`;
  const rows = run('opportunities', yaml, [
    { externalId: '1', Closed: 'true', Won: ' true ' },
    { externalId: '2', Closed: 'true', Won: 'false' },
    { externalId: '3', Closed: 'false', Won: 'false' },
    { externalId: '4', Closed: 'false', Won: 'true' },
  ]);
  expect(rows.map((r) => r.values.status)).toEqual(['won', 'lost', 'open', null]);
  expect(rows[3]!.issues[0]!.message).toBe('Row 5, column "Closed|Won": "false|true" is not one of open, won, lost');
});

test('defaults fill a column with no source, and blank values of a mapped one', () => {
  const rows = run('transactions', 'entity: transactions\ndefaults: { currency: usd, type: booking }\n', [
    { externalId: 'T1', date: '2026-01-05', amount: '10', currency: '' },
    { externalId: 'T2', date: '2026-01-05', amount: '10', currency: 'eur' },
  ]);
  expect(rows.map((r) => [r.values.type, r.values.currency])).toEqual([
    ['booking', 'USD'],
    ['booking', 'EUR'],
  ]);
});

test('dateFormat reads day-first and month-first dates; ISO dates are read under any format', () => {
  const record = { externalId: '1', closeDate: '03/04/2026', createdDate: '2026-01-15' };
  const dayFirst = run('opportunities', 'entity: opportunities\ndateFormat: DD/MM/YYYY\n', [record]);
  const monthFirst = run('opportunities', 'entity: opportunities\ndateFormat: MM/DD/YYYY\n', [record]);
  expect([dayFirst[0]!.values.closeDate, monthFirst[0]!.values.closeDate]).toEqual(['2026-04-03', '2026-03-04']);
  expect(dayFirst[0]!.values.createdDate).toBe('2026-01-15');
  const [bad] = run('opportunities', 'entity: opportunities\ndateFormat: MM/DD/YYYY\n', [
    { externalId: '1', 'Close Date': '31/02/2026' },
  ]);
  expect(bad!.issues[0]!.message).toBe('Row 2, column "Close Date": "31/02/2026" is not a date in MM/DD/YYYY');
});

test('applyMapping returns raw text per canonical column with the label errors use', () => {
  const mapper = compileMapping(
    {
      externalId: { kind: 'column', header: 'Id' },
      status: { kind: 'derived', headers: ['A', 'B'] },
      currency: { kind: 'default' },
    },
    { entity: 'opportunities', defaults: { currency: 'USD', status: 'open' } },
  );
  expect(applyMapping({ Id: ' 7 ', A: ' ', B: '' }, mapper)).toEqual({
    externalId: { raw: '7', column: 'Id' },
    status: { raw: 'open', column: 'A|B' },
    currency: { raw: 'USD', column: 'currency' },
  });
});
