// An assignment rule (DESIGN §5.1): items of account field / operator / value, combined by logic
// such as "(1 and 2) or 3" (all items and-ed when absent); the lowest priority number wins; an
// inherited rule also reaches the territory's children (docs/territories.md). Rules arrive from a
// YAML or JSON file, the API or the database; every problem is RULE_INVALID naming the rule and item.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AttainError } from '../errors.ts';
import { Decimal } from '../money/decimal.ts';
import { allItems, parseRuleLogic, type RuleLogic } from './parse-rule-logic.ts';

/** The account fields a rule may test, and whether each is text or a number. */
export const RULE_FIELDS = {
  name: 'text',
  industry: 'text',
  segment: 'text',
  country: 'text',
  region: 'text',
  city: 'text',
  parent: 'text',
  employees: 'number',
  annualRevenue: 'number',
  potential: 'number',
} as const;
export type RuleField = keyof typeof RULE_FIELDS;

export const RULE_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'starts_with',
  'between',
  'is_empty',
  'is_not_empty',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

const scalar = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const ItemSchema = z.object({
  field: z.string(),
  operator: z.string(),
  value: z.union([scalar, z.array(scalar)]).optional(),
});

export const RuleSchema = z.object({
  territory: z.string().trim().min(1),
  name: z.string().trim().min(1).optional(),
  priority: z.number().int(),
  items: z.array(ItemSchema).min(1),
  logic: z.string().optional(),
  inherit: z.boolean().optional(),
});

export interface RuleItem {
  field: RuleField;
  operator: RuleOperator;
  /** A string for equals / not_equals / starts_with; a list for in / not_in; [min, max] for between. */
  value?: string | string[] | undefined;
}

export interface Rule {
  territory: string;
  name?: string | undefined;
  priority: number;
  items: RuleItem[];
  logic?: string | undefined;
  inherit: boolean;
}

/** Validates one rule; `label` names it in messages when it has no name (e.g. "rule 3 of rules.yaml"). */
export function parseRule(input: unknown, label = 'rule'): Rule & { parsedLogic: RuleLogic } {
  const parsed = RuleSchema.safeParse(input);
  const ruleName =
    (typeof input === 'object' && input !== null && typeof (input as { name?: unknown }).name === 'string'
      ? (input as { name: string }).name
      : undefined) ?? label;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` ${describePath(issue.path)}:` : '';
    throw new AttainError('RULE_INVALID', `Rule "${ruleName}":${where} ${issue.message}`, {
      rule: ruleName,
      path: issue.path.join('.'),
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const rule = parsed.data;
  const items = rule.items.map((item, k) => checkItem(item, ruleName, k + 1));
  const parsedLogic =
    rule.logic === undefined ? allItems(items.length) : parseRuleLogic(rule.logic, items.length, ruleName);
  return {
    territory: rule.territory,
    name: rule.name,
    priority: rule.priority,
    items,
    logic: rule.logic,
    inherit: rule.inherit ?? false,
    parsedLogic,
  };
}

function describePath(path: PropertyKey[]): string {
  if (path[0] === 'items' && typeof path[1] === 'number') {
    return `item ${path[1] + 1}${path.length > 2 ? ` ${path.slice(2).join('.')}` : ''}`;
  }
  return path.join('.');
}

function checkItem(item: z.infer<typeof ItemSchema>, rule: string, n: number): RuleItem {
  const fail = (message: string): never => {
    throw new AttainError('RULE_INVALID', `Rule "${rule}", item ${n}: ${message}`, { rule, item: n, ...item });
  };
  if (!Object.hasOwn(RULE_FIELDS, item.field)) {
    fail(`"${item.field}" is not an account field (${Object.keys(RULE_FIELDS).join(', ')})`);
  }
  const field = item.field as RuleField;
  if (!(RULE_OPERATORS as readonly string[]).includes(item.operator)) {
    fail(`"${item.operator}" is not an operator (${RULE_OPERATORS.join(', ')})`);
  }
  const operator = item.operator as RuleOperator;
  const kind = RULE_FIELDS[field];
  const { value } = item;
  const isNumber = (v: string) => /^-?\d+(\.\d+)?$/.test(v);
  switch (operator) {
    case 'is_empty':
    case 'is_not_empty':
      return { field, operator };
    case 'in':
    case 'not_in': {
      const list = Array.isArray(value) ? value : undefined;
      if (!list || list.length === 0) fail(`${operator} needs a list of values`);
      if (kind === 'number' && !list!.every(isNumber)) fail(`${field} is a number; every value must be one`);
      return { field, operator, value: list! };
    }
    case 'between': {
      if (kind !== 'number') fail(`between compares numbers; ${field} is text`);
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isNumber))
        fail('between needs [min, max] numbers');
      const [min, max] = value as string[];
      if (new Decimal(min!).greaterThan(max!)) fail(`between [${min}, ${max}]: min is greater than max`);
      return { field, operator, value: [min!, max!] };
    }
    default: {
      if (typeof value !== 'string' || value === '') fail(`${operator} needs one value`);
      if (operator === 'starts_with' && kind === 'number') fail(`starts_with compares text; ${field} is a number`);
      if (kind === 'number' && !isNumber(value as string)) fail(`${field} is a number; "${value}" is not`);
      return { field, operator, value: value as string };
    }
  }
}

/**
 * A rules file: YAML or JSON, either a list of rules or `{ rules: [...] }`. Every rule is checked;
 * the first problem is thrown, naming the rule (its name, else "rule N of FILE").
 */
export function parseRuleFile(text: string, fileName: string): Rule[] {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new AttainError('RULE_INVALID', `${fileName} is not YAML or JSON: ${(error as Error).message}`, { fileName });
  }
  const list = Array.isArray(document) ? document : (document as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(list)) {
    throw new AttainError('RULE_INVALID', `${fileName} must hold a list of rules (or "rules:" with a list)`, {
      fileName,
    });
  }
  return list.map((entry, k) => {
    const { parsedLogic: _, ...rule } = parseRule(entry, `rule ${k + 1} of ${fileName}`);
    return rule;
  });
}
