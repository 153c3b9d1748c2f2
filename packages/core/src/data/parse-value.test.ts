import { expect, test } from 'vitest';
import type { ColumnSpec } from './entity-columns.ts';
import { parseDate, parseDecimal, parseValue } from './parse-value.ts';

const money: ColumnSpec = { name: 'amount', kind: 'money' };
const probability: ColumnSpec = { name: 'probability', kind: 'decimal' };
const rate: ColumnSpec = { name: 'rate', kind: 'decimal' };
const employees: ColumnSpec = { name: 'employees', kind: 'integer' };
const currency: ColumnSpec = { name: 'currency', kind: 'currency' };
const status: ColumnSpec = { name: 'status', kind: 'enum', values: ['open', 'won', 'lost'] };
const forecast: ColumnSpec = { name: 'forecastCategory', kind: 'enum', values: ['pipeline', 'best_case'] };
const closeDate: ColumnSpec = { name: 'closeDate', kind: 'date' };

const value = (raw: string, spec: ColumnSpec, format?: Parameters<typeof parseValue>[2]) => {
  const parsed = parseValue(raw, spec, format);
  return parsed.ok ? parsed.value : parsed.code;
};

test('numbers: thousands separators, parentheses for negatives, plain decimal strings kept as written', () => {
  expect(value('125,000.00', money)).toBe('125000.00');
  expect(value('(1,200.50)', money)).toBe('-1200.50');
  expect(value('(1,200.5)', money)).toBe('-1200.5');
  expect(value('-1,200.5', money)).toBe('-1200.5');
  expect(value(' 54000 ', money)).toBe('54000');
  expect(value('.5', money)).toBe('0.5');
  expect(value('+007.10', money)).toBe('7.10');
  expect(value('-0.00', money)).toBe('0.00');
  expect(value('1.25E+05', money)).toBe('125000');
  expect(parseDecimal('1,234,567.891')).toBe('1234567.891');
});

test('numbers that could be misread are rejected, not guessed', () => {
  for (const raw of [
    '1,5',
    '1.234,56',
    '12,34',
    '$1,200',
    '€100',
    'USD 100',
    '1 000',
    '(-5)',
    '5.',
    'abc',
    '--5',
    '1e',
  ]) {
    expect(value(raw, money), raw).toBe('IMPORT_INVALID_NUMBER');
  }
});

test('a trailing % is accepted on percentage columns only, the value staying in percent', () => {
  expect(value('75%', probability)).toBe('75');
  expect(value('75', probability)).toBe('75');
  expect(value('1.1%', rate)).toBe('IMPORT_INVALID_NUMBER');
  expect(value('5%', money)).toBe('IMPORT_INVALID_NUMBER');
});

test('integers: whole numbers, separators allowed, fractions rejected', () => {
  expect(value('12', employees)).toBe('12');
  expect(value('12,000', employees)).toBe('12000');
  expect(value('12.00', employees)).toBe('12');
  expect(value('12.5', employees)).toBe('IMPORT_INVALID_INTEGER');
  expect(value('twelve', employees)).toBe('IMPORT_INVALID_INTEGER');
});

test('blank is null for every kind', () => {
  for (const spec of [money, employees, currency, status, closeDate, { name: 'name', kind: 'text' } as ColumnSpec]) {
    expect(value('   ', spec)).toBeNull();
    expect(parseValue(null, spec)).toEqual({ ok: true, value: null });
  }
});

test('dates per dateFormat, single digits, date-times, ISO always accepted, impossible dates rejected', () => {
  expect(value('2026-03-28', closeDate)).toBe('2026-03-28');
  expect(value('2026-02-27 16:04', closeDate)).toBe('2026-02-27');
  expect(value('2026-02-27T23:59:59Z', closeDate)).toBe('2026-02-27');
  expect(value('3/28/2026', closeDate, 'MM/DD/YYYY')).toBe('2026-03-28');
  expect(value('03/08/2026 4:05 PM', closeDate, 'MM/DD/YYYY')).toBe('2026-03-08');
  expect(value('03/08/2026', closeDate, 'DD/MM/YYYY')).toBe('2026-08-03');
  expect(value('2026-08-03', closeDate, 'DD/MM/YYYY')).toBe('2026-08-03');
  expect(value('2024-02-29', closeDate)).toBe('2024-02-29');
  for (const raw of ['2026-02-30', '2025-02-29', '13/01/2026', '3/28/26', '28.03.2026', 'soon']) {
    expect(value(raw, closeDate, 'MM/DD/YYYY'), raw).toBe('IMPORT_INVALID_DATE');
  }
  expect(value('3/28/2026', closeDate)).toBe('IMPORT_INVALID_DATE');
  expect(value('31/02/2026', closeDate, 'DD/MM/YYYY')).toBe('IMPORT_INVALID_DATE');
  expect(parseDate('2/29/2028', 'MM/DD/YYYY')).toBe('2028-02-29');
});

test('currencies are upper-cased ISO codes; enums match case-insensitively to the canonical spelling', () => {
  expect(value(' usd ', currency)).toBe('USD');
  expect(value('US$', currency)).toBe('IMPORT_INVALID_CURRENCY');
  expect(value('Euro', currency)).toBe('IMPORT_INVALID_CURRENCY');
  expect(value('WON', status)).toBe('won');
  expect(value('Best Case', forecast)).toBe('best_case');
  expect(value('best-case', forecast)).toBe('best_case');
  expect(value('closed', status)).toBe('IMPORT_INVALID_ENUM');
  expect(parseValue('closed', status)).toEqual({
    ok: false,
    code: 'IMPORT_INVALID_ENUM',
    expected: 'one of open, won, lost',
  });
});

test('text and references are trimmed and otherwise kept, formula-looking text included', () => {
  expect(value('  =HYPERLINK("x")  ', { name: 'account', kind: 'reference', references: 'accounts' })).toBe(
    '=HYPERLINK("x")',
  );
  expect(value(' "Tailspin" - Data ', { name: 'name', kind: 'text' })).toBe('"Tailspin" - Data');
});

test('the quote an export puts before formula-like text is dropped on import, so exports round-trip', () => {
  const name = { name: 'name', kind: 'text' } as const;
  expect(parseValue("'=SUM(A1)", name)).toEqual({ ok: true, value: '=SUM(A1)' });
  expect(parseValue("'-12 Ltd", name)).toEqual({ ok: true, value: '-12 Ltd' });
  expect(parseValue("'quoted'", name)).toEqual({ ok: true, value: "'quoted'" });
});
