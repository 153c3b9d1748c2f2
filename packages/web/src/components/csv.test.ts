import { describe, expect, test } from 'vitest';
import { neutraliseCell, toCsv } from './csv.ts';

describe('CSV export is safe for Excel (DESIGN §3)', () => {
  test('text starting with = + - @ tab or CR gets a leading quote', () => {
    expect(['=SUM(A1)', '+1+2', '-2+3+cmd|x', '@A1', '\tx', '\rx'].map(neutraliseCell)).toEqual([
      "'=SUM(A1)",
      "'+1+2",
      "'-2+3+cmd|x",
      "'@A1",
      "'\tx",
      "'\rx",
    ]);
  });

  test('plain numbers and ordinary text are left alone', () => {
    expect(['-1200.50', '42', 'Acme, Inc.', 'a=b'].map(neutraliseCell)).toEqual([
      '-1200.50',
      '42',
      'Acme, Inc.',
      'a=b',
    ]);
  });

  test('quotes fields with commas, quotes and line breaks; CRLF line ends', () => {
    expect(
      toCsv(
        ['Account', 'Amount'],
        [
          ['Acme, "the" Inc.', '18000.00'],
          ['=HYPERLINK("x")', null],
        ],
      ),
    ).toBe('Account,Amount\r\n"Acme, ""the"" Inc.",18000.00\r\n"\'=HYPERLINK(""x"")",\r\n');
  });
});
