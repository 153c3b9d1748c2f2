import { describe, expect, test } from 'vitest';
import type { AttainError } from '../errors.ts';
import { evaluateRule, type RuleAccount } from './evaluate-rule.ts';
import { parseRule, parseRuleFile } from './rule-schema.ts';

const acme: RuleAccount = {
  name: 'Acme GmbH',
  country: 'DE',
  segment: 'Enterprise',
  industry: null,
  city: '  ',
  employees: 1200,
  annualRevenue: '50000000.50',
  potential: '250000',
  parent: 'A-9',
};

const holds = (item: object, account: RuleAccount = acme) =>
  evaluateRule(parseRule({ territory: 'T', priority: 1, items: [item] }), account);

describe('operators (text case-insensitive, numbers as Decimal, between inclusive)', () => {
  test.each([
    [{ field: 'country', operator: 'equals', value: 'de' }, true],
    [{ field: 'country', operator: 'equals', value: 'AT' }, false],
    [{ field: 'industry', operator: 'equals', value: 'retail' }, false],
    [{ field: 'country', operator: 'not_equals', value: 'AT' }, true],
    [{ field: 'country', operator: 'not_equals', value: 'De' }, false],
    [{ field: 'industry', operator: 'not_equals', value: 'retail' }, true],
    [{ field: 'country', operator: 'in', value: ['AT', 'de', 'CH'] }, true],
    [{ field: 'country', operator: 'in', value: ['AT', 'CH'] }, false],
    [{ field: 'country', operator: 'not_in', value: ['AT', 'CH'] }, true],
    [{ field: 'industry', operator: 'not_in', value: ['retail'] }, true],
    [{ field: 'name', operator: 'starts_with', value: 'acme' }, true],
    [{ field: 'name', operator: 'starts_with', value: 'GmbH' }, false],
    [{ field: 'employees', operator: 'between', value: [1200, 5000] }, true],
    [{ field: 'employees', operator: 'between', value: [100, 1200] }, true],
    [{ field: 'employees', operator: 'between', value: [1201, 5000] }, false],
    [{ field: 'annualRevenue', operator: 'between', value: ['50000000.5', '60000000'] }, true],
    [{ field: 'annualRevenue', operator: 'between', value: ['50000000.51', '60000000'] }, false],
    [{ field: 'potential', operator: 'equals', value: '250000.00' }, true],
    [{ field: 'employees', operator: 'in', value: [10, 1200] }, true],
    [{ field: 'industry', operator: 'is_empty' }, true],
    [{ field: 'city', operator: 'is_empty' }, true],
    [{ field: 'country', operator: 'is_empty' }, false],
    [{ field: 'country', operator: 'is_not_empty' }, true],
    [{ field: 'region', operator: 'is_not_empty' }, false],
    [{ field: 'parent', operator: 'equals', value: 'a-9' }, true],
  ])('%j → %s', (item, expected) => {
    expect(holds(item)).toBe(expected);
  });
});

test('logic combines items; without logic every item must hold', () => {
  const items = [
    { field: 'country', operator: 'in', value: ['DE', 'AT'] },
    { field: 'segment', operator: 'equals', value: 'smb' },
    { field: 'employees', operator: 'between', value: [1000, 2000] },
  ];
  expect(evaluateRule(parseRule({ territory: 'T', priority: 1, items }), acme)).toBe(false);
  expect(evaluateRule(parseRule({ territory: 'T', priority: 1, items, logic: '1 and (2 or 3)' }), acme)).toBe(true);
  expect(evaluateRule(parseRule({ territory: 'T', priority: 1, items, logic: 'not 1 or 2' }), acme)).toBe(false);
});

describe('bad rules are RULE_INVALID naming the rule and the item', () => {
  const fails = (rule: object, message: RegExp) => {
    try {
      parseRule(rule, 'rule 2 of rules.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as AttainError).code).toBe('RULE_INVALID');
      expect((error as AttainError).message).toMatch(message);
    }
  };
  const base = { territory: 'DACH', name: 'DACH', priority: 10 };
  test('unknown field', () =>
    fails(
      {
        ...base,
        items: [
          { field: 'country', operator: 'equals', value: 'DE' },
          { field: 'colour', operator: 'equals', value: 'x' },
        ],
      },
      /^Rule "DACH", item 2: "colour" is not an account field \(name, industry/,
    ));
  test('unknown operator', () =>
    fails(
      { ...base, items: [{ field: 'country', operator: 'like', value: 'D%' }] },
      /item 1: "like" is not an operator/,
    ));
  test('missing or mistyped values', () => {
    fails({ ...base, items: [{ field: 'country', operator: 'in', value: 'DE' }] }, /item 1: in needs a list/);
    fails({ ...base, items: [{ field: 'country', operator: 'equals' }] }, /item 1: equals needs one value/);
    fails({ ...base, items: [{ field: 'employees', operator: 'equals', value: 'many' }] }, /"many" is not/);
    fails({ ...base, items: [{ field: 'country', operator: 'between', value: ['A', 'C'] }] }, /country is text/);
    fails({ ...base, items: [{ field: 'employees', operator: 'between', value: [5, 1] }] }, /min is greater than max/);
    fails({ ...base, items: [{ field: 'potential', operator: 'starts_with', value: '1' }] }, /potential is a number/);
  });
  test('unnamed rules are named by their place; schema problems name the path', () => {
    fails({ territory: 'DACH', items: [] }, /^Rule "rule 2 of rules.yaml": priority: /);
    fails(
      {
        territory: 'DACH',
        priority: 1,
        items: [{ field: 'country', operator: 'equals', value: 'DE' }],
        logic: '1 or 2',
      },
      /^Rule "rule 2 of rules.yaml": logic "1 or 2": there is no item 2 .* at position 6/,
    );
  });
});

test('a rules file is YAML or JSON, a list or { rules: [...] }', () => {
  const yaml = `rules:
  - territory: DACH
    name: DACH enterprise
    priority: 10
    inherit: true
    items:
      - { field: country, operator: in, value: [DE, AT, CH] }
      - { field: segment, operator: equals, value: enterprise }
    logic: 1 and 2
`;
  expect(parseRuleFile(yaml, 'rules.yaml')).toEqual([
    {
      territory: 'DACH',
      name: 'DACH enterprise',
      priority: 10,
      inherit: true,
      logic: '1 and 2',
      items: [
        { field: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
        { field: 'segment', operator: 'equals', value: 'enterprise' },
      ],
    },
  ]);
  const json = JSON.stringify([{ territory: 'X', priority: 1, items: [{ field: 'city', operator: 'is_empty' }] }]);
  expect(parseRuleFile(json, 'r.json')[0]!.inherit).toBe(false);
  expect(() => parseRuleFile('territory: X', 'r.yaml')).toThrow(/must hold a list of rules/);
  expect(() => parseRuleFile(json.replace('city', 'colour'), 'r.json')).toThrow(/Rule "rule 1 of r.json", item 1/);
});
