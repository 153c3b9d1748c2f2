import { describe, expect, test } from 'vitest';
import { AttainError } from '../errors.ts';
import { evaluateLogic, parseRuleLogic } from './parse-rule-logic.ts';

// Truth of "logic" for items 1..3 given as a bit string, e.g. "101" = 1 true, 2 false, 3 true.
const truth = (logic: string, bits: string) =>
  evaluateLogic(
    parseRuleLogic(logic, 3),
    [...bits].map((b) => b === '1'),
  );

describe('precedence: not > and > or', () => {
  test('1 or 2 and 3 reads as 1 or (2 and 3)', () => {
    // 1 true, 2 and 3 false: (1 or 2) and 3 would be false; 1 or (2 and 3) is true
    expect(truth('1 or 2 and 3', '100')).toBe(true);
    expect(parseRuleLogic('1 or 2 and 3', 3)).toEqual({
      kind: 'or',
      terms: [
        { kind: 'item', item: 1 },
        {
          kind: 'and',
          terms: [
            { kind: 'item', item: 2 },
            { kind: 'item', item: 3 },
          ],
        },
      ],
    });
  });
  test('not 1 and 2 reads as (not 1) and 2', () => {
    // 1 false, 2 false: not (1 and 2) would be true; (not 1) and 2 is false
    expect(truth('not 1 and 2', '000')).toBe(false);
    expect(truth('not 1 and 2', '010')).toBe(true);
  });
  test('parentheses override, not not cancels, words in any case', () => {
    expect(truth('(1 or 2) and 3', '100')).toBe(false);
    expect(truth('(1 OR 2) And 3', '101')).toBe(true);
    expect(truth('not not 2', '010')).toBe(true);
    expect(truth('(1 and 2) or not 3', '000')).toBe(true);
    expect(truth('(1 and 2) or not 3', '001')).toBe(false);
    expect(truth('((3))', '001')).toBe(true);
  });
});

describe('every malformed logic is RULE_INVALID with its 1-based position', () => {
  const cases: [string, number, RegExp][] = [
    ['', 1, /the logic is empty/],
    ['   ', 1, /the logic is empty/],
    ['(1 and 2', 9, /expected "\)" but found the end/],
    ['1 and', 6, /expected an item number or "\(" but found the end/],
    ['1 2', 3, /unexpected "2"/],
    ['1 and )', 7, /expected an item number or "\(" but found "\)"/],
    ['1 or 4', 6, /there is no item 4 \(the rule has 3 items\)/],
    ['0 or 1', 1, /there is no item 0/],
    ['1 & 2', 3, /unexpected "&"/],
    ['1 xor 2', 3, /unknown word "xor"/],
    ['(1 or 2))', 9, /unexpected "\)"/],
    ['()', 2, /found "\)"/],
    ['not', 4, /found the end/],
  ];
  test.each(cases)('%j fails at position %i', (logic, position, message) => {
    try {
      parseRuleLogic(logic, 3, 'EMEA enterprise');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AttainError);
      const e = error as AttainError;
      expect(e.code).toBe('RULE_INVALID');
      expect(e.details).toEqual({ rule: 'EMEA enterprise', logic, position });
      expect(e.message).toMatch(message);
      expect(e.message).toContain(`at position ${position}`);
      expect(e.message).toContain('Rule "EMEA enterprise"');
    }
  });
});
