import { ENTITY_COLUMNS } from '@attain/core/data/entity-columns.ts';
import { describe, expect, test } from 'vitest';
import { neutralise, neutraliseCell } from './neutralise.ts';

const column = (entity: keyof typeof ENTITY_COLUMNS, name: string) =>
  ENTITY_COLUMNS[entity].find((c) => c.name === name)!;

describe('neutralise (DESIGN §3: exports are safe for Excel)', () => {
  test.each(['=', '+', '-', '@', '\t', '\r'])('a text starting with %j gets a leading quote', (start) => {
    expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  test('other text, and a formula character later in the text, are left alone', () => {
    for (const value of ['Acme', ' =1', "'=1", 'a=b', '', '1-2', 'Ünïcode']) expect(neutralise(value)).toBe(value);
  });

  test('only text-like columns are neutralised: a negative amount or a date stays a value', () => {
    expect(neutraliseCell(column('transactions', 'amount'), '-1200.00')).toBe('-1200.00');
    expect(neutraliseCell(column('transactions', 'date'), '2026-01-01')).toBe('2026-01-01');
    expect(neutraliseCell(column('opportunities', 'probability'), '-5')).toBe('-5');
    expect(neutraliseCell(column('accounts', 'name'), '-Acme')).toBe("'-Acme");
    expect(neutraliseCell(column('transactions', 'owner'), '@rep')).toBe("'@rep");
    expect(neutraliseCell(column('accounts', 'name'), null)).toBeNull();
  });
});
